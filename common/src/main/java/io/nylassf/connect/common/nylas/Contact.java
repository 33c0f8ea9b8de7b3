package io.nylassf.connect.common.nylas;

import com.fasterxml.jackson.databind.JsonNode;

/** A Nylas contact. Contacts carry no documented modified time, so readers detect changes themselves. */
public record Contact(JsonNode json) implements NylasObject {
}

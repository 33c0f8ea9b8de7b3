package io.nylassf.connect.common.nylas;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A folder or (Google) label of a grant's mailbox. Ids are the provider's: Google's system labels have readable
 * ids ({@code SPAM}, {@code TRASH}, {@code DRAFT}), Microsoft's and IMAP's are opaque, so a folder's purpose is
 * read from its {@code attributes} ({@code \Junk}, {@code \Trash}, {@code \Drafts}...), which Nylas fills for system
 * folders of every provider.
 */
public record Folder(JsonNode json) {
    public String id() {
        return json.path("id").asText(null);
    }

    public String name() {
        return json.path("name").asText(null);
    }

    public List<String> attributes() {
        List<String> out = new ArrayList<>();
        json.path("attributes").forEach(a -> out.add(a.asText()));
        return out;
    }

    /** Google only: whether the provider made the label. */
    public boolean systemFolder() {
        return json.path("system_folder").asBoolean(false);
    }
}

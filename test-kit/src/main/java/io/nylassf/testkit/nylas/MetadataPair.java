package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.Predicate;

/** {@code metadata_pair=key1:value}: one pair, and only the indexed keys {@code key1}..{@code key5}. */
record MetadataPair(String key, String value) implements Predicate<ObjectNode> {

    static MetadataPair parse(String raw, String requestId) {
        if (raw == null) {
            return null;
        }
        int colon = raw.indexOf(':');
        if (colon <= 0) {
            throw NylasErrors.badRequest(requestId, "metadata_pair must look like key1:value.");
        }
        String key = raw.substring(0, colon);
        if (!key.matches("key[1-5]")) {
            throw NylasErrors.badRequest(requestId,
                    "metadata_pair can only filter on the indexed keys key1 to key5, not " + key + ".");
        }
        return new MetadataPair(key, raw.substring(colon + 1));
    }

    @Override
    public boolean test(ObjectNode node) {
        JsonNode v = node.path("metadata").get(key);
        return v != null && v.isValueNode() && value.equals(v.asText());
    }
}

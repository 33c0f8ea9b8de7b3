package io.nylassf.connect.source.salesforce.mapping;

import io.nylassf.connect.common.schema.SalesforceSchemas;
import io.nylassf.connect.common.time.Timestamps;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a window as the REST API returned it, flattened: relationship objects become dotted keys
 * ({@code Who.Email}), {@code attributes} are dropped, every value becomes its JSON text.
 */
public record ChangeRow(String sobject, String id, Instant systemModstamp, String changeType,
                        String lastModifiedById, String ownerId, Map<String, String> fields) {

    public static ChangeRow of(String sobject, Map<String, Object> row) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", row, flat);
        String id = flat.get("Id");
        if (id == null) {
            throw new IllegalArgumentException(sobject + " row without Id");
        }
        String rawStamp = flat.get("SystemModstamp");
        Instant stamp = Timestamps.parseInstant(rawStamp);
        if (stamp == null) {
            throw new IllegalArgumentException(sobject + " " + id + (rawStamp == null || rawStamp.isBlank()
                    ? " has no SystemModstamp" : " has an unreadable SystemModstamp '" + rawStamp + "'"));
        }
        String changeType;
        if ("true".equals(flat.get("IsDeleted"))) {
            changeType = SalesforceSchemas.DELETED;
        } else if (flat.get("CreatedDate") != null && flat.get("CreatedDate").equals(flat.get("LastModifiedDate"))) {
            changeType = SalesforceSchemas.CREATED;
        } else {
            changeType = SalesforceSchemas.UPDATED;
        }
        return new ChangeRow(sobject, id, stamp, changeType, flat.get("LastModifiedById"), flat.get("OwnerId"), flat);
    }

    /** This row with one more key in its fields (e.g. what the source learned beside the row itself). */
    public ChangeRow with(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(fields);
        more.put(key, value);
        return new ChangeRow(sobject, id, systemModstamp, changeType, lastModifiedById, ownerId, more);
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> m, Map<String, String> out) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (e.getKey().equals("attributes")) {
                continue;
            }
            Object v = e.getValue();
            if (v instanceof Map<?, ?> nested) {
                flatten(prefix + e.getKey() + ".", (Map<String, Object>) nested, out);
            } else {
                out.put(prefix + e.getKey(), v == null ? null : v.toString());
            }
        }
    }
}

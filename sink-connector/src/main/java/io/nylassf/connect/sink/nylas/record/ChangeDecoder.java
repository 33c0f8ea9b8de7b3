package io.nylassf.connect.sink.nylas.record;

import io.nylassf.connect.common.loop.LoopGuard;
import io.nylassf.connect.common.schema.SalesforceSchemas;
import io.nylassf.connect.common.time.Timestamps;
import io.nylassf.connect.sink.record.Fields;
import io.nylassf.connect.sink.record.RecordDecodeException;
import org.apache.kafka.connect.sink.SinkRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the record shapes the sink accepts into {@link SalesforceChange}s:
 * <ol>
 *   <li>the Salesforce source's {@code io.nylassf.salesforce.Record} Struct;</li>
 *   <li>the same as schemaless JSON (a map with {@code sobject}, {@code id}, {@code change_type},
 *   {@code system_modstamp} in epoch ms or ISO-8601, {@code fields});</li>
 *   <li>a Salesforce Change Data Capture event as CDC source connectors write it (Struct or map): a
 *   {@code ChangeEventHeader} with {@code entityName}, {@code recordIds}, {@code changeType}, {@code changeOrigin},
 *   {@code commitTimestamp}, {@code commitUser}, next to the changed fields; also nested under {@code payload} or
 *   {@code data.payload}. One change per record ID; an UPDATE carries only the changed fields.</li>
 * </ol>
 * A null value (tombstone) decodes to nothing.
 */
public final class ChangeDecoder {
    private static final Pattern SALESFORCE_ID = Pattern.compile("[a-zA-Z0-9]{15}|[a-zA-Z0-9]{18}");

    private final List<String> ownClientIds;

    public ChangeDecoder(List<String> ownClientIds) {
        this.ownClientIds = List.copyOf(ownClientIds);
    }

    public List<SalesforceChange> decode(SinkRecord record) {
        Object value = record.value();
        if (value == null) {
            return List.of();
        }
        Map<String, Object> map = toMap(value);
        Map<String, Object> cdc = cdcPayload(map);
        if (cdc != null) {
            return decodeCdc(cdc);
        }
        if (map.containsKey(SalesforceSchemas.SOBJECT) || map.containsKey(SalesforceSchemas.ID)) {
            return List.of(decodeOwn(map));
        }
        throw new RecordDecodeException("unsupported record shape (neither io.nylassf.salesforce.Record nor a "
                + "CDC change event) on " + record.topic() + "-" + record.kafkaPartition() + "@"
                + record.kafkaOffset());
    }

    private static SalesforceChange decodeOwn(Map<String, Object> m) {
        String sobject = text(m.get(SalesforceSchemas.SOBJECT));
        String id = text(m.get(SalesforceSchemas.ID));
        Object stamp = m.get(SalesforceSchemas.SYSTEM_MODSTAMP);
        Long version = millis(stamp);
        if (sobject == null || id == null || stamp == null) {
            throw new RecordDecodeException("record without sobject, id or system_modstamp");
        }
        requireSalesforceId(id);
        if (version == null) {
            throw new RecordDecodeException("system_modstamp '" + clip(stamp) + "' is not a time");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Object rawFields = m.get(SalesforceSchemas.FIELDS);
        if (rawFields instanceof Map<?, ?> f) {
            f.forEach((k, v) -> fields.put(String.valueOf(k), text(v)));
        } else if (rawFields != null) {
            throw new RecordDecodeException("fields is " + (rawFields instanceof List<?> ? "a list" : "a "
                    + rawFields.getClass().getSimpleName()) + ", not a map");
        }
        String changeType = text(m.get(SalesforceSchemas.CHANGE_TYPE));
        return new SalesforceChange(sobject, id, changeType == null ? SalesforceSchemas.UPDATED : changeType,
                version, text(m.get(SalesforceSchemas.LAST_MODIFIED_BY_ID)), text(m.get(SalesforceSchemas.OWNER_ID)),
                text(m.get(SalesforceSchemas.ORIGIN_CLIENT)), Boolean.TRUE.equals(m.get(SalesforceSchemas.OWN_CHANGE)),
                fields, false, text(m.get(SalesforceSchemas.OBSERVED_VIA)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cdcPayload(Map<String, Object> m) {
        if (m.get("ChangeEventHeader") instanceof Map<?, ?>) {
            return m;
        }
        if (m.get("payload") instanceof Map<?, ?> p && p.get("ChangeEventHeader") instanceof Map<?, ?>) {
            return (Map<String, Object>) p;
        }
        if (m.get("data") instanceof Map<?, ?> d && d.get("payload") instanceof Map<?, ?> p
                && p.get("ChangeEventHeader") instanceof Map<?, ?>) {
            return (Map<String, Object>) p;
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private List<SalesforceChange> decodeCdc(Map<String, Object> payload) {
        Map<String, Object> h = (Map<String, Object>) payload.get("ChangeEventHeader");
        String entity = text(get(h, "entityName"));
        String type = text(get(h, "changeType"));
        Long commit = millis(get(h, "commitTimestamp"));
        Object ids = get(h, "recordIds");
        if (entity == null || type == null || commit == null || !(ids instanceof List<?> idList)) {
            throw new RecordDecodeException("CDC event without entityName, changeType, commitTimestamp or recordIds");
        }
        String origin = text(get(h, "changeOrigin"));
        boolean own = ownClientIds.stream().anyMatch(c -> LoopGuard.isOwnChangeOrigin(origin, c));
        String changeType = switch (type.toUpperCase(Locale.ROOT)) {
            case "CREATE", "GAP_CREATE" -> SalesforceSchemas.CREATED;
            case "DELETE", "GAP_DELETE" -> SalesforceSchemas.DELETED;
            case "UNDELETE", "GAP_UNDELETE" -> SalesforceSchemas.UNDELETED;
            default -> SalesforceSchemas.UPDATED;
        };
        Map<String, String> fields = new LinkedHashMap<>();
        flatten("", payload, fields);
        boolean partial = changeType.equals(SalesforceSchemas.UPDATED);
        // commitUser is who Salesforce says committed the change; a LastModifiedById in the payload is checked too
        String commitUser = text(get(h, "commitUser"));
        String user = commitUser != null ? commitUser : fields.get("LastModifiedById");
        List<SalesforceChange> out = new ArrayList<>();
        for (Object id : idList) {
            String rid = text(id);
            if (rid == null || rid.endsWith("*")) {
                continue; // wildcard events (field type conversions) carry no record to act on
            }
            requireSalesforceId(rid);
            out.add(new SalesforceChange(entity, rid, changeType, commit, user, fields.get("OwnerId"), origin, own,
                    fields, partial, SalesforceSchemas.VIA_CDC));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> m, Map<String, String> out) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (e.getKey().equals("ChangeEventHeader") || e.getKey().equals("attributes")) {
                continue;
            }
            if (e.getValue() instanceof Map<?, ?> nested) {
                flatten(prefix + e.getKey() + ".", (Map<String, Object>) nested, out);
            } else {
                out.put(prefix + e.getKey(), text(e.getValue()));
            }
        }
    }

    /** A Salesforce record ID: 15 or 18 letters and digits (it becomes part of tags, keys and URLs). */
    static void requireSalesforceId(String id) {
        if (!SALESFORCE_ID.matcher(id).matches()) {
            throw new RecordDecodeException("'" + clip(id) + "' is not a Salesforce record ID");
        }
    }

    private static String clip(Object v) {
        String s = String.valueOf(v);
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** Case-insensitive header lookup (CDC payloads appear as changeType and changetype). */
    private static Object get(Map<String, Object> h, String name) {
        Object v = h.get(name);
        if (v != null) {
            return v;
        }
        for (Map.Entry<String, Object> e : h.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    static Map<String, Object> toMap(Object value) {
        Fields fields = Fields.of(value);
        if (fields == null) {
            throw new RecordDecodeException("record value is a " + value.getClass().getSimpleName()
                    + ", not a Struct or map (use a converter that yields one, e.g. JsonConverter)");
        }
        return fields.toMap();
    }

    static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Date d) {
            return d.toInstant().toString();
        }
        return v.toString();
    }

    /** Epoch ms from a Date, a number or an ISO-8601 / Salesforce date-time string. */
    public static Long millis(Object v) {
        if (v instanceof Date d) {
            return d.getTime();
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof String s) {
            Instant i = Timestamps.parseInstantOrEpochMillis(s);
            return i == null ? null : i.toEpochMilli();
        }
        return null;
    }
}

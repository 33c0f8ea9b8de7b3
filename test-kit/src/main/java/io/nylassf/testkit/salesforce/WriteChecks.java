package io.nylassf.testkit.salesforce;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a write must pass before it is stored, each failing with Salesforce's error code: a live target id,
 * {@code If-Unmodified-Since}, field names, writability, types, lengths and references, required fields and the
 * object's save rule. Guarded by the org lock.
 */
final class WriteChecks {
    private final OrgTables tables;

    WriteChecks(OrgTables tables) {
        this.tables = tables;
    }

    static boolean deleted(Map<String, Object> row) {
        return Boolean.TRUE.equals(row.get("IsDeleted"));
    }

    /** The 18-char id of a live row of {@code t}; MALFORMED_ID, NOT_FOUND or ENTITY_IS_DELETED otherwise. */
    String liveId(Table t, String id) {
        String id18 = SalesforceIds.normalize(id);
        if (id18 == null) {
            throw SalesforceException.of(400, "MALFORMED_ID", t.schema.name() + " ID: id value of incorrect type: " + id);
        }
        Map<String, Object> row = t.get(id18);
        if (row == null) {
            throw SalesforceException.of(404, "NOT_FOUND", "The requested resource does not exist");
        }
        if (deleted(row)) {
            throw SalesforceException.of(404, "ENTITY_IS_DELETED", "entity is deleted");
        }
        return id18;
    }

    static void unmodifiedSince(Map<String, Object> row, Instant since) {
        if (since != null) {
            Instant modified = ((Instant) row.get("LastModifiedDate")).truncatedTo(ChronoUnit.SECONDS);
            if (modified.isAfter(since)) {
                throw SalesforceException.of(412, "PRECONDITION_FAILED",
                        "The requested resource has been modified since " + since + " (If-Unmodified-Since).");
            }
        }
    }

    /** Canonical field name → stored value, checking names, writability, types, lengths and references. */
    Map<String, Object> convert(SObjectSchema s, Map<String, Object> raw, boolean fromText, boolean create) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            String key = e.getKey();
            if (key.equals("attributes")) {
                continue;
            }
            FieldDef f = s.field(key);
            if (f == null) {
                throw SalesforceException.of(400, "INVALID_FIELD", "No such column '" + key + "' on sobject of type " + s.name(), key);
            }
            if (create ? !f.createable() : !f.updateable()) {
                throw SalesforceException.of(400, "INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to " + (create ? "create" : "update")
                        + " fields: " + f.name() + ". Please check the security settings of this field and verify that it is read/write for your profile or permission set.", f.name());
            }
            Object v = FieldValues.coerce(s.name(), f, e.getValue(), fromText);
            if (v != null && f.type() == FieldType.REFERENCE) {
                reference(f, (String) v);
            }
            out.put(f.name(), v);
        }
        return out;
    }

    private void reference(FieldDef f, String id18) {
        SObjectSchema target = tables.schemaForId(id18);
        if (target == null || f.referenceTo().stream().noneMatch(target.name()::equals)) {
            throw SalesforceException.of(400, "FIELD_INTEGRITY_EXCEPTION", f.name() + ": id value of incorrect type: " + id18, f.name());
        }
        Map<String, Object> row = tables.findRow(id18);
        if (row == null || deleted(row)) {
            throw SalesforceException.of(400, "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", f.name());
        }
        if (f.name().equals("OwnerId") && Boolean.FALSE.equals(row.get("IsActive"))) {
            throw SalesforceException.of(400, "INACTIVE_OWNER_OR_USER",
                    "operation performed with inactive user [" + id18 + "] as owner", f.name());
        }
    }

    /** Applies the required-field check, then the object's save rule. */
    static void finish(SObjectSchema s, Map<String, Object> row, Set<String> changed, boolean create) {
        List<ApiError> errors = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (FieldDef f : s.fields()) {
            if (f.required() && row.get(f.name()) == null) {
                missing.add(f.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new SalesforceException(new ApiError(400, "REQUIRED_FIELD_MISSING",
                    "Required fields are missing: " + missing, missing, null));
        }
        s.rule().apply(row, changed, create, errors);
        if (!errors.isEmpty()) {
            throw new SalesforceException(errors);
        }
    }

    /** The update body without its {@code Id}, which may only repeat the target's id (INVALID_ID_FIELD). */
    static Map<String, Object> withoutOwnId(String id18, Map<String, Object> raw) {
        Map<String, Object> body = new LinkedHashMap<>(raw);
        Object bodyId = body.remove("Id");
        if (bodyId == null) {
            bodyId = body.remove("id");
        }
        if (bodyId != null && !id18.equals(SalesforceIds.normalize(String.valueOf(bodyId)))) {
            throw SalesforceException.of(400, "INVALID_ID_FIELD", "The Id field should not be specified in the sobject data.", "Id");
        }
        return body;
    }

    /** The field an upsert matches on (an external ID or Id), which the body may not set itself. */
    static FieldDef upsertKey(SObjectSchema s, String extField, Map<String, Object> raw) {
        FieldDef f = s.field(extField);
        if (f == null || !(f.externalId() || f.type() == FieldType.ID)) {
            throw SalesforceException.of(404, "NOT_FOUND", "Provided external ID field does not exist or is not accessible: " + extField);
        }
        for (String key : raw.keySet()) {
            if (key.equalsIgnoreCase("Id") || key.equalsIgnoreCase(f.name())) {
                throw SalesforceException.of(400, "INVALID_FIELD", "The field " + key
                        + " is not allowed in the request body when upserting by " + f.name(), key);
            }
        }
        return f;
    }
}

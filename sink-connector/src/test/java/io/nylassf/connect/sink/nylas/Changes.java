package io.nylassf.connect.sink.nylas;

import io.nylassf.connect.sink.nylas.record.SalesforceChange;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test helper: Salesforce changes as the source writes them. */
public final class Changes {
    public static final String OWNER = "005000000000001AAA";
    public static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");

    private Changes() {
    }

    public static Map<String, String> sendableTask() {
        Map<String, String> f = new HashMap<>();
        f.put("Subject", "Following up on Q2 plan");
        f.put("Description", "Thanks for the call earlier");
        f.put("TaskSubtype", "Email");
        f.put("Status", "Not Started");
        f.put("Who.Email", "ada@acme.test");
        f.put("Owner.Email", "rep@example.com");
        f.put("CreatedDate", "2026-01-05T08:59:00.000+0000");
        return f;
    }

    /** A change written by its owner: creator, last modifier and owner are {@link #OWNER}. */
    public static SalesforceChange change(String sobject, String id, String type, long version,
                                          Map<String, String> fields) {
        Map<String, String> f = new HashMap<>(fields);
        f.putIfAbsent("CreatedById", OWNER);
        return new SalesforceChange(sobject, id, type, version, OWNER, OWNER, null, false, f, false, "soql");
    }

    /** A change owned by {@code owner}, created by {@code createdBy} and last modified by {@code modifiedBy}. */
    public static SalesforceChange writtenBy(String sobject, String id, Map<String, String> fields, String owner,
                                             String createdBy, String modifiedBy) {
        Map<String, String> f = new HashMap<>(fields);
        if (createdBy != null) {
            f.put("CreatedById", createdBy);
        }
        return new SalesforceChange(sobject, id, "created", 1L, modifiedBy, owner, null, false, f, false, "soql");
    }

    /** A schemaless Task record value as the Salesforce source writes it: sendable, owned and written by OWNER. */
    public static Map<String, Object> taskValue(String id, String ownerEmail) {
        Map<String, Object> fields = new HashMap<>(sendableTask());
        fields.put("Owner.Email", ownerEmail);
        fields.put("CreatedById", OWNER);
        fields.put("CreatedDate", Instant.now().toString());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("sobject", "Task");
        v.put("id", id);
        v.put("change_type", "created");
        v.put("system_modstamp", Instant.now().toEpochMilli());
        v.put("owner_id", OWNER);
        v.put("last_modified_by_id", OWNER);
        v.put("own_change", false);
        v.put("fields", fields);
        return v;
    }
}

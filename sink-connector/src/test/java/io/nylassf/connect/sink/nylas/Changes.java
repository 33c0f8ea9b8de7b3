package io.nylassf.connect.sink.nylas;

import io.nylassf.connect.sink.nylas.record.SalesforceChange;

import java.time.Instant;
import java.util.HashMap;
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

    public static SalesforceChange change(String sobject, String id, String type, long version,
                                          Map<String, String> fields) {
        return new SalesforceChange(sobject, id, type, version, OWNER, OWNER, null, false, fields, false, "soql");
    }
}

package io.nylassf.connect.plugin.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The two reference writers and the field mapping they share (Nylas JSON payload to one sObject's fields). */
final class ReferenceWriters {
    private ReferenceWriters() {
    }

    /** The seeds' recipe: {@code PATCH /sobjects/<Object>/<ExtIdField>/<value>}, one call per record. */
    static final class PerRecord extends ReferenceWriter {
        PerRecord(RecordKind kind, String bootstrap, String loginUrl) {
            super("per-record", kind, bootstrap, loginUrl);
        }

        @Override
        int chunk() {
            return 1;
        }

        @Override
        void write(List<JsonNode> payloads) throws IOException, InterruptedException {
            for (JsonNode p : payloads) {
                Map<String, Object> fields = fields(kind, p);
                Object id = fields.remove(kind.externalId);
                call("PATCH", "/sobjects/" + kind.referenceObject + "/" + kind.externalId + "/" + enc(id.toString()),
                        fields);
            }
        }
    }

    /** {@code PATCH /composite/sobjects/<Object>/<ExtIdField>} with up to 200 records per call, no lookups. */
    static final class Collections200 extends ReferenceWriter {
        Collections200(RecordKind kind, String bootstrap, String loginUrl) {
            super("collections-200", kind, bootstrap, loginUrl);
        }

        @Override
        int chunk() {
            return 200;
        }

        @Override
        void write(List<JsonNode> payloads) throws IOException, InterruptedException {
            List<Map<String, Object>> records = new ArrayList<>();
            for (JsonNode p : payloads) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("attributes", Map.of("type", kind.referenceObject));
                r.putAll(fields(kind, p));
                records.add(r);
            }
            JsonNode results = call("PATCH", "/composite/sobjects/" + kind.referenceObject + "/" + kind.externalId,
                    Map.of("allOrNone", false, "records", records));
            for (JsonNode r : results) {
                if (!r.path("success").asBoolean()) {
                    throw new IOException(name + ": a record failed: " + r);
                }
            }
        }
    }

    /** The fields a minimal writer sends (the external id included), like the connector's default mapping. */
    static Map<String, Object> fields(RecordKind kind, JsonNode p) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put(kind.externalId, p.path("id").asText());
        switch (kind) {
            case CONTACTS -> {
                f.put("FirstName", p.path("given_name").asText(null));
                f.put("LastName", p.path("surname").asText("Unknown"));
                f.put("Email", p.path("emails").path(0).path("email").asText(null));
                f.put("Title", p.path("job_title").asText(null));
                f.put("Phone", p.path("phone_numbers").path(0).path("number").asText(null));
            }
            case MESSAGES -> {
                f.put("Subject", p.path("subject").asText(null));
                f.put("Description", p.path("snippet").asText(null));
                f.put("ActivityDate", Instant.ofEpochMilli(p.path("date").asLong()).atOffset(ZoneOffset.UTC)
                        .toLocalDate().toString());
                f.put("Status", "Completed");
            }
            case EVENTS -> {
                JsonNode when = p.path("when");
                f.put("Subject", p.path("title").asText(null));
                f.put("Location", p.path("location").asText(null));
                f.put("StartDateTime", Instant.ofEpochMilli(when.path("start_time").asLong()).toString());
                f.put("EndDateTime", Instant.ofEpochMilli(when.path("end_time").asLong()).toString());
            }
        }
        return f;
    }
}

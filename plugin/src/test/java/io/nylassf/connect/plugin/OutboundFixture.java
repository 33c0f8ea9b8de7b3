package io.nylassf.connect.plugin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.salesforce.SalesforceEmulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.nylassf.testkit.connect.ConnectClusterExtension.waitUntil;

/**
 * What the outbound ITs (Salesforce source → Nylas sink) share: the JSON converters both connectors use, a sales
 * rep's writes in the org, and the Nylas events that carry a Salesforce record's tag.
 */
final class OutboundFixture {
    static final Map<String, String> JSON_CONVERTERS = Map.of(
            "key.converter", "org.apache.kafka.connect.json.JsonConverter",
            "value.converter", "org.apache.kafka.connect.json.JsonConverter",
            "value.converter.schemas.enable", "true");

    private OutboundFixture() {
    }

    /** Creates a record as the rep (CreatedById and LastModifiedById the rep), as if typed in the UI. */
    static String asRep(SalesforceEmulator sf, String sobject, Map<String, Object> fields) {
        return sf.org().insertAs(sf.org().repUserId(), sobject, fields);
    }

    /** The grant's calendar events tagged {@code sf:<sfId>}. */
    static List<ObjectNode> taggedEvents(NylasEmulator nylas, String grant, String sfId) {
        return nylas.events(grant).stream()
                .filter(e -> ("sf:" + sfId).equals(e.path("metadata").path("key1").asText())).toList();
    }

    /** A rep-created Event that must reach the calendar: once it has, everything written before it has been seen. */
    static void barrier(SalesforceEmulator sf, NylasEmulator nylas, String grant, Duration wait) {
        Instant at = Instant.now().plus(3, ChronoUnit.DAYS);
        String id = asRep(sf, "Event", Map.of("Subject", "barrier", "StartDateTime", at.toString(),
                "DurationInMinutes", 15));
        waitUntil("barrier event " + id + " on the calendar", wait, () -> taggedEvents(nylas, grant, id).size() == 1);
    }

    static void close(AutoCloseable... emulators) throws Exception {
        for (AutoCloseable e : emulators) {
            if (e != null) {
                e.close();
            }
        }
    }
}

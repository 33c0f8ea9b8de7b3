package io.nylassf.connect.plugin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.testkit.connect.ConnectClusterExtension;
import io.nylassf.testkit.connect.PluginArchive;
import io.nylassf.testkit.connect.PluginMetricsJmx;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.salesforce.Org;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.nylassf.testkit.connect.ConnectClusterExtension.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Outbound drift repair end to end, on the packaged plugin: a rep's meeting reached the calendar and was lost there
 * (the provider dropped it); the Salesforce source's scheduled reconciliation (every 15 s here) re-reads the recent
 * Tasks and Events inside the Composite call its polls make anyway, the Nylas sink writes the missing event again
 * and counts it in {@code drift-repaired-total}; the Task it sent before is not sent again; and the next
 * reconciliation writes nothing to Nylas and repairs nothing.
 */
class OutboundDriftRepairIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.builder().workers(1)
            .pluginPath(PluginArchive.installInto(PluginArchive.builtZip(), Path.of("target", "it-plugin-path")))
            .build();

    private static final SalesforceEmulator SF = SalesforceEmulator.builder()
            .clientCredentials("source-app", "source-secret", Org.INTEGRATION_USERNAME).build().start();
    private static final NylasEmulator NYLAS = NylasEmulator.builder().rateLimitPerSecond(0)
            .applicationRateLimitPerSecond(0).build().start();

    @AfterAll
    static void stop() throws Exception {
        OutboundFixture.close(SF, NYLAS);
    }

    @Test
    void aMeetingLostFromTheCalendarIsWrittenAgainOnceAndASentTaskIsNotSentAgain() {
        String grant = NYLAS.createGrant(Org.REP_USERNAME, "google");
        for (String t : List.of("salesforce.task", "salesforce.event", "salesforce.opportunity")) {
            CONNECT.cluster().kafka().createTopic(t, 1);
        }
        String contact = SF.org().insert("Contact", Map.of("LastName", "Lovelace", "Email", "ada@acme.test"));
        Map<String, String> source = new HashMap<>(Map.of(
                "connector.class", "io.nylassf.connect.source.salesforce.SalesforceSourceConnector",
                "tasks.max", "1",
                "salesforce.login.url", SF.baseUrl(),
                "salesforce.auth.method", "client_credentials",
                "salesforce.client.id", "source-app",
                "salesforce.client.secret", "source-secret",
                "salesforce.integration.usernames", Org.INTEGRATION_USERNAME,
                "poll.interval.ms", "300", "salesforce.read.lag.ms", "1000"));
        source.put("poll.max.interval.ms", "1000");
        source.put("reconcile.interval.ms", "15000");
        source.put("reconcile.lookback.days", "7");
        source.putAll(OutboundFixture.JSON_CONVERTERS);
        CONNECT.putConnector("sf-source", source);
        Map<String, String> sink = new HashMap<>(Map.of(
                "connector.class", "io.nylassf.connect.sink.nylas.NylasSinkConnector",
                "tasks.max", "1",
                "topics", "salesforce.task,salesforce.event,salesforce.opportunity",
                "nylas.api.url", NYLAS.baseUrl(),
                "nylas.api.key", NYLAS.apiKey()));
        sink.putAll(OutboundFixture.JSON_CONVERTERS);
        CONNECT.putConnector("nylas-sink", sink);
        CONNECT.awaitRunning("sf-source", 1);
        CONNECT.awaitRunning("nylas-sink", 1);

        // normal traffic: a follow-up leaves the mailbox once, a meeting lands on the calendar
        OutboundFixture.asRep(SF, "Task", Map.of("Subject", "Following up", "Description", "Thanks for the call",
                "TaskSubtype", "Email", "Status", "Not Started", "WhoId", contact));
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String meeting = OutboundFixture.asRep(SF, "Event", Map.of("Subject", "Demo", "StartDateTime",
                start.toString(), "DurationInMinutes", 30, "WhoId", contact));
        waitUntil("one send and the meeting on the calendar", WAIT, () -> NYLAS.sendCount(grant) == 1
                && OutboundFixture.taggedEvents(NYLAS, grant, meeting).size() == 1);

        // the provider loses the meeting: nothing in Salesforce changes, so only a reconciliation can notice
        ObjectNode lost = OutboundFixture.taggedEvents(NYLAS, grant, meeting).get(0);
        NYLAS.deleteEvent(grant, lost.path("calendar_id").asText(), lost.path("id").asText());
        waitUntil("the meeting written again", WAIT,
                () -> OutboundFixture.taggedEvents(NYLAS, grant, meeting).size() == 1);
        waitUntil("the repair counted", WAIT, () -> metric("nylas-sink", "drift-repaired-total") == 1);
        assertEquals(1, metric("nylas-sink", "drift-repaired-total", Map.of("object", "event")));
        assertEquals(1, NYLAS.sendCount(grant), "the sent Task is not sent again");

        // the next reconciliation finds both sides in agreement
        long writes = writes();
        long in = metric("nylas-sink", "records-in-total");
        // a run re-emits the Task and the Event; the repairing run's Task may still have been on its way
        waitUntil("another reconciliation read by the sink", WAIT,
                () -> metric("nylas-sink", "records-in-total") >= in + 3);
        sleep(3_000); // the last action's calls
        assertEquals(writes, writes(), "nothing written to Nylas");
        assertEquals(1, metric("nylas-sink", "drift-repaired-total"), "nothing repaired");
        assertEquals(1, NYLAS.sendCount(grant));
        assertEquals(1, OutboundFixture.taggedEvents(NYLAS, grant, meeting).size());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Write calls Nylas served: sends and calendar creates, updates and deletes. */
    private static long writes() {
        return NYLAS.requestCounts().entrySet().stream().filter(e -> !e.getKey().startsWith("GET "))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static long metric(String connector, String name) {
        return metric(connector, name, Map.of());
    }

    private static long metric(String connector, String name, Map<String, String> tags) {
        Number n = PluginMetricsJmx.task(connector, 0, name, tags);
        return n == null ? 0 : n.longValue();
    }
}

package io.nylassf.connect.plugin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.testkit.connect.ConnectClusterExtension;
import io.nylassf.testkit.connect.PluginArchive;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.salesforce.Org;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbound direction end to end on a real Connect cluster: Salesforce emulator → SalesforceSourceConnector →
 * Kafka → NylasSinkConnector → Nylas emulator, the connectors loaded from the packaged plugin. A rep's writes are
 * made in the org as the rep (as if typed in the UI); the integration user's writes stand for the Salesforce sink's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutboundIT {
    private static final Duration WAIT = Duration.ofSeconds(40);

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.builder().workers(1)
            .pluginPath(PluginArchive.installInto(PluginArchive.builtZip(), Path.of("target", "it-plugin-path")))
            .build();

    static SalesforceEmulator sf;
    static NylasEmulator nylas;
    static String grant;
    static String contact;

    @BeforeAll
    static void start() {
        sf = SalesforceEmulator.builder()
                .clientCredentials("source-app", "source-secret", Org.INTEGRATION_USERNAME)
                .build().start();
        nylas = NylasEmulator.builder().rateLimitPerSecond(0).applicationRateLimitPerSecond(0).build().start();
        grant = nylas.createGrant(Org.REP_USERNAME, "google");
        for (String t : List.of("salesforce.task", "salesforce.event", "salesforce.opportunity")) {
            CONNECT.cluster().kafka().createTopic(t, 1);
        }
        contact = sf.org().insert("Contact", Map.of("LastName", "Lovelace", "Email", "ada@acme.test"));

        Map<String, String> source = new HashMap<>(Map.of(
                "connector.class", "io.nylassf.connect.source.salesforce.SalesforceSourceConnector",
                "tasks.max", "2",
                "salesforce.login.url", sf.baseUrl(),
                "salesforce.auth.method", "client_credentials",
                "salesforce.client.id", "source-app",
                "salesforce.client.secret", "source-secret",
                "salesforce.integration.usernames", Org.INTEGRATION_USERNAME,
                "poll.interval.ms", "300", "salesforce.read.lag.ms", "1000"));
        source.putAll(OutboundFixture.JSON_CONVERTERS);
        CONNECT.putConnector("sf-source", source);
        Map<String, String> sink = new HashMap<>(Map.of(
                "connector.class", "io.nylassf.connect.sink.nylas.NylasSinkConnector",
                "tasks.max", "1",
                "topics", "salesforce.task,salesforce.event,salesforce.opportunity",
                "nylas.api.url", nylas.baseUrl(),
                "nylas.api.key", nylas.apiKey(),
                "consumer.override.max.poll.records", "50"));
        sink.putAll(OutboundFixture.JSON_CONVERTERS);
        CONNECT.putConnector("nylas-sink", sink);
        CONNECT.awaitRunning("sf-source", 2);
        CONNECT.awaitRunning("nylas-sink", 1);
    }

    @AfterAll
    static void stop() throws Exception {
        OutboundFixture.close(sf, nylas);
    }

    static String asRep(String sobject, Map<String, Object> fields) {
        return OutboundFixture.asRep(sf, sobject, fields);
    }

    static void updateAsRep(String sobject, String id, Map<String, Object> fields) {
        sf.org().updateAs(sf.org().repUserId(), sobject, id, fields);
    }

    static List<ObjectNode> taggedEvents(String sfId) {
        return OutboundFixture.taggedEvents(nylas, grant, sfId);
    }

    static void barrier() {
        OutboundFixture.barrier(sf, nylas, grant, WAIT);
    }

    @Test
    @Order(1)
    void aRepsTaskMarkedForSendingLeavesTheMailboxExactlyOnce() {
        String task = asRep("Task", Map.of("Subject", "Following up on Q2 plan", "Description", "Thanks for the call",
                "TaskSubtype", "Email", "Status", "Not Started", "WhoId", contact));
        // the emulator counts a send before it stores the message: wait for both
        waitUntil("one send", WAIT, () -> nylas.sendCount(grant) == 1 && nylas.sentMessages(grant).size() == 1);
        ObjectNode sent = nylas.sentMessages(grant).get(0);
        assertEquals("sf:" + task, sent.path("metadata").path("key1").asText());
        assertEquals("ada@acme.test", sent.path("to").get(0).path("email").asText());
        assertTrue(sent.toString().contains("X-Nylas-Sf-Id"));

        updateAsRep("Task", task, Map.of("Subject", "edited after sending"));   // no resend by default
        barrier();
        assertEquals(1, nylas.sendCount(grant));
    }

    @Test
    @Order(2)
    void aTaskWrittenByTheIntegrationNeverReachesTheSinkAsASend() {
        int before = nylas.sendCount(grant);
        // what the Salesforce sink writes: same shape as a sendable Task, owned by the rep, written by integration
        sf.org().insert("Task", Map.of("Subject", "inbound copy", "TaskSubtype", "Email", "Status", "Not Started",
                "WhoId", contact, "OwnerId", sf.org().repUserId()));
        barrier();
        assertEquals(before, nylas.sendCount(grant));
    }

    @Test
    @Order(3)
    void anEventRoundTripsOnceAndStops() {
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String ev = asRep("Event", Map.of("Subject", "Demo", "StartDateTime", start.toString(), "DurationInMinutes", 30,
                "WhoId", contact));
        waitUntil("event on the calendar", WAIT, () -> taggedEvents(ev).size() == 1);
        ObjectNode created = taggedEvents(ev).get(0);
        assertEquals(start.getEpochSecond(), created.path("when").path("start_time").asLong());

        // the inbound direction links the Nylas id back as the integration user: that change must not echo
        sf.org().update("Event", ev, Map.of("Nylas_Event_Id__c", created.path("id").asText()));
        barrier();
        ObjectNode after = taggedEvents(ev).get(0);
        assertEquals(created.path("metadata").path("sf_version").asText(), after.path("metadata").path("sf_version").asText());

        updateAsRep("Event", ev, Map.of("Subject", "Demo (agenda)"));
        waitUntil("rep's edit on the calendar", WAIT,
                () -> "Demo (agenda)".equals(taggedEvents(ev).get(0).path("title").asText()));
        assertEquals(1, taggedEvents(ev).size());
    }

    @Test
    @Order(4)
    void aClosedWonOpportunityCreatesOneKickoff() {
        String opp = asRep("Opportunity", Map.of("Name", "Acme renewal", "StageName", "Negotiation/Review",
                "CloseDate", java.time.LocalDate.now().toString()));
        updateAsRep("Opportunity", opp, Map.of("StageName", "Closed Won"));
        waitUntil("kickoff on the calendar", WAIT, () -> taggedEvents(opp).size() == 1);
        updateAsRep("Opportunity", opp, Map.of("Amount", 1500));
        barrier();
        assertEquals(1, taggedEvents(opp).size());
        assertEquals("Kickoff: Acme renewal", taggedEvents(opp).get(0).path("title").asText());
    }

    @Test
    @Order(5)
    void aStaleEditDeliveredLateLeavesTheNewestValues() {
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String ev = asRep("Event", Map.of("Subject", "v1", "StartDateTime", start.toString(), "DurationInMinutes", 30));
        updateAsRep("Event", ev, Map.of("Subject", "v2"));
        waitUntil("newest title", WAIT, () -> taggedEvents(ev).size() == 1
                && "v2".equals(taggedEvents(ev).get(0).path("title").asText()));
        // an old version arrives late (e.g. from another pipeline): schemaless JSON, older SystemModstamp
        String repId = sf.org().repUserId();
        String stale = "{\"schema\":null,\"payload\":{\"sobject\":\"Event\",\"id\":\"" + ev + "\",\"change_type\":"
                + "\"updated\",\"system_modstamp\":1000,\"own_change\":false,\"owner_id\":\"" + repId + "\","
                + "\"last_modified_by_id\":\"" + repId + "\",\"fields\":{\"Subject\":\"v0\",\"CreatedById\":\""
                + repId + "\",\"StartDateTime\":\"" + start + "\",\"Owner.Email\":\"" + Org.REP_USERNAME + "\"}}}";
        CONNECT.cluster().kafka().produce("salesforce.event", "{\"schema\":null,\"payload\":\"" + ev + "\"}", stale);
        barrier();
        assertEquals("v2", taggedEvents(ev).get(0).path("title").asText());
    }

    @Test
    @Order(6)
    void resettingBothConnectorsOffsetsSendsAndCreatesNothingTwice() {
        int sends = nylas.sendCount(grant);
        int events = nylas.events(grant).size();
        assertTrue(sends >= 1);
        for (String c : List.of("sf-source", "nylas-sink")) {
            assertTrue(CONNECT.rest().put("connectors/" + c + "/stop", null).ok());
        }
        waitUntil("both stopped", WAIT, () -> List.of("sf-source", "nylas-sink").stream().allMatch(c ->
                "STOPPED".equals(CONNECT.rest().get("connectors/" + c + "/status").body().path("connector")
                        .path("state").asText())));
        for (String c : List.of("sf-source", "nylas-sink")) {
            var r = CONNECT.rest().delete("connectors/" + c + "/offsets");
            assertEquals(200, r.status(), r.raw());
        }
        long taskRecordsBefore = CONNECT.consumeAll(Duration.ofSeconds(2), "salesforce.task").size();
        for (String c : List.of("sf-source", "nylas-sink")) {
            assertEquals(202, CONNECT.rest().put("connectors/" + c + "/resume", null).status());
        }
        CONNECT.awaitRunning("sf-source", 2);
        CONNECT.awaitRunning("nylas-sink", 1);
        // the source re-reads the org from the beginning; the sink re-reads its topics from the beginning
        waitUntil("the source re-emitted the Tasks", WAIT,
                () -> CONNECT.consumeAll(Duration.ofSeconds(1), "salesforce.task").size() > taskRecordsBefore);
        barrier();
        assertEquals(sends, nylas.sendCount(grant), "no Task sent twice");
        assertEquals(events + 1, nylas.events(grant).size(), "only the new barrier event");
    }

    @Test
    @Order(7)
    void alteredOffsetsAreValidated() {
        assertTrue(CONNECT.rest().put("connectors/sf-source/stop", null).ok());
        waitUntil("stopped", WAIT, () -> "STOPPED".equals(CONNECT.rest().get("connectors/sf-source/status").body()
                .path("connector").path("state").asText()));
        var bad = CONNECT.rest().patch("connectors/sf-source/offsets", Map.of("offsets", List.of(Map.of(
                "partition", Map.of("sobject", "Task"), "offset", Map.of("watermark", "yesterday")))));
        assertTrue(bad.status() >= 400 && bad.raw().contains("unknown offset key 'watermark'"), bad.raw());
        var good = CONNECT.rest().patch("connectors/sf-source/offsets", Map.of("offsets", List.of(Map.of(
                "partition", Map.of("sobject", "Task"), "offset",
                Map.of("system_modstamp", Instant.now().toString())))));
        assertEquals(200, good.status(), good.raw());
        assertEquals(202, CONNECT.rest().put("connectors/sf-source/resume", null).status());
    }
}

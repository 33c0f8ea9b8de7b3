package io.nylassf.connect.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.testkit.connect.ConnectClusterExtension;
import io.nylassf.testkit.connect.FreePorts;
import io.nylassf.testkit.connect.PluginArchive;
import io.nylassf.testkit.connect.PluginMetricsJmx;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.salesforce.Org;
import io.nylassf.testkit.salesforce.DocumentedFields;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import io.nylassf.testkit.sandbox.Sandbox;
import io.nylassf.testkit.sandbox.SandboxGenerator;
import io.nylassf.testkit.sandbox.SandboxSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.nylassf.testkit.connect.ConnectClusterExtension.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * All four connectors together, loaded from the packaged zip on a two-worker cluster and configured with the
 * sandbox examples, against both emulators seeded with a small sandbox: mail and people flow into Salesforce, the
 * reps' own Tasks and meetings flow out to Nylas, what went out comes back and is linked instead of duplicated,
 * and then nothing moves any more, even when every offset is reset. The org holds the standard fields plus exactly
 * the custom fields the docs' admin table names (read from docs/salesforce-sink.md), as an admin following the docs
 * would set it up: anything else the connectors needed would fail here with INVALID_FIELD.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoWaySyncIT {
    private static final Duration SYNC = Duration.ofSeconds(Integer.getInteger("twoway.sync.seconds", 150));
    private static final List<String> CONNECTORS =
            List.of("nylas-source", "salesforce-sink", "salesforce-source", "nylas-sink");

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.builder()
            .workers(2)
            .pluginPath(PluginArchive.installInto(PluginArchive.builtZip(), Path.of("target", "it-plugin-path")))
            // a task stuck in a call longer than this is abandoned on stop, its offsets never committed
            .workerProp("task.shutdown.graceful.timeout.ms", "1000")
            // a departed worker's tasks move after this delay (5 minutes by default)
            .workerProp("scheduled.rebalance.max.delay.ms", "2000")
            .build();

    private static SalesforceEmulator salesforce;
    private static NylasEmulator nylas;
    private static Sandbox.Loaded sandbox;

    @BeforeAll
    static void startEmulatorsAndConnectors() throws IOException {
        salesforce = SalesforceEmulator.builder()
                .clientCredentials("sandbox-client", "sandbox-secret", Org.INTEGRATION_USERNAME).build().start();
        nylas = NylasEmulator.builder().apiKey("nyk_sandbox").build().start();
        sandbox = Sandbox.load(new SandboxGenerator(SandboxSpec.small(), Instant.now()).generate(), nylas, salesforce);
        assertEquals(new TreeMap<>(DocumentedFields.byObject(DocumentedFields.read(DocumentedFields.docs()))),
                new TreeMap<>(DocumentedFields.customFields(salesforce.org())), "the org an admin builds from the docs");
        // As on a production cluster without topic auto-creation, the topics exist before the sinks subscribe
        // (a sink consumer only notices a topic created later at its next metadata refresh, minutes away).
        for (String topic : List.of("nylas.messages", "nylas.events", "nylas.contacts", "nylas.grants",
                "salesforce.task", "salesforce.event", "salesforce.opportunity")) {
            CONNECT.cluster().kafka().createTopic(topic, 3);
        }
        for (String name : CONNECTORS) {
            Map<String, String> config = new TreeMap<>();
            ConfigExamplesTest.settings(ConfigExamplesTest.EXAMPLES.resolve("sandbox").resolve(name + ".json"))
                    .forEach((k, v) -> config.put(k, v.replace("http://127.0.0.1:8181", salesforce.baseUrl())
                            .replace("http://127.0.0.1:8282", nylas.baseUrl())));
            config.put("poll.interval.ms", "2000");
            if (config.containsKey("webhook.port")) {
                int port = FreePorts.one();
                config.put("webhook.port", Integer.toString(port));
                config.put("webhook.public.url", "http://127.0.0.1:" + port + "/nylas/webhook");
            }
            CONNECT.putConnector(name, config);
        }
    }

    @AfterAll
    static void stopEmulators() {
        if (nylas != null) {
            nylas.close();
        }
        if (salesforce != null) {
            salesforce.close();
        }
    }

    @Test
    @Order(1)
    void inboundMailPeopleAndMeetingsLandInSalesforce() {
        int messages = sandbox.data().messageCount();
        int contacts = sandbox.data().contactCount();
        waitUntil("every person and nearly every message in Salesforce: " + Snapshot.take(), SYNC, () ->
                count("Contact") + count("Lead") == contacts
                        && count("Task", "Nylas_Message_Id__c != null") >= messages - 5);
        // one person per Nylas contact, even for the customers reps had already typed in
        assertEquals(contacts, count("Contact") + count("Lead"));
        waitUntil("every Nylas meeting as a Salesforce Event", SYNC,
                () -> count("Event", "Nylas_Event_Id__c != null") >= sandbox.data().eventCount());
    }

    @Test
    @Order(2)
    void aRepsTaskIsSentOnceAndComesBackLinkedNotCopied() {
        // the follow-up each rep typed (the sandbox's waiting email Task); it may already have left by now
        List<Map<String, Object>> toSend = salesforce.org().query(
                "SELECT Id, OwnerId FROM Task WHERE TaskSubtype = 'Email' AND Subject = 'Next steps after our call'")
                .records();
        assertEquals(sandbox.grantIds().size(), toSend.size(), "one waiting email Task per rep");
        for (Map<String, Object> task : toSend) {
            String id = (String) task.get("Id");
            waitUntil("Task " + id + " sent and linked to its sent message", SYNC, () -> {
                List<ObjectNode> sent = sentTagged(id);
                Map<String, Object> now = salesforce.org().get("Task", id);
                return sent.size() == 1 && sent.get(0).path("id").asText().equals(now.get("Nylas_Message_Id__c"));
            });
            // the sandbox Nylas sink writes the send's outcome back (send.status.enabled): the rep sees it sent
            waitUntil("Task " + id + " marked sent", SYNC,
                    () -> "Sent".equals(salesforce.org().get("Task", id).get("Nylas_Send_Status__c")));
            Map<String, Object> now = salesforce.org().get("Task", id);
            assertEquals("Completed", now.get("Status"), "Task " + id);
            assertEquals("Sent", now.get("Nylas_Send_Status__c"), "Task " + id);
            assertNotNull(now.get("Nylas_Sent_At__c"), "Task " + id + " carries its send time");
        }
        // the sent copies came back through the Nylas source and were linked: no Task was created for them
        for (Map<String, Object> task : toSend) {
            String sentId = sentTagged((String) task.get("Id")).get(0).path("id").asText();
            assertEquals(1, count("Task", "Nylas_Message_Id__c = '" + sentId + "'"));
        }
    }

    @Test
    @Order(3)
    void meetingsAndTheClosedWonKickoffReachCalendarsOnce() {
        List<Map<String, Object>> meetings = salesforce.org()
                .query("SELECT Id FROM Event WHERE Subject LIKE 'Pricing review%'").records();
        assertEquals(sandbox.grantIds().size(), meetings.size(), "one meeting typed by each rep");
        for (Map<String, Object> m : meetings) {
            String id = (String) m.get("Id");
            waitUntil("Event " + id + " on its owner's calendar and linked back", SYNC, () -> {
                List<JsonNode> copies = calendarTagged(id);
                return copies.size() == 1 && copies.get(0).path("id").asText()
                        .equals(salesforce.org().get("Event", id).get("Nylas_Event_Id__c"));
            });
        }
        String won = (String) salesforce.org().query("SELECT Id FROM Opportunity WHERE StageName = 'Closed Won'")
                .records().get(0).get("Id");
        waitUntil("one kickoff event for the Closed Won deal", SYNC, () -> calendarTagged(won).size() == 1);
    }

    @Test
    @Order(4)
    void everyConnectorPublishesItsMetricsOverJmx() {
        // A task's metrics start at zero when it starts, and a rebalance on this two-worker cluster may have
        // restarted any task after the round trips above: so the metrics are judged on fresh activity, a question
        // to every rep's mailbox plus one rep's new follow-up and meeting, made now.
        String run = Long.toString(System.nanoTime(), 36);
        for (String grant : sandbox.grantIds()) {
            nylas.addMessage(grant, Map.of("subject", "Metrics check " + run, "from",
                    List.of(Map.of("email", "buyer-" + run + "@prospect.test", "name", "A buyer")),
                    "to", List.of(Map.of("email", nylas.grant(grant).path("email").asText())),
                    "date", Instant.now().getEpochSecond(), "body", "Any update?"));
        }
        Map<String, Object> customer = salesforce.org().query(
                "SELECT Id, OwnerId FROM Contact WHERE Email != null AND OwnerId != null ORDER BY CreatedDate LIMIT 1")
                .records().get(0);
        String owner = (String) customer.get("OwnerId");
        String task = salesforce.org().insertAs(owner, "Task", Map.of("Subject", "Metrics follow-up " + run,
                "Description", "Checking in.", "TaskSubtype", "Email", "Status", "Not Started",
                "WhoId", customer.get("Id"), "OwnerId", owner));
        Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        String event = salesforce.org().insertAs(owner, "Event", Map.of("Subject", "Metrics sync " + run,
                "StartDateTime", start.toString(), "EndDateTime", start.plus(Duration.ofMinutes(30)).toString(),
                "WhoId", customer.get("Id"), "OwnerId", owner));
        // all of it done, so that the next test starts from a settled state
        waitUntil("the fresh activity synced both ways", SYNC, () ->
                count("Task", "Subject LIKE '%Metrics check " + run + "%'") == sandbox.grantIds().size()
                        && sentTagged(task).size() == 1 && sentTagged(task).get(0).path("id").asText()
                        .equals(salesforce.org().get("Task", task).get("Nylas_Message_Id__c"))
                        && calendarTagged(event).size() == 1);

        // what that activity did, as an operator's JMX tooling sees it on the workers
        List<String> expected = List.of("nylas-source records-out-total", "salesforce-sink records-out-total",
                "salesforce-sink api-budget-max", "salesforce-source records-out-total",
                "salesforce-source loops-stopped-total", "nylas-sink sends-total", "nylas-sink records-in-total",
                "nylas-sink calendar-writes-total");
        List<String> missing = new ArrayList<>(expected);
        try {
            waitUntil("the metrics of all four connectors", SYNC, () -> {
                missing.clear();
                for (String m : expected) {
                    String[] parts = m.split(" ");
                    if (sum(parts[0], parts[1]) <= 0) {
                        missing.add(m);
                    }
                }
                sandbox.grantIds().stream()
                        .filter(g -> sum("nylas-source", "grant-records-out-total", Map.of("grant", g)) <= 0)
                        .forEach(g -> missing.add("nylas-source grant-records-out-total grant=" + g));
                return missing.isEmpty();
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; still zero: " + missing, e);
        }
        assertTrue(sum("salesforce-sink", "api-calls-total") > 0);
        assertTrue(sum("salesforce-sink", "api-calls-total", Map.of("kind", "composite"))
                + sum("salesforce-sink", "api-calls-total", Map.of("kind", "collections")) > 0, "batched writes");
        assertTrue(sum("salesforce-source", "api-calls-total", Map.of("kind", "query")) > 0, "windowed reads");
        assertEquals(0, sum("salesforce-sink", "api-budget-paused"));
        assertTrue(sum("nylas-sink", "api-calls-total", Map.of("kind", "send")) > 0, "sends counted by kind");
        assertTrue(sum("nylas-source", "api-calls-total", Map.of("kind", "messages-read")) > 0, "windowed reads");
    }

    /** A metric summed over the connector's tasks, read over JMX (0 where a task does not publish it). */
    private static long sum(String connector, String metric) {
        return sum(connector, metric, Map.of());
    }

    private static long sum(String connector, String metric, Map<String, String> tags) {
        int tasks = CONNECT.rest().get("connectors/" + connector + "/status").body().path("tasks").size();
        long total = 0;
        for (int t = 0; t < tasks; t++) {
            Number n = PluginMetricsJmx.task(connector, t, metric, tags);
            total += n == null ? 0 : n.longValue();
        }
        return total;
    }

    @Test
    @Order(5)
    void afterTheRoundTripNothingMovesEvenWhenEveryOffsetIsReset() {
        Snapshot settled = awaitQuiet();
        for (String name : CONNECTORS) {
            assertTrue(CONNECT.rest().put("connectors/" + name + "/stop", null).ok(), name);
        }
        for (String name : CONNECTORS) {
            CONNECT.awaitState(name, "STOPPED", 0);
            // a sink's consumer group may still have members for a moment after STOPPED is reported; Connect
            // then refuses the reset ("its tasks haven't stopped completely yet") and asks for a retry
            waitUntil("offsets of " + name + " reset", Duration.ofSeconds(60),
                    () -> CONNECT.rest().delete("connectors/" + name + "/offsets").ok());
        }
        for (String name : CONNECTORS) {
            assertTrue(CONNECT.rest().put("connectors/" + name + "/resume", null).ok(), name);
        }
        // everything is read and written again from the start: replays update, never create or send
        Snapshot replayed = awaitQuiet();
        assertEquals(settled.records(), replayed.records(), "Salesforce record counts after replaying everything");
        assertEquals(settled.sends(), replayed.sends(), "Nylas sends after replaying everything");
        assertEquals(settled.calendarEvents(), replayed.calendarEvents(), "Nylas events after replaying everything");
    }

    @Test
    @Order(6)
    void aWorkerStoppedBetweenSendAndCommitSendsNothingTwice() {
        Map<String, String> config = new TreeMap<>();
        CONNECT.rest().get("connectors/nylas-sink/config").body().fields()
                .forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
        config.put("tasks.max", "1");
        CONNECT.putConnector("nylas-sink", config);
        CONNECT.awaitRunning("nylas-sink", 1);
        String hostPort = CONNECT.rest().get("connectors/nylas-sink/status").body().path("tasks").path(0)
                .path("worker_id").asText();
        WorkerHandle host = CONNECT.cluster().workers().stream()
                .filter(w -> hostPort.endsWith(":" + w.url().getPort())).findFirst().orElseThrow();

        // a rep writes another follow-up; Nylas holds the send 4 s, far past the worker's graceful stop
        Map<String, Object> customer = salesforce.org().query(
                "SELECT Id, OwnerId FROM Contact WHERE Email != null AND OwnerId != null ORDER BY CreatedDate LIMIT 1")
                .records().get(0);
        String owner = (String) customer.get("OwnerId");
        long sendsBefore = sendRequests();
        nylas.sendLatency(Duration.ofSeconds(4));
        String task = salesforce.org().insertAs(owner, "Task", Map.of("Subject", "One more thing",
                "Description", "Forgot the attachment.", "TaskSubtype", "Email", "Status", "Not Started",
                "WhoId", customer.get("Id"), "OwnerId", owner));
        waitUntil("the send of " + task + " in flight", SYNC, () -> sendRequests() > sendsBefore);
        CONNECT.cluster().removeWorker(host);

        // the task restarts on the other worker and meets the same record again, uncommitted
        CONNECT.awaitRunning("nylas-sink", 1);
        waitUntil("Task " + task + " sent and linked", SYNC, () -> sentTagged(task).size() == 1
                && sentTagged(task).get(0).path("id").asText()
                .equals(salesforce.org().get("Task", task).get("Nylas_Message_Id__c")));
        nylas.sendLatency(Duration.ZERO);
        awaitQuiet();
        assertEquals(1, sentTagged(task).size(), "one email for the Task, though its send was never committed");
    }

    @Test
    @Order(7)
    void aRepsEditOfAMeetingFromTheirCalendarReachesThatCalendarOnce() {
        // every meeting read from a rep's calendar belongs to that rep's User, not to the integration user
        Map<String, Object> picked = null;
        String pickedGrant = null;
        for (Map.Entry<String, String> rep : sandbox.grantIdByRep().entrySet()) {
            String user = sandbox.userIdByRep().get(rep.getKey());
            for (JsonNode e : nylas.events(rep.getValue())) {
                if (e.path("metadata").path("key1").asText().startsWith("sf:")
                        || "cancelled".equals(e.path("status").asText())) {
                    continue; // written from Salesforce (its Event was typed there), or gone
                }
                List<Map<String, Object>> synced = salesforce.org().query("SELECT Id, OwnerId, Subject FROM Event "
                        + "WHERE Nylas_Event_Id__c = '" + e.path("id").asText() + "'").records();
                assertEquals(1, synced.size(), "the Event of " + e.path("id").asText());
                assertEquals(user, synced.get(0).get("OwnerId"), "owned by the rep whose calendar it is on");
                if (picked == null) {
                    picked = synced.get(0);
                    pickedGrant = rep.getValue();
                }
            }
        }
        assertTrue(picked != null, "a meeting from a rep's calendar");
        String id = (String) picked.get("Id");
        String owner = (String) picked.get("OwnerId");
        String nylasId = (String) salesforce.org().get("Event", id).get("Nylas_Event_Id__c");
        String grant = pickedGrant;
        awaitQuiet();
        long writesBefore = eventUpdates();
        int eventsBefore = nylas.events(grant).size();

        // the rep renames the meeting in Salesforce, as that User
        String subject = "Moved by the rep " + Long.toString(System.nanoTime(), 36);
        salesforce.org().updateAs(owner, "Event", id, Map.of("Subject", subject));

        waitUntil("the rep's calendar shows the new title", SYNC, () -> nylas.events(grant).stream()
                .anyMatch(e -> e.path("id").asText().equals(nylasId) && e.path("title").asText().equals(subject)));
        awaitQuiet();
        assertEquals(writesBefore + 1, eventUpdates(), "the calendar event was updated once: no ping-pong");
        assertEquals(eventsBefore, nylas.events(grant).size(), "the existing event was updated, none created");
        Map<String, Object> after = salesforce.org().get("Event", id);
        assertEquals(subject, after.get("Subject"));
        assertEquals(nylasId, after.get("Nylas_Event_Id__c"));
        assertEquals(owner, after.get("OwnerId"));
    }

    private static long eventUpdates() {
        return nylas.requestCounts().entrySet().stream()
                .filter(e -> e.getKey().startsWith("PUT ") && e.getKey().contains("/events/"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static long sendRequests() {
        return nylas.requestCounts().entrySet().stream().filter(e -> e.getKey().endsWith("/messages/send"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Counts on both sides, once they have stopped changing for three poll intervals. */
    private static Snapshot awaitQuiet() {
        Snapshot[] last = {Snapshot.take()};
        long[] since = {System.nanoTime()};
        waitUntil("both sides quiet", SYNC, () -> {
            Snapshot now = Snapshot.take();
            if (!now.equals(last[0])) {
                last[0] = now;
                since[0] = System.nanoTime();
                return false;
            }
            return System.nanoTime() - since[0] > Duration.ofSeconds(8).toNanos();
        });
        return last[0];
    }

    private record Snapshot(Map<String, Integer> records, int sends, int calendarEvents) {
        static Snapshot take() {
            Map<String, Integer> counts = new TreeMap<>();
            for (String o : List.of("Account", "Contact", "Lead", "Task", "Event", "Opportunity")) {
                counts.put(o, salesforce.org().count(o));
            }
            int sends = 0;
            int events = 0;
            for (String g : sandbox.grantIds()) {
                sends += nylas.sendCount(g);
                events += nylas.events(g).size();
            }
            return new Snapshot(counts, sends, events);
        }
    }

    private static int count(String sobject) {
        return salesforce.org().count(sobject);
    }

    private static int count(String sobject, String where) {
        return salesforce.org().query("SELECT COUNT() FROM " + sobject + " WHERE " + where).totalSize();
    }

    private static List<ObjectNode> sentTagged(String salesforceId) {
        List<ObjectNode> out = new ArrayList<>();
        for (String g : sandbox.grantIds()) {
            nylas.sentMessages(g).stream()
                    .filter(m -> ("sf:" + salesforceId).equals(m.path("metadata").path("key1").asText()))
                    .forEach(out::add);
        }
        return out;
    }

    private static List<JsonNode> calendarTagged(String salesforceId) {
        List<JsonNode> out = new ArrayList<>();
        for (String g : sandbox.grantIds()) {
            nylas.events(g).stream()
                    .filter(e -> ("sf:" + salesforceId).equals(e.path("metadata").path("key1").asText()))
                    .forEach(out::add);
        }
        return out;
    }
}

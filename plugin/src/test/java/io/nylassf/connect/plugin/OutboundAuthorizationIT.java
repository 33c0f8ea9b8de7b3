package io.nylassf.connect.plugin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.testkit.connect.ConnectClusterExtension;
import io.nylassf.testkit.connect.PluginArchive;
import io.nylassf.testkit.connect.PluginMetricsJmx;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.salesforce.FieldDef;
import io.nylassf.testkit.salesforce.Org;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.nylassf.testkit.connect.ConnectClusterExtension.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nobody sends as someone else, end to end: Salesforce emulator → SalesforceSourceConnector → Kafka →
 * NylasSinkConnector → Nylas emulator. The rep owns the records; a colleague (A) writes records for the rep; a
 * sales-ops user is on the allow-list; a victim's mailbox is connected to the same Nylas application. The org has
 * a typeable {@code Nylas_Grant_Id__c} field (as an org customised the old way would), which the source reads.
 */
class OutboundAuthorizationIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String DLQ = "nylas.outbound.dlq";

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.builder().workers(1)
            .pluginPath(PluginArchive.installInto(PluginArchive.builtZip(), Path.of("target", "it-plugin-path")))
            .build();

    static SalesforceEmulator sf;
    static NylasEmulator nylas;
    static String repGrant;
    static String victimGrant;
    static String colleague;
    static String salesOps;
    static String contact;

    @BeforeAll
    static void start() {
        sf = SalesforceEmulator.builder()
                .clientCredentials("source-app", "source-secret", Org.INTEGRATION_USERNAME)
                .build().start();
        nylas = NylasEmulator.builder().rateLimitPerSecond(0).applicationRateLimitPerSecond(0).build().start();
        repGrant = nylas.createGrant(Org.REP_USERNAME, "google");
        victimGrant = nylas.createGrant("ceo@nylassf.example", "google");
        nylas.createGrant("colleague@nylassf.example", "google");
        sf.org().declareField("Task", FieldDef.text("Nylas_Grant_Id__c", 255));
        sf.org().declareField("Event", FieldDef.text("Nylas_Grant_Id__c", 255));
        colleague = sf.org().insert("User", Map.of("Username", "colleague@nylassf.example",
                "Email", "colleague@nylassf.example", "LastName", "Colleague"));
        salesOps = sf.org().insert("User", Map.of("Username", "ops@nylassf.example", "Email", "ops@nylassf.example",
                "LastName", "Ops"));
        sf.org().insert("User", Map.of("Username", "ceo@nylassf.example", "Email", "ceo@nylassf.example",
                "LastName", "Ceo"));
        contact = sf.org().insert("Contact", Map.of("LastName", "Lovelace", "Email", "ada@acme.test"));
        for (String t : List.of("salesforce.task", "salesforce.event", "salesforce.opportunity")) {
            CONNECT.cluster().kafka().createTopic(t, 1);
        }
        Map<String, String> source = new HashMap<>(Map.of(
                "connector.class", "io.nylassf.connect.source.salesforce.SalesforceSourceConnector",
                "tasks.max", "1",
                "salesforce.login.url", sf.baseUrl(),
                "salesforce.auth.method", "client_credentials",
                "salesforce.client.id", "source-app",
                "salesforce.client.secret", "source-secret",
                "salesforce.integration.usernames", Org.INTEGRATION_USERNAME,
                "salesforce.fields", "Task.Nylas_Grant_Id__c,Event.Nylas_Grant_Id__c",
                "poll.interval.ms", "300", "salesforce.read.lag.ms", "1000"));
        source.putAll(OutboundFixture.JSON_CONVERTERS);
        CONNECT.putConnector("sf-source", source);
        Map<String, String> sink = new HashMap<>(Map.of(
                "connector.class", "io.nylassf.connect.sink.nylas.NylasSinkConnector",
                "tasks.max", "1",
                "topics", "salesforce.task,salesforce.event,salesforce.opportunity",
                "nylas.api.url", nylas.baseUrl(),
                "nylas.api.key", nylas.apiKey(),
                // the 15-character spelling: compared in 18-character form
                "nylas.send.on.behalf.allowed.user.ids", salesOps.substring(0, 15)));
        sink.putAll(OutboundFixture.JSON_CONVERTERS);
        sink.putAll(Map.of("errors.tolerance", "all", "errors.deadletterqueue.topic.name", DLQ,
                "errors.deadletterqueue.topic.replication.factor", "1",
                "errors.deadletterqueue.context.headers.enable", "true"));
        CONNECT.putConnector("nylas-sink", sink);
        CONNECT.awaitRunning("sf-source", 1);
        CONNECT.awaitRunning("nylas-sink", 1);
    }

    @AfterAll
    static void stop() throws Exception {
        OutboundFixture.close(sf, nylas);
    }

    static Map<String, Object> sendableTask(String subject) {
        return new HashMap<>(Map.of("Subject", subject, "Description", "Hi", "TaskSubtype", "Email",
                "Status", "Not Started", "WhoId", contact, "OwnerId", sf.org().repUserId()));
    }

    static List<ObjectNode> sentFor(String grant, String sfId) {
        return nylas.sentMessages(grant).stream()
                .filter(m -> ("sf:" + sfId).equals(m.path("metadata").path("key1").asText())).toList();
    }

    static List<ObjectNode> taggedEvents(String grant, String sfId) {
        return OutboundFixture.taggedEvents(nylas, grant, sfId);
    }

    /** The DLQ reason of the record {@code sfId}, waiting for it to arrive; null if none came. */
    static String dlqReason(String sfId) {
        String[] reason = new String[1];
        waitUntil("DLQ entry for " + sfId, WAIT, () -> {
            for (ConsumerRecord<byte[], byte[]> r : CONNECT.consumeAll(Duration.ofSeconds(1), DLQ)) {
                Header h = r.headers().lastHeader("__connect.errors.exception.message");
                String v = r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8);
                if (h != null && v.contains(sfId)) {
                    reason[0] = new String(h.value(), StandardCharsets.UTF_8);
                    return true;
                }
            }
            return false;
        });
        return reason[0];
    }

    static String asRep(String sobject, Map<String, Object> fields) {
        return OutboundFixture.asRep(sf, sobject, fields);
    }

    static void barrier() {
        OutboundFixture.barrier(sf, nylas, repGrant, WAIT);
    }

    @Test
    void aTaskACollegueWroteForTheRepIsNotSentFromTheRepsMailboxUnlessTheColleagueIsAllowed() throws Exception {
        String byColleague = sf.org().insertAs(colleague, "Task", sendableTask("Written by a colleague"));
        String bySalesOps = sf.org().insertAs(salesOps, "Task", sendableTask("Prepared by sales ops"));

        waitUntil("the allowed user's Task is sent from the rep's mailbox", WAIT,
                () -> sentFor(repGrant, bySalesOps).size() == 1);
        String reason = dlqReason(byColleague);
        assertTrue(reason.startsWith("not_authorized: Task " + byColleague + " was created by "), reason);
        barrier();
        assertEquals(0, sentFor(repGrant, byColleague).size(), "never sent, not even by a retry");
        long refused = PluginMetricsJmx.task("nylas-sink", 0, "actions-not-authorized-total").longValue();
        assertTrue(refused >= 1, "refusals are counted: " + refused);
    }

    @Test
    void aGrantTypedIntoTheRecordSendsNothingFromThatMailbox() {
        Map<String, Object> f = sendableTask("Pretending to be the CEO");
        f.put("Nylas_Grant_Id__c", victimGrant);
        // the recipient is a Lead this time: read with TYPEOF Who, as for a Contact
        f.put("WhoId", sf.org().insert("Lead", Map.of("LastName", "Hopper", "Company", "Navy",
                "Email", "grace@navy.test")));
        String task = asRep("Task", f);
        waitUntil("sent from the owner's own mailbox", WAIT, () -> sentFor(repGrant, task).size() == 1);
        assertEquals("grace@navy.test", sentFor(repGrant, task).get(0).path("to").get(0).path("email").asText());
        barrier();
        assertEquals(0, nylas.sendCount(victimGrant), "nothing leaves the mailbox the record names");
    }

    @Test
    void anEventNamingAnotherGrantsEventNeitherChangesNorDeletesIt() {
        long start = Instant.now().plus(5, ChronoUnit.DAYS).getEpochSecond();
        ObjectNode board = nylas.addEvent(victimGrant, "primary", Map.of("title", "Board meeting",
                "when", Map.of("start_time", start, "end_time", start + 3600)));
        String boardId = board.path("id").asText();
        Map<String, Object> f = new HashMap<>(Map.of("Subject", "Hijack", "StartDateTime",
                Instant.ofEpochSecond(start).toString(), "DurationInMinutes", 30,
                "Nylas_Event_Id__c", boardId, "Nylas_Grant_Id__c", victimGrant));
        String ev = asRep("Event", f);
        waitUntil("the rep's event on the rep's own calendar", WAIT, () -> taggedEvents(repGrant, ev).size() == 1);
        sf.org().deleteAs(sf.org().repUserId(), "Event", ev);
        waitUntil("the rep's own event deleted", WAIT, () -> taggedEvents(repGrant, ev).isEmpty());
        barrier();
        List<ObjectNode> victims = nylas.events(victimGrant);
        assertEquals(Set.of(boardId), Set.copyOf(victims.stream().map(e -> e.path("id").asText()).toList()));
        assertEquals("Board meeting", victims.get(0).path("title").asText(), "not overwritten either");
    }

    @Test
    void anEventNamingAnotherRecordsEventOnTheSameCalendarIsRefused() {
        long start = Instant.now().plus(6, ChronoUnit.DAYS).getEpochSecond();
        String first = asRep("Event", Map.of("Subject", "Customer demo", "StartDateTime",
                Instant.ofEpochSecond(start).toString(), "DurationInMinutes", 30));
        waitUntil("first event on the calendar", WAIT, () -> taggedEvents(repGrant, first).size() == 1);
        String demoId = taggedEvents(repGrant, first).get(0).path("id").asText();
        String second = asRep("Event", Map.of("Subject", "Overwrite", "StartDateTime",
                Instant.ofEpochSecond(start).toString(), "DurationInMinutes", 30, "Nylas_Event_Id__c", demoId));
        String reason = dlqReason(second);
        assertTrue(reason.startsWith("not_authorized: event " + demoId + " belongs to another Salesforce record"),
                reason);
        assertEquals("Customer demo", taggedEvents(repGrant, first).get(0).path("title").asText());
    }
}

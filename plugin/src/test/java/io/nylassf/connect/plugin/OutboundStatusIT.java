package io.nylassf.connect.plugin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.testkit.connect.ConnectClusterExtension;
import io.nylassf.testkit.connect.PluginArchive;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.salesforce.Org;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.nylassf.testkit.connect.ConnectClusterExtension.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a rep sees in Salesforce of the outbound direction, on a real Connect cluster with the packaged plugin
 * (Salesforce emulator → source → Kafka → Nylas sink → Nylas emulator, and the sink's send statuses back to the
 * org): a sent Task is Completed with its message id and send time within seconds, with no inbound connector
 * running; a send refused for good shows its status and reason on the Task; the Closed Won kickoff invites the
 * primary contact at 10:00 in the owner's time zone.
 */
class OutboundStatusIT {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final Duration SECONDS = Duration.ofSeconds(15);

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
        sf.org().update("User", sf.org().repUserId(), Map.of("TimeZoneSidKey", "America/Los_Angeles"));
        contact = sf.org().insert("Contact", Map.of("FirstName", "Ada", "LastName", "Lovelace",
                "Email", "ada@acme.test"));
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
                "poll.interval.ms", "300", "salesforce.read.lag.ms", "1000"));
        source.putAll(OutboundFixture.JSON_CONVERTERS);
        CONNECT.putConnector("sf-source", source);
        Map<String, String> sink = new HashMap<>(Map.of(
                "connector.class", "io.nylassf.connect.sink.nylas.NylasSinkConnector",
                "tasks.max", "1",
                "topics", "salesforce.task,salesforce.event,salesforce.opportunity",
                "nylas.api.url", nylas.baseUrl(),
                "nylas.api.key", nylas.apiKey(),
                "send.status.enabled", "true",
                "send.status.linger.ms", "500",
                "salesforce.login.url", sf.baseUrl(),
                "salesforce.auth.method", "client_credentials",
                "salesforce.client.id", "source-app"));
        sink.put("salesforce.client.secret", "source-secret");
        sink.putAll(OutboundFixture.JSON_CONVERTERS);
        sink.putAll(Map.of("errors.tolerance", "all", "errors.deadletterqueue.topic.name", "nylas.outbound.dlq",
                "errors.deadletterqueue.topic.replication.factor", "1"));
        CONNECT.putConnector("nylas-sink", sink);
        CONNECT.awaitRunning("sf-source", 1);
        CONNECT.awaitRunning("nylas-sink", 1);
    }

    @AfterAll
    static void stop() throws Exception {
        OutboundFixture.close(sf, nylas);
    }

    static Map<String, Object> task(String id) {
        return sf.org().get("Task", id);
    }

    @Test
    void aSentTaskIsCompletedWithItsMessageIdAndSendTimeWithinSeconds() {
        String task = OutboundFixture.asRep(sf, "Task", Map.of("Subject", "Following up", "Description", "Thanks",
                "TaskSubtype", "Email", "Status", "Not Started", "WhoId", contact));
        waitUntil("sent", WAIT, () -> nylas.sentMessages(grant).stream()
                .anyMatch(m -> ("sf:" + task).equals(m.path("metadata").path("key1").asText())));
        ObjectNode sent = nylas.sentMessages(grant).stream()
                .filter(m -> ("sf:" + task).equals(m.path("metadata").path("key1").asText())).findFirst().orElseThrow();
        Instant sentSeen = Instant.now();
        waitUntil("Task completed", SECONDS, () -> "Completed".equals(task(task).get("Status")));
        assertTrue(Duration.between(sentSeen, Instant.now()).compareTo(Duration.ofSeconds(10)) < 0,
                "completed within seconds of the send");
        Map<String, Object> t = task(task);
        assertEquals(sent.path("id").asText(), t.get("Nylas_Message_Id__c"));
        assertEquals("Sent", t.get("Nylas_Send_Status__c"));
        assertNull(t.get("Nylas_Send_Error__c"));
        assertNotNull(t.get("Nylas_Sent_At__c"));
        assertEquals("nylas-kafka-sync", sf.org().lastModifiedClient("Task", task), "tagged with the loop guard");
        // the status write is the integration's own change: it comes back to nothing
        OutboundFixture.barrier(sf, nylas, grant, WAIT);
        assertEquals(1, nylas.sentMessages(grant).stream()
                .filter(m -> ("sf:" + task).equals(m.path("metadata").path("key1").asText())).count());
        assertEquals(1, sf.org().all("Task").stream().filter(r -> sent.path("id").asText()
                .equals(r.get("Nylas_Message_Id__c"))).count(), "one Task carries the message");
    }

    @Test
    void aSendRefusedForGoodShowsItsStatusAndReasonOnTheTask() {
        // a rep with no mailbox connected: the send cannot happen until someone connects one
        String noMailbox = sf.org().insert("User", Map.of("Username", "newhire@nylassf.example",
                "Email", "newhire@nylassf.example", "LastName", "Newhire"));
        String orphan = sf.org().insertAs(noMailbox, "Task", Map.of("Subject", "Intro", "TaskSubtype", "Email",
                "Status", "Not Started", "WhoId", contact, "OwnerId", noMailbox));
        // written by someone else than its owner: never sent in the owner's name
        String foreign = sf.org().insertAs(noMailbox, "Task", Map.of("Subject", "On your behalf",
                "TaskSubtype", "Email", "Status", "Not Started", "WhoId", contact, "OwnerId", sf.org().repUserId()));

        waitUntil("failure on the Task", WAIT, () -> "Failed".equals(task(orphan).get("Nylas_Send_Status__c")));
        assertTrue(String.valueOf(task(orphan).get("Nylas_Send_Error__c")).contains("no Nylas grant for owner"),
                String.valueOf(task(orphan).get("Nylas_Send_Error__c")));
        assertEquals("Not Started", task(orphan).get("Status"), "left open for the rep");

        waitUntil("refusal on the Task", WAIT, () -> "Refused".equals(task(foreign).get("Nylas_Send_Status__c")));
        assertTrue(String.valueOf(task(foreign).get("Nylas_Send_Error__c")).contains("not_authorized"),
                String.valueOf(task(foreign).get("Nylas_Send_Error__c")));
        assertTrue(nylas.sentMessages(grant).stream()
                .noneMatch(m -> ("sf:" + foreign).equals(m.path("metadata").path("key1").asText())));
    }

    @Test
    void theKickoffInvitesThePrimaryContactAtTenInTheOwnersTimeZone() {
        // CloseDate Thursday 2027-01-07: the kickoff is Friday 10:00 in Los Angeles (18:00 UTC)
        String opp = OutboundFixture.asRep(sf, "Opportunity", Map.of("Name", "Acme expansion",
                "StageName", "Negotiation/Review", "CloseDate", "2027-01-07"));
        String other = sf.org().insert("Contact", Map.of("LastName", "Hopper", "Email", "grace@acme.test"));
        sf.org().insert("OpportunityContactRole", Map.of("OpportunityId", opp, "ContactId", other,
                "IsPrimary", false));
        sf.org().insert("OpportunityContactRole", Map.of("OpportunityId", opp, "ContactId", contact,
                "IsPrimary", true));
        sf.org().updateAs(sf.org().repUserId(), "Opportunity", opp, Map.of("StageName", "Closed Won"));
        waitUntil("kickoff on the calendar", WAIT, () -> OutboundFixture.taggedEvents(nylas, grant, opp).size() == 1);
        ObjectNode kickoff = OutboundFixture.taggedEvents(nylas, grant, opp).get(0);
        assertEquals(Instant.parse("2027-01-08T18:00:00Z").getEpochSecond(),
                kickoff.path("when").path("start_time").asLong());
        assertEquals(1, kickoff.path("participants").size(), kickoff.toString());
        assertEquals("ada@acme.test", kickoff.path("participants").get(0).path("email").asText());
    }
}

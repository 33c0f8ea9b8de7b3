package io.nylassf.connect.plugin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.testkit.connect.ConnectClusterExtension;
import io.nylassf.testkit.connect.FreePorts;
import io.nylassf.testkit.connect.PluginArchive;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.nylas.NylasMessage;
import io.nylassf.testkit.salesforce.Org;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.nylassf.testkit.connect.ConnectClusterExtension.waitUntil;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Email fidelity on a real Connect cluster, the Nylas source feeding the Salesforce sink in EmailMessage mode: an
 * email is one EmailMessage with its Message-ID and its people as EmailMessageRelations (never a person in
 * RelatedToId), however many mailboxes hold it and however often it is read (webhook, then windows); spam and a
 * newsletter create nothing; the message of a Task the outbound direction sent is linked to that Task.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmailMessageModeIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String REP = Org.REP_USERNAME; // a Salesforce User, and the first mailbox
    private static final String REP2 = "rep2@nylassf.example";

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.builder()
            .workers(1)
            .pluginPath(PluginArchive.installInto(PluginArchive.builtZip(), Path.of("target", "it-plugin-path")))
            .workerProp("task.shutdown.graceful.timeout.ms", "2000")
            .build();

    private static SalesforceEmulator salesforce;
    private static NylasEmulator nylas;
    private static String mine;
    private static String theirs;
    private static String acme;
    private static String ann;
    private static String ko;

    @BeforeAll
    static void start() throws Exception {
        salesforce = SalesforceEmulator.builder().clientCredentials("it-client", "it-secret", Org.INTEGRATION_USERNAME)
                .build().start();
        nylas = NylasEmulator.builder().apiKey("nyk_it").build().start();
        mine = nylas.createGrant(REP, "google");
        theirs = nylas.createGrant(REP2, "microsoft");
        acme = salesforce.org().insert("Account", Map.of("Name", "Acme", "Website", "acme.com"));
        ann = salesforce.org().insert("Contact", Map.of("LastName", "Lee", "Email", "ann@acme.com",
                "AccountId", acme));
        ko = salesforce.org().insert("Lead", Map.of("LastName", "Ko", "Company", "Beta", "Email", "ko@beta.io"));
        for (String topic : List.of("it.messages", "it.contacts")) {
            CONNECT.cluster().kafka().createTopic(topic, 2);
        }
        int port = FreePorts.one();
        String endpoint = "http://127.0.0.1:" + port + "/nylas/webhook";
        Map<String, String> source = json(Map.of("connector.class",
                "io.nylassf.connect.source.nylas.NylasSourceConnector", "tasks.max", "1",
                "nylas.api.url", nylas.baseUrl(), "nylas.api.key", "nyk_it", "nylas.grant.ids", mine + "," + theirs,
                "topic.prefix", "it", "nylas.objects", "messages", "poll.interval.ms", "2000",
                "webhook.enabled", "true", "webhook.port", Integer.toString(port)));
        // windows re-read what webhooks announced soon after: the "read again" path
        source.put("window.lag.ms", "1000");
        source.put("backstop.interval.ms", "3000");
        CONNECT.putConnector("nylas-source", source);
        HttpClient http = HttpClient.newHttpClient();
        waitUntil("webhook endpoint up", WAIT, () -> status(http, endpoint + "/health") == 200);
        ObjectNode webhook = nylas.registerWebhook(endpoint, "message.created");
        source.put("webhook.secret", webhook.get("webhook_secret").asText());
        CONNECT.putConnector("nylas-source", source);
        CONNECT.awaitRunning("nylas-source", 1);

        Map<String, String> sink = json(Map.of("connector.class",
                "io.nylassf.connect.sink.salesforce.SalesforceSinkConnector", "tasks.max", "1",
                "topics", "it.messages", "salesforce.login.url", salesforce.baseUrl(),
                "salesforce.auth.method", "client_credentials", "salesforce.client.id", "it-client",
                "salesforce.client.secret", "it-secret", "salesforce.internal.domains", "nylassf.example",
                "salesforce.linger.ms", "500", "salesforce.message.target", "email_message"));
        sink.put("behavior.on.unmatched.message", "create_lead");
        sink.put("errors.tolerance", "all");
        sink.put("errors.deadletterqueue.topic.name", "it.messages.dlq");
        sink.put("errors.deadletterqueue.topic.replication.factor", "1");
        CONNECT.putConnector("sf-sink", sink);
        CONNECT.awaitRunning("sf-sink", 1);
    }

    @AfterAll
    static void stop() {
        if (nylas != null) {
            nylas.close();
        }
        if (salesforce != null) {
            salesforce.close();
        }
    }

    private static NylasMessage proposal() {
        return NylasMessage.create().subject("Proposal").body("<p>Here it is.</p>").from("Ann Lee", "ann@acme.com")
                .to("Ko", "ko@beta.io").to("Rep", REP).header("Message-ID", "<proposal-1@acme.com>");
    }

    @Test
    @Order(1)
    void anEmailFromAContactToALeadAndAUserIsOneEmailMessageWithThreeRelations() {
        nylas.addMessage(mine, proposal());
        waitUntil("the EmailMessage and its relations", WAIT, () -> count("EmailMessage") == 1
                && count("EmailMessageRelation") == 3);
        Map<String, Object> em = salesforce.org().query("SELECT Id, MessageIdentifier, RelatedToId, Subject FROM "
                + "EmailMessage").records().get(0);
        assertEquals("<proposal-1@acme.com>", em.get("MessageIdentifier"), "from the Message-ID header");
        assertEquals(acme, em.get("RelatedToId"), "the Contact's Account, never a person");
        Map<String, String> relations = new HashMap<>();
        salesforce.org().query("SELECT RelationId, RelationType FROM EmailMessageRelation WHERE EmailMessageId = '"
                + em.get("Id") + "'").records().forEach(r -> relations.put((String) r.get("RelationId"),
                (String) r.get("RelationType")));
        assertEquals(Map.of(ann, "FromAddress", ko, "ToAddress", salesforce.org().repUserId(), "ToAddress"),
                relations);
    }

    @Test
    @Order(2)
    void theSameEmailInASecondMailboxAndReadAgainByTheWindowsIsStillOne() {
        nylas.addMessage(theirs, proposal());
        // the webhook brings both copies at once; the windows (every 3 s here) read both mailboxes again
        await("one EmailMessage while both copies are read and re-read").during(Duration.ofSeconds(12))
                .atMost(WAIT).until(() -> count("EmailMessage") == 1 && count("EmailMessageRelation") == 3);
    }

    @Test
    @Order(3)
    void spamAndANewsletterCreateNothing() {
        int leads = count("Lead");
        nylas.addMessage(mine, NylasMessage.create().subject("You won").from("Prize", "winner@prizes.test")
                .to("Rep", REP).folders("SPAM").header("Message-ID", "<spam-1@prizes.test>"));
        nylas.addMessage(theirs, NylasMessage.create().subject("You won").from("Prize", "winner2@prizes.test")
                .to("Rep", REP2).folders(nylas.folderId(theirs, "\\Junk")));
        nylas.addMessage(mine, NylasMessage.create().subject("Weekly digest").from("News", "editor@news.test")
                .to("Rep", REP).header("Message-ID", "<digest-7@news.test>")
                .header("List-Unsubscribe", "<https://news.test/leave>"));
        // a message from a new person after them: once it is in, so would they be
        nylas.addMessage(mine, NylasMessage.create().subject("Intro").from("Zoe", "zoe@newco.test").to("Rep", REP)
                .header("Message-ID", "<intro@newco.test>"));
        waitUntil("the new person's Lead and EmailMessage", WAIT, () -> count("Lead") == leads + 1
                && count("EmailMessage") == 2);
        await("nothing for spam or the newsletter").during(Duration.ofSeconds(8)).atMost(WAIT)
                .until(() -> count("Lead") == leads + 1 && count("EmailMessage") == 2);
        assertEquals(1, count("Lead", "Email = 'zoe@newco.test'"));
        assertEquals(0, count("Lead", "Email = 'editor@news.test'"));
    }

    @Test
    @Order(4)
    void anOutboundTasksMessageComingBackIsLinkedToTheTask() throws Exception {
        String task = salesforce.org().insertAs(salesforce.org().repUserId(), "Task", Map.of("Subject",
                "Follow-up", "WhoId", ann, "TaskSubtype", "Email", "Status", "Completed"));
        int emails = count("EmailMessage");
        // what the Nylas sink does for that Task: a send from the owner's mailbox tagged sf:<TaskId> in key1
        ObjectMapper json = new ObjectMapper();
        ObjectNode send = json.createObjectNode();
        send.put("subject", "Follow-up").put("body", "<p>Checking in.</p>");
        send.putArray("to").addObject().put("email", "ann@acme.com");
        send.putObject("metadata").put("key1", "sf:" + task);
        HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        nylas.baseUrl() + "/v3/grants/" + mine + "/messages/send"))
                .header("Authorization", "Bearer nyk_it").header("Content-Type", "application/json")
                .header("Idempotency-Key", "task-" + task)
                .POST(HttpRequest.BodyPublishers.ofString(send.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, sent.statusCode(), sent.body());
        String sentId = json.readTree(sent.body()).at("/data/id").asText();
        waitUntil("the Task linked to its sent message", WAIT,
                () -> sentId.equals(salesforce.org().get("Task", task).get("Nylas_Message_Id__c")));
        await("no EmailMessage beside the Task").during(Duration.ofSeconds(6)).atMost(WAIT)
                .until(() -> count("EmailMessage") == emails);
        assertNull(salesforce.org().query("SELECT Id FROM EmailMessage WHERE Nylas_Message_Id__c = '" + sentId + "'")
                .records().stream().findFirst().orElse(null));
    }

    private static int count(String sobject) {
        return salesforce.org().count(sobject);
    }

    private static int count(String sobject, String where) {
        return salesforce.org().query("SELECT Id FROM " + sobject + " WHERE " + where).totalSize();
    }

    private static Map<String, String> json(Map<String, String> settings) {
        Map<String, String> c = new HashMap<>(settings);
        c.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        c.put("key.converter.schemas.enable", "false");
        c.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        c.put("value.converter.schemas.enable", "true");
        c.put("topic.creation.default.replication.factor", "1");
        c.put("topic.creation.default.partitions", "2");
        return c;
    }

    private static int status(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}

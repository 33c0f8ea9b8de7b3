package io.nylassf.connect.source.nylas.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.source.nylas.mail.MailPolicy;
import io.nylassf.connect.source.nylas.mail.MessageFolders;
import io.nylassf.connect.source.nylas.mail.SkipFolders;
import io.nylassf.connect.source.nylas.mapping.BodyPolicy;
import io.nylassf.connect.source.nylas.mapping.RecordFactory;
import io.nylassf.connect.source.nylas.mapping.RecordMapper;
import io.nylassf.connect.source.nylas.mapping.Topics;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.nylas.NylasMessage;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A message notification carries no headers and may be spam: what the router reads and sends on. */
class NotificationRouterMailTest {
    static final String GET_ONE = "GET /v3/grants/{grantId}/messages/{id}";
    static final ObjectMapper JSON = new ObjectMapper();
    static NylasEmulator nylas;
    static NylasClient client;
    static final RecordFactory RECORDS = new RecordFactory(new Topics("t"),
            new RecordMapper(new BodyPolicy(10_000, false)), Clock.systemUTC());

    @BeforeAll
    static void start() {
        nylas = NylasEmulator.builder().rateLimitPerSecond(0).build().start();
        client = new NylasClient(nylas.baseUrl(), nylas.apiKey(), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        client.close();
        nylas.close();
    }

    private static JsonNode notification(JsonNode stored) {
        var o = stored.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) o).remove("headers"); // as delivered
        return JSON.createObjectNode().put("type", "message.created").put("id", "n-1").set("data",
                JSON.createObjectNode().set("object", o));
    }

    private List<SourceRecord> route(NotificationRouter r, JsonNode n) throws Exception {
        return r.route("message.created", n, n.at("/data/object"));
    }

    @Test
    void aNewMessageIsReadOnceMoreWithItsHeadersUnlessHeadersAreOff() throws Exception {
        String g = nylas.createGrant("h" + System.nanoTime() + "@acme.test", "google");
        JsonNode stored = nylas.addMessage(g, NylasMessage.create().subject("hi").body("<p>hi</p>")
                .header("Message-ID", "<m1@acme.test>"));
        MailPolicy withHeaders = new MailPolicy(true, null);
        long before = nylas.requestCount(GET_ONE);
        List<SourceRecord> out = route(new NotificationRouter(RECORDS, client, g2 -> { }, withHeaders),
                notification(stored));
        assertEquals(1, nylas.requestCount(GET_ONE) - before, "one read, with fields=include_headers");
        Struct v = (Struct) out.get(0).value();
        assertEquals("<m1@acme.test>", ((Struct) v.getArray("headers").get(0)).getString("value"));

        route(new NotificationRouter(RECORDS, client, g2 -> { }, MailPolicy.NONE), notification(stored));
        assertEquals(1, nylas.requestCount(GET_ONE) - before, "headers off: the payload is enough");
    }

    @Test
    void aMessageDeletedBeforeItsReadStillCountsAsArrivedWithoutHeaders() throws Exception {
        String g = nylas.createGrant("d" + System.nanoTime() + "@acme.test", "google");
        JsonNode stored = nylas.addMessage(g, NylasMessage.create().subject("gone").body("<p>bye</p>"));
        nylas.deleteMessage(g, stored.get("id").asText());
        List<SourceRecord> out = route(new NotificationRouter(RECORDS, client, g2 -> { }, new MailPolicy(true, null)),
                notification(stored));
        assertEquals(1, out.size(), "the notification had the whole message");
        assertEquals("gone", ((Struct) out.get(0).value()).getString("subject"));
    }

    @Test
    void spamIsDroppedBeforeAnyReadAndCounted() throws Exception {
        String g = nylas.createGrant("s" + System.nanoTime() + "@acme.test", "microsoft");
        JsonNode spam = nylas.addMessage(g, NylasMessage.create().subject("win").body("<p>$$$</p>")
                .folders(nylas.folderId(g, "\\Junk")));
        MessageFolders folders = new MessageFolders(client, new SkipFolders(List.of("spam", "trash", "drafts")),
                Clock.systemUTC(), Duration.ofHours(1));
        long before = nylas.requestCount(GET_ONE);
        List<SourceRecord> out = route(new NotificationRouter(RECORDS, client, g2 -> { },
                new MailPolicy(true, folders)), notification(spam));
        assertTrue(out.isEmpty());
        assertEquals(0, nylas.requestCount(GET_ONE) - before);
        assertEquals(1, folders.skipped());
    }
}

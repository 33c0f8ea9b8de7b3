package io.nylassf.connect.sink.nylas;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nylassf.testkit.connect.ConnectClusterExtension;
import io.nylassf.testkit.nylas.NylasEmulator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.nylassf.testkit.connect.ConnectClusterExtension.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An expired grant on a running Connect cluster: grant A expires, B's sends go on while A is expired, A is
 * re-authenticated and A's waiting sends go out exactly once; nothing reaches the DLQ, and the connector's
 * committed offset stays below A's oldest waiting record until then, so a restart in between loses nothing.
 */
class NylasSinkGrantExpiryIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOPIC = "salesforce.task";
    private static final String DLQ = "nylas.sink.dlq";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.builder().workers(1).build();

    static NylasEmulator nylas;
    static String grantA;
    static String grantB;

    @BeforeAll
    static void start() {
        nylas = NylasEmulator.builder().rateLimitPerSecond(0).applicationRateLimitPerSecond(0).build().start();
        grantA = nylas.createGrant("rep-a@example.com", "google");
        grantB = nylas.createGrant("rep-b@example.com", "google");
        CONNECT.cluster().kafka().createTopic(TOPIC, 1);
        CONNECT.cluster().kafka().createTopic(DLQ, 1);
        Map<String, String> sink = new HashMap<>(Map.of(
                "connector.class", "io.nylassf.connect.sink.nylas.NylasSinkConnector",
                "tasks.max", "1",
                "topics", TOPIC,
                "nylas.api.url", nylas.baseUrl(),
                "nylas.api.key", nylas.apiKey(),
                "grant.expired.check.interval.ms", "500",
                "errors.tolerance", "all",
                "errors.deadletterqueue.topic.name", DLQ,
                "errors.deadletterqueue.topic.replication.factor", "1"));
        sink.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        sink.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        sink.put("value.converter.schemas.enable", "false");
        CONNECT.putConnector("nylas-sink", sink);
        CONNECT.awaitRunning("nylas-sink", 1);
    }

    @AfterAll
    static void stop() {
        if (nylas != null) {
            nylas.close();
        }
    }

    private static int next = 1;

    private static String produceTask(String ownerEmail) throws Exception {
        String id = String.format("00T%012dAAA", next++);
        Map<String, Object> value = Changes.taskValue(id, ownerEmail);
        CONNECT.cluster().kafka().produce(TOPIC, "Task:" + id, JSON.writeValueAsString(value));
        return id;
    }

    @Test
    void anExpiredGrantWaitsWhileOthersGoOnAndItsSendsGoOutOnceAfterReauthentication() throws Exception {
        produceTask("rep-a@example.com");
        waitUntil("A's first send", WAIT, () -> nylas.sendCount(grantA) == 1);

        nylas.expireGrant(grantA);
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiting.add(produceTask("rep-a@example.com"));
            produceTask("rep-b@example.com");
        }
        waitUntil("B's sends land while A is expired", WAIT, () -> nylas.sendCount(grantB) == 3);
        // several grant checks and offset commits while A is still expired: nothing is sent from the expired
        // grant, and the offset stops at A's oldest waiting record (offset 1)
        Awaitility.await("A unsent, the offset held at A's oldest waiting record").during(Duration.ofSeconds(2))
                .atMost(WAIT).until(() -> nylas.sendCount(grantA) == 1 && committedOffset() == 1);

        // a restart while A is expired loses nothing: the partition is read again from A's oldest waiting record,
        // B's records already sent are skipped (idempotent), A's wait again
        assertTrue(CONNECT.rest().post("connectors/nylas-sink/restart?includeTasks=true", null).ok());
        CONNECT.awaitRunning("nylas-sink", 1);
        Awaitility.await("no second send after the restart").during(Duration.ofSeconds(3)).atMost(WAIT)
                .until(() -> nylas.sendCount(grantB) == 3 && nylas.sendCount(grantA) == 1);

        nylas.restoreGrant(grantA);
        waitUntil("A's waiting sends", WAIT, () -> nylas.sendCount(grantA) == 4);
        Awaitility.await("each waiting send went out exactly once").during(Duration.ofSeconds(2)).atMost(WAIT)
                .until(() -> nylas.sendCount(grantA) == 4);
        assertEquals(3, nylas.sendCount(grantB));
        List<String> sentTags = nylas.sentMessages(grantA).stream()
                .map(m -> m.path("metadata").path("key1").asText()).toList();
        for (String id : waiting) {
            assertEquals(1, sentTags.stream().filter(("sf:" + id)::equals).count(), id + " once");
        }
        assertEquals(0, CONNECT.consumeAll(Duration.ofSeconds(2), DLQ).size(), "nothing to the DLQ");
        waitUntil("the offset moves past A's records once they are sent", WAIT, () -> committedOffset() == 7);
    }

    private static long committedOffset() {
        return CONNECT.offsets("nylas-sink").path("offsets").path(0).path("offset").path("kafka_offset").asLong(-1);
    }
}

package io.nylassf.connect.source.nylas;

import org.awaitility.core.ConditionTimeoutException;
import static org.awaitility.Awaitility.await;
import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.connect.source.nylas.NylasItSupport.Rec;
import io.nylassf.testkit.connect.ConnectClusterExtension;
import io.nylassf.testkit.connect.ConnectRest;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.nylas.NylasMessage;
import io.nylassf.testkit.nylas.WebhookSigner;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.nylassf.connect.source.nylas.NylasItSupport.config;
import static io.nylassf.connect.source.nylas.NylasItSupport.countById;
import static io.nylassf.connect.source.nylas.NylasItSupport.duplicates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * KIP-618 on a worker with {@code exactly.once.source.support=enabled}: the connector is created with
 * {@code exactly.once.support=required}; a backfill is interrupted by a connector restart and by a task failure and
 * its restart; a {@code read_committed} consumer sees every message exactly once, and a webhook notification (a record
 * without a source offset) is acknowledged only once its transaction committed, and seen once.
 */
class NylasSourceExactlyOnceIT {
    private static final NylasEmulator NYLAS = NylasEmulator.builder()
            .rateLimitPerSecond(0).applicationRateLimitPerSecond(0).build().start();

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.builder()
            .workers(1)
            .exactlyOnceSource()
            .brokerProp("transaction.state.log.num.partitions", "3")
            .build();

    @AfterAll
    static void stopEmulator() {
        NYLAS.close();
    }

    @Test
    void backfillThroughAConnectorRestartAndATaskFailureIsReadCommittedExactlyOnce() throws Exception {
        long now = Instant.now().getEpochSecond();
        List<String> grants = new ArrayList<>();
        int perGrant = 1_000;
        for (int g = 0; g < 3; g++) {
            String grant = NYLAS.createGrant("eos" + g + "@example.com", "google");
            grants.add(grant);
            for (int i = 0; i < perGrant; i++) {
                NYLAS.addMessage(grant, NylasMessage.create().subject("e" + i).date(now - 4 * 86_400L + (i / 2) * 300L));
            }
        }
        int total = 3 * perGrant;
        int port = NylasItSupport.freePort();
        String secret = "eos-webhook-secret";
        Map<String, String> c = config("eos", NYLAS.baseUrl(), NYLAS.apiKey(), "eo", grants);
        c.put("nylas.objects", "messages");
        c.put("nylas.page.size", "25");
        c.put("tasks.max", "2");
        c.put("backfill.days", "5");
        c.put("window.max.seconds", "21600");
        c.put("max.batch.size", "200");
        c.put("webhook.enabled", "true");
        c.put("webhook.port", Integer.toString(port));
        c.put("webhook.secret", secret);
        c.put("exactly.once.support", "required");
        c.put("transaction.boundary", "poll");

        // the connector cannot define transaction boundaries itself, and the worker says so
        Map<String, String> connectorBoundaries = new HashMap<>(c);
        connectorBoundaries.put("transaction.boundary", "connector");
        JsonNode refused = CONNECT.validate(NylasItSupport.CONNECTOR_CLASS, connectorBoundaries);
        assertFalse(ConnectClusterExtension.validationErrors(refused, "transaction.boundary").isEmpty(),
                refused.toString());
        assertEquals(Map.of(), ConnectClusterExtension.allValidationErrors(
                CONNECT.validate(NylasItSupport.CONNECTOR_CLASS, c)));

        // slow enough that both checkpoints below fall mid-backfill even on an idle machine (120 pages)
        NYLAS.faults().onlyPaths("/messages").latency(50, 0);
        CONNECT.putConnector("eos", c);
        CONNECT.awaitRunning("eos", 2);

        int first = awaitCommitted(600, "eo.messages").size();
        assertTrue(first < total, "the restart must happen mid-backfill, had " + first);
        ConnectRest.Response restart = CONNECT.rest().post("connectors/eos/restart?includeTasks=true", null);
        assertTrue(restart.status() == 202 || restart.status() == 204, restart.raw());
        CONNECT.awaitRunning("eos", 2);

        int second = awaitCommitted(first + 600, "eo.messages").size();
        assertTrue(second < total, "the task must fail mid-backfill, had " + second);
        // the next list call answers 401 without provider_error: "Nylas rejected the API key", the task fails
        NYLAS.faults().failNext("401", 1);
        ConnectClusterExtension.waitUntil("a task FAILED", Duration.ofSeconds(30), () -> failedTask() >= 0);
        int failed = failedTask();
        ConnectRest.Response taskRestart = CONNECT.rest().post("connectors/eos/tasks/" + failed + "/restart", null);
        assertTrue(taskRestart.status() == 202 || taskRestart.status() == 204, taskRestart.raw());
        CONNECT.awaitRunning("eos", 2);
        NYLAS.faults().reset();

        // a notification: its record has no source offset; the 200 comes only after its transaction committed
        HttpClient http = HttpClient.newHttpClient();
        String body = "{\"specversion\":\"1.0\",\"type\":\"contact.updated\",\"id\":\"eos-n1\",\"time\":" + now
                + ",\"data\":{\"application_id\":\"app\",\"object\":{\"id\":\"c-eos\",\"grant_id\":\"" + grants.get(0)
                + "\",\"object\":\"contact\",\"given_name\":\"Grace\"}}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/nylas/webhook"))
                .timeout(Duration.ofSeconds(15)).header("X-Nylas-Signature", WebhookSigner.sign(secret, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        ConnectClusterExtension.waitUntil("notification acknowledged", Duration.ofSeconds(30),
                () -> send(http, post) == 200);
        assertEquals(200, send(http, post), "a duplicate delivery joins the first one's outcome");

        List<Rec> got = awaitCommitted(total, "eo.messages");
        assertEquals(Map.of(), duplicates(got), "no message twice under read_committed");
        assertEquals(total, got.size());
        Set<String> expected = new HashSet<>();
        grants.forEach(g -> NYLAS.messages(g).forEach(m -> expected.add(m.get("id").asText())));
        assertEquals(expected, countById(got).keySet(), "every message, no gap");
        List<Rec> contacts = awaitCommitted(1, "eo.contacts");
        assertEquals(1, contacts.size(), contacts.toString());
        assertEquals("webhook", contacts.get(0).via());
        CONNECT.rest().delete("connectors/eos");
        CONNECT.awaitDeleted("eos");
    }

    private static int send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static int failedTask() {
        JsonNode status = CONNECT.rest().get("connectors/eos/status").body();
        for (JsonNode t : status.path("tasks")) {
            if ("FAILED".equals(t.path("state").asText())) {
                return t.path("id").asInt();
            }
        }
        return -1;
    }

    /** What a read_committed consumer sees, once at least {@code n} records are there (and quiet for a second). */
    private static List<Rec> awaitCommitted(int n, String topic) {
        List<Rec>[] got = new List[]{List.of()};
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
                try {
                    got[0] = committed(topic);
                } catch (RuntimeException | AssertionError notYet) {
                    got[0] = List.of();
                }
                return got[0].size() >= n;
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Timed out with " + got[0].size() + " of " + n + " committed records in "
                    + topic);
        }
        return got[0];
    }

    private static List<Rec> committed(String topic) throws RuntimeException {
        Map<String, Object> consumer = new HashMap<>();
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> raw = new ArrayList<>();
        try {
            CONNECT.cluster().kafka().consumeAll(1_000, consumer, new HashMap<>(), topic).forEach(raw::add);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return NylasItSupport.parse(raw);
    }
}

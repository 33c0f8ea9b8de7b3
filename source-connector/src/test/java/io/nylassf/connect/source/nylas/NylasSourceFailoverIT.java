package io.nylassf.connect.source.nylas;

import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.connect.source.nylas.NylasItSupport.Rec;
import io.nylassf.testkit.connect.ConnectClusterExtension;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.nylas.NylasMessage;
import io.nylassf.testkit.nylas.WebhookSigner;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.apache.kafka.test.TestUtils;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.nylassf.connect.source.nylas.NylasItSupport.all;
import static io.nylassf.connect.source.nylas.NylasItSupport.awaitCount;
import static io.nylassf.connect.source.nylas.NylasItSupport.config;
import static io.nylassf.connect.source.nylas.NylasItSupport.countById;
import static io.nylassf.connect.source.nylas.NylasItSupport.duplicates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two workers; the worker running task 0 (which hosts the webhook endpoint) is stopped mid-backfill. Its tasks move
 * to the other worker, resume from the committed offsets, and every message lands exactly once; the endpoint comes
 * back on the other worker and a notification sent after the move lands.
 */
class NylasSourceFailoverIT {
    private static final NylasEmulator NYLAS = NylasEmulator.builder()
            .rateLimitPerSecond(0).applicationRateLimitPerSecond(0).build().start();

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.builder()
            .workers(2)
            // reassign the stopped worker's tasks after 2 s instead of the default 5 minutes
            .workerProp("scheduled.rebalance.max.delay.ms", "2000")
            .build();

    private static final String SECRET = "failover-webhook-secret";

    @AfterAll
    static void stopEmulator() {
        NYLAS.close();
    }

    @Test
    void stoppingAWorkerMovesItsTasksAndLosesNothing() throws InterruptedException {
        long now = Instant.now().getEpochSecond();
        List<String> grants = new ArrayList<>();
        for (int g = 0; g < 4; g++) {
            String grant = NYLAS.createGrant("failover" + g + "@example.com", "google");
            grants.add(grant);
            for (int i = 0; i < 1_000; i++) {
                NYLAS.addMessage(grant, NylasMessage.create().subject("f" + i).date(now - 5 * 86_400L + (i / 2) * 400L));
            }
        }
        Map<String, String> c = config("failover", NYLAS.baseUrl(), NYLAS.apiKey(), "fo", grants);
        c.put("nylas.objects", "messages");
        c.put("nylas.page.size", "50");
        c.put("tasks.max", "2");
        c.put("backfill.days", "6");
        c.put("window.max.seconds", "21600");
        // task 0 hosts the webhook endpoint; every worker is given the same port, as in production (one worker per
        // host behind a load balancer). In this JVM both workers share one host: only the task hosting the endpoint
        // binds it, so the port is free again once the stopped worker's task closed it (the new host retries
        // every second until then).
        int port = NylasItSupport.freePort();
        String endpoint = "http://127.0.0.1:" + port + "/nylas/webhook";
        c.put("webhook.enabled", "true");
        c.put("webhook.port", Integer.toString(port));
        c.put("webhook.secret", SECRET);
        NYLAS.faults().onlyPaths("/messages").latency(20, 0);
        CONNECT.putConnector("failover", c);
        CONNECT.awaitRunning("failover", 2);
        int before = awaitCount(CONNECT, 800, Duration.ofSeconds(60), r -> true, "fo.messages").size();
        assertTrue(before < 4_000, "the worker must stop mid-backfill, had " + before);
        HttpClient http = HttpClient.newHttpClient();
        assertEquals(200, notify(http, endpoint, "n-before", "c-before", grants.get(0)));

        // stop the worker that runs task 0, which hosts the webhook endpoint (not necessarily the one serving REST)
        JsonNode status = CONNECT.rest().get("connectors/failover/status").body();
        String victimUrl = "";
        for (JsonNode t : status.path("tasks")) {
            if (t.path("id").asInt() == 0) {
                victimUrl = t.path("worker_id").asText();
            }
        }
        String victimWorker = victimUrl;
        int victimPort = Integer.parseInt(victimUrl.substring(victimUrl.lastIndexOf(':') + 1));
        WorkerHandle victim = CONNECT.cluster().workers().stream()
                .filter(w -> w.url().getPort() == victimPort)
                .findFirst().orElseThrow(() -> new AssertionError("no worker " + victimWorker));
        CONNECT.cluster().removeWorker(victim);
        NYLAS.faults().reset();
        // the status topic can still show the stopped worker's tasks RUNNING until the rebalance rewrites them
        TestUtils.waitForCondition(() -> {
            JsonNode after = CONNECT.rest().get("connectors/failover/status").body();
            int moved = 0;
            for (JsonNode t : after.path("tasks")) {
                if ("RUNNING".equals(t.path("state").asText())
                        && !t.path("worker_id").asText().equals(victimWorker)) {
                    moved++;
                }
            }
            return moved == 2;
        }, 60_000, () -> "tasks did not move off the stopped worker: "
                + CONNECT.rest().get("connectors/failover/status").body());

        // the endpoint is back, on the other worker, and a notification sent after the move lands
        ConnectClusterExtension.waitUntil("webhook endpoint back after the move", Duration.ofSeconds(30),
                () -> health(http, endpoint) == 200);
        assertEquals(200, notify(http, endpoint, "n-after", "c-after", grants.get(1)));
        List<Rec> hooked = awaitCount(CONNECT, 2, Duration.ofSeconds(30), r -> true, "fo.contacts");
        assertEquals(Map.of("c-before", 1L, "c-after", 1L), countById(hooked));

        awaitCount(CONNECT, 4_000, Duration.ofSeconds(90), r -> true, "fo.messages");
        List<Rec> got = all(CONNECT, "fo.messages");
        assertEquals(Map.of(), duplicates(got));
        Set<String> expected = new HashSet<>();
        grants.forEach(g -> NYLAS.messages(g).forEach(m -> expected.add(m.get("id").asText())));
        assertEquals(expected, countById(got).keySet());
    }

    private static int notify(HttpClient http, String endpoint, String id, String contactId, String grant) {
        String body = "{\"specversion\":\"1.0\",\"type\":\"contact.updated\",\"id\":\"" + id + "\",\"time\":"
                + Instant.now().getEpochSecond() + ",\"data\":{\"application_id\":\"app\",\"object\":{\"id\":\""
                + contactId + "\",\"grant_id\":\"" + grant + "\",\"object\":\"contact\",\"given_name\":\"Moved\"}}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            return http.send(HttpRequest.newBuilder(URI.create(endpoint)).timeout(Duration.ofSeconds(15))
                    .header("X-Nylas-Signature", WebhookSigner.sign(SECRET, bytes))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new AssertionError("POST " + endpoint, e);
        }
    }

    private static int health(HttpClient http, String endpoint) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(endpoint + "/health")).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}

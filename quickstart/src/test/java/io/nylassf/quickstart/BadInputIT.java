package io.nylassf.quickstart;

import io.nylassf.testkit.nylas.WebhookSigner;
import io.nylassf.testkit.sandbox.SandboxSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Line 5 of the reliability matrix: bad input from outside while both directions run. The webhook endpoint gets
 * malformed, oversized, forged, unsigned and replayed notifications; every input topic of both sinks gets each
 * kind of malformed record ({@link BadRecords}) mixed with real traffic. Every bad request is refused (or, for a
 * replay, written nothing), every bad record is dead-lettered once with a readable reason that names no secret,
 * and everything real lands.
 */
class BadInputIT {
    private static final long SEED = Long.getLong("reliability.seed", 23);
    private static final int EACH = Integer.getInteger("reliability.bad.each", 3);
    private static final Map<String, String> SINK_OF = Map.of(
            "nylas.messages", "salesforce-sink", "nylas.events", "salesforce-sink", "nylas.contacts", "salesforce-sink",
            "salesforce.task", "nylas-sink", "salesforce.event", "nylas-sink", "salesforce.opportunity", "nylas-sink");
    private static final Map<String, String> TIME_FIELD = Map.of(
            "nylas.messages", "date", "nylas.events", "when", "nylas.contacts", "modified_at",
            "salesforce.task", "system_modstamp", "salesforce.event", "system_modstamp",
            "salesforce.opportunity", "system_modstamp");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void badWebhooksAreRefusedAndBadRecordsDeadLetteredWhileEverythingRealLands(@TempDir Path data)
            throws Exception {
        try (ReliabilityCluster cluster = ReliabilityCluster.start(data, new SandboxSpec(SEED, 3, 24, 60, 9, 8, 4,
                2, 14))) {
            String secret = cluster.subscribeWebhooks();
            cluster.awaitSettled(Duration.ofMinutes(4), Duration.ofSeconds(5), "the backfill");

            Map<String, Integer> webhooks = badWebhooks(cluster, secret);

            // every kind of bad record on every input topic, between real changes on both sides
            Map<String, String> produced = new TreeMap<>(); // key -> topic/kind
            for (String topic : new TreeMap<>(SINK_OF).keySet()) {
                List<ConsumerRecord<byte[], byte[]>> real = cluster.topics().readAll(topic);
                assertFalse(real.isEmpty(), topic + " holds a real record to start from");
                byte[] sample = real.get(real.size() - 1).value();
                String badId = topic.startsWith("salesforce.") ? "not-a-salesforce-id!" : "x".repeat(300);
                List<ProducerRecord<byte[], byte[]>> bad = new ArrayList<>();
                for (int i = 0; i < EACH; i++) {
                    for (Map.Entry<BadRecords.Kind, byte[]> k : BadRecords.of(sample, TIME_FIELD.get(topic), badId)
                            .entrySet()) {
                        String key = "bad:" + topic + ":" + k.getKey() + ":" + i;
                        produced.put(key, topic + " " + k.getKey());
                        bad.add(new ProducerRecord<>(topic, null, ("\"" + key + "\"")
                                .getBytes(StandardCharsets.UTF_8), k.getValue()));
                    }
                }
                cluster.topics().produce(bad);
            }
            cluster.outboundBurst(10);
            cluster.meetingBurst(4);
            cluster.inboundBurst(10);

            SyncLedger l = cluster.awaitSettled(Duration.ofMinutes(4), Duration.ofSeconds(10),
                    "real changes after the bad input");
            Map<String, String> reasons = new TreeMap<>();
            try {
                await("every bad record dead-lettered").atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofSeconds(3)).until(() -> {
                        reasons.clear();
                        for (String dlq : List.of("salesforce-sink.dlq", "nylas-sink.dlq")) {
                            for (ConsumerRecord<byte[], byte[]> r : cluster.topics().readAll(dlq)) {
                                String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8)
                                        .replace("\"", "");
                                reasons.merge(key, header(r, "__connect.errors.exception.message"),
                                        (a, b) -> a + " | AGAIN: " + b);
                            }
                        }
                        return reasons.keySet().containsAll(produced.keySet());
                    });
            } catch (ConditionTimeoutException e) {
                Map<String, Integer> missing = new TreeMap<>();
                produced.forEach((key, kind) -> {
                    if (!reasons.containsKey(key)) {
                        missing.merge(kind, 1, Integer::sum);
                    }
                });
                throw new AssertionError("bad records not dead-lettered: " + missing + "; dead-lettered: "
                        + reasons, e);
            }
            Map<String, Integer> perKind = new TreeMap<>();
            produced.forEach((key, kind) -> perKind.merge(kind.substring(kind.indexOf(' ') + 1), 1, Integer::sum));
            System.out.println("BadInputIT -> webhooks " + webhooks + "; records dead-lettered per kind " + perKind
                    + " over " + SINK_OF.size() + " topics; " + l);
            produced.keySet().forEach(k -> System.out.println("  " + produced.get(k) + ": " + reasons.get(k)));

            List<String[]> rows = new ArrayList<>();
            webhooks.forEach((kind, n) -> rows.add(ReliabilityReport.row("webhooks " + kind + ", refused"
                    + (kind.equals("replayed") ? " (answered 200, nothing written)" : ""), n + " of " + EACH * 4)));
            Map<String, Integer> lettered = new TreeMap<>();
            produced.forEach((key, kind) -> {
                String reason = reasons.get(key);
                boolean once = reason != null && !reason.isBlank() && !reason.contains("AGAIN");
                lettered.merge(kind.substring(kind.indexOf(' ') + 1), once ? 1 : 0, Integer::sum);
            });
            lettered.forEach((kind, n) -> rows.add(ReliabilityReport.row("records " + kind + " (all six topics), "
                    + "dead-lettered once with a reason", n + " of " + perKind.get(kind))));
            rows.add(ReliabilityReport.row("real changes lost / duplicated / sent twice after the bad input",
                    (l.messagesLost() + l.contactsLost() + l.eventsLost()) + " / " + l.duplicateRecords() + " / "
                            + l.tasksSentTwice()));
            ReliabilityReport.write("line-5", EACH + " of each record kind per topic, " + EACH * 4
                    + " of each webhook kind, seed " + SEED, rows);
            for (String key : produced.keySet()) {
                String reason = reasons.get(key);
                assertFalse(reason == null || reason.isBlank(), produced.get(key) + " has a reason");
                assertFalse(reason.contains("AGAIN"), produced.get(key) + " dead-lettered once: " + reason);
                assertFalse(reason.contains("sandbox-secret") || reason.contains("nyk_sandbox")
                        || reason.contains(secret), produced.get(key) + " names no secret");
            }
            assertEquals(produced.size(), reasons.keySet().stream().filter(k -> k.startsWith("bad:")).count(),
                    "only the bad records are dead-lettered");
            assertEquals(0, l.messagesLost() + l.contactsLost() + l.eventsLost(), "lost: " + l);
            assertEquals(0, l.duplicateRecords() + l.tasksSentTwice() + l.eventsWrittenTwice(), l.toString());
        }
    }

    /** Sends each kind of bad notification; returns how many of each were refused (or, replays, absorbed). */
    private static Map<String, Integer> badWebhooks(ReliabilityCluster cluster, String secret) throws Exception {
        String url = cluster.webhookUrl();
        String grant = cluster.sandbox().grantIds().get(0);
        String message = cluster.nylas().messages(grant).get(0).path("id").asText();
        Map<String, Integer> refused = new TreeMap<>();
        String valid = notification(grant, message, "replayed");
        assertEquals(200, post(url, valid, sign(secret, valid)).statusCode(), "a valid notification");
        // its record may reach the topic a moment after the answer
        await("the valid notification's record").atMost(Duration.ofSeconds(30))
                .until(() -> announced(cluster, message) >= 1);
        long written = announced(cluster, message);
        for (int i = 0; i < EACH * 4; i++) {
            String n = notification(grant, message, "bad-" + i);
            count(refused, "forged", post(url, n, "00".repeat(32)).statusCode() == 401);
            count(refused, "unsigned", post(url, n, null).statusCode() == 401);
            String big = notification(grant, message, "big-" + i).replace("\"object\":\"message\"",
                    "\"object\":\"message\",\"body\":\"" + "x".repeat(2_200_000) + "\"");
            count(refused, "oversized", post(url, big, sign(secret, big)).statusCode() == 413);
            count(refused, "malformed", post(url, "{\"specversion\":", sign(secret, "{\"specversion\":"))
                    .statusCode() == 400);
            count(refused, "replayed", post(url, valid, sign(secret, valid)).statusCode() == 200);
        }
        // a replay is answered 200 (Nylas would retry otherwise) and writes nothing; other records may come
        // meanwhile (the source re-reads from its last committed offset after the restart the secret caused)
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> announced(cluster, message) == written);
        refused.values().forEach(n -> assertEquals(EACH * 4, n, "every bad notification refused: " + refused));
        return refused;
    }

    /** Records of nylas.messages about message {@code id} that a notification (not a window read) produced. */
    private static long announced(ReliabilityCluster cluster, String id) {
        return cluster.topics().readAll("nylas.messages").stream().filter(r -> r.value() != null)
                .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .filter(v -> v.contains("\"id\":\"" + id + "\"") && v.contains("\"observed_via\":\"webhook\""))
                .count();
    }

    private static void count(Map<String, Integer> refused, String kind, boolean wasRefused) {
        refused.merge(kind, wasRefused ? 1 : 0, Integer::sum);
    }

    private static String notification(String grant, String messageId, String nonce) {
        return "{\"specversion\":\"1.0\",\"type\":\"message.updated\",\"source\":\"/google/emails/realtime\","
                + "\"id\":\"ntf-" + nonce + "\",\"time\":" + Instant.now().getEpochSecond() + ",\"data\":{"
                + "\"application_id\":\"app\",\"object\":{\"object\":\"message\",\"grant_id\":\"" + grant + "\","
                + "\"id\":\"" + messageId + "\",\"subject\":\"" + nonce + "\"}}}";
    }

    private static String sign(String secret, String body) {
        return WebhookSigner.sign(secret, body.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> post(String url, String body, String signature) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            b.header("X-Nylas-Signature", signature);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }
}

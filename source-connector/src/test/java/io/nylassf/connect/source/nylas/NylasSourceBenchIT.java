package io.nylassf.connect.source.nylas;

import io.nylassf.testkit.connect.ConnectClusterExtension;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.nylas.NylasMessage;
import io.nylassf.testkit.nylas.WebhookSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.nylassf.connect.source.nylas.NylasItSupport.awaitCount;
import static io.nylassf.connect.source.nylas.NylasItSupport.config;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Benchmark, not a timed test (run with {@code mvn -Pbench -pl source-connector verify -Dit.test=NylasSourceBenchIT
 * -Dtest=none}): messages per second of a backfill through the connector on a one-worker cluster, and webhook
 * notifications per second acknowledged by Kafka with the p50/p99 time from POST to 200. Figures are printed and
 * written to {@code target/bench-nylas-source.txt}.
 */
@Tag("bench")
class NylasSourceBenchIT {
    private static final int GRANTS = 4;
    private static final int PER_GRANT = 5_000;
    private static final int NOTIFICATIONS = 5_000;
    private static final int CLIENTS = 16;

    private static final NylasEmulator NYLAS = NylasEmulator.builder()
            .rateLimitPerSecond(0).applicationRateLimitPerSecond(0).build().start();

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.builder().workers(1).build();

    @AfterAll
    static void stopEmulator() {
        NYLAS.close();
    }

    @Test
    void backfillAndWebhookThroughput() throws Exception {
        List<String> report = new ArrayList<>();
        long now = Instant.now().getEpochSecond();
        List<String> grants = new ArrayList<>();
        for (int g = 0; g < GRANTS; g++) {
            String grant = NYLAS.createGrant("bench" + g + "@example.com", "google");
            grants.add(grant);
            for (int i = 0; i < PER_GRANT; i++) {
                NYLAS.addMessage(grant, NylasMessage.create().subject("bench " + i).from("Ada", "ada@acme.test")
                        .to("Bob", "bob@acme.test").body("<p>" + "lorem ipsum ".repeat(40) + "</p>")
                        .date(now - 20 * 86_400L + i * 300L));
            }
        }
        Map<String, String> c = config("bench", NYLAS.baseUrl(), NYLAS.apiKey(), "bench", grants);
        c.put("nylas.objects", "messages");
        c.put("tasks.max", Integer.toString(GRANTS));
        c.put("backfill.days", "21");
        c.put("window.max.seconds", "2592000");
        long started = System.nanoTime();
        CONNECT.putConnector("bench", c);
        awaitCount(CONNECT, GRANTS * PER_GRANT, Duration.ofMinutes(5), r -> true, "bench.messages");
        double seconds = (System.nanoTime() - started) / 1e9;
        report.add(String.format("backfill: %,d messages, %d grants, %d tasks, in %.1f s = %,.0f messages/s "
                        + "(includes connector start and the test's polling of the topic every 0.5 s)",
                GRANTS * PER_GRANT, GRANTS, GRANTS, seconds, GRANTS * PER_GRANT / seconds));
        CONNECT.rest().delete("connectors/bench");
        CONNECT.awaitDeleted("bench");

        int port = NylasItSupport.freePort();
        String endpoint = "http://127.0.0.1:" + port + "/nylas/webhook";
        String secret = "bench-secret";
        Map<String, String> w = config("bench-hooks", NYLAS.baseUrl(), NYLAS.apiKey(), "benchwh", grants.subList(0, 1));
        w.put("nylas.objects", "contacts");
        w.put("contacts.scan.interval.ms", "3600000");
        w.put("webhook.enabled", "true");
        w.put("webhook.port", Integer.toString(port));
        w.put("webhook.secret", secret);
        CONNECT.putConnector("bench-hooks", w);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ConnectClusterExtension.waitUntil("endpoint", Duration.ofSeconds(30), () -> status(http,
                HttpRequest.newBuilder(URI.create(endpoint + "/health")).GET().build()) == 200);

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long[] latencies = new long[NOTIFICATIONS];
        List<Future<?>> futures = new ArrayList<>();
        long hooksStarted = System.nanoTime();
        for (int i = 0; i < NOTIFICATIONS; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                String body = "{\"specversion\":\"1.0\",\"type\":\"message.created\",\"id\":\"bench-" + n
                        + "\",\"time\":" + now + ",\"data\":{\"application_id\":\"a\",\"object\":{\"id\":\"wm-" + n
                        + "\",\"grant_id\":\"" + grants.get(0) + "\",\"object\":\"message\",\"subject\":\"s\","
                        + "\"body\":\"<p>hello</p>\",\"date\":" + now + "}}}";
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                HttpRequest req = HttpRequest.newBuilder(URI.create(endpoint))
                        .header("X-Nylas-Signature", WebhookSigner.sign(secret, bytes))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
                long t0 = System.nanoTime();
                int s = status(http, req);
                latencies[n] = System.nanoTime() - t0;
                assertEquals(200, s);
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double hookSeconds = (System.nanoTime() - hooksStarted) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        report.add(String.format("webhooks: %,d notifications from %d concurrent clients acknowledged in %.1f s = "
                        + "%,.0f notifications/s; POST -> 200 p50 %.1f ms, p99 %.1f ms", NOTIFICATIONS, CLIENTS,
                hookSeconds, NOTIFICATIONS / hookSeconds, latencies[NOTIFICATIONS / 2] / 1e6,
                latencies[(int) (NOTIFICATIONS * 0.99)] / 1e6));
        awaitCount(CONNECT, NOTIFICATIONS, Duration.ofSeconds(60), r -> "webhook".equals(r.via()), "benchwh.messages");
        report.forEach(line -> System.out.println("BENCH " + line));
        write(report);
    }

    private static int status(HttpClient http, HttpRequest req) {
        try {
            return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void write(List<String> lines) throws IOException {
        Path out = Path.of("target", "bench-nylas-source.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
    }
}

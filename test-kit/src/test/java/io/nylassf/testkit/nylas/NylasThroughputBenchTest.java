package io.nylassf.testkit.nylas;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Prints requests/second for 20k list/get calls over keep-alive from a few threads. Not a timed assertion; run
 * with {@code mvn -pl test-kit -Pbench test -Dtest=NylasThroughputBenchTest} (output in the surefire report).
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "bench", matches = "true")
class NylasThroughputBenchTest {
    @Test
    void listAndGetThroughput() throws Exception {
        try (NylasEmulator e = NylasEmulator.builder().rateLimitPerSecond(0).build().start()) {
            String g = e.createGrant("bench@acme.test", "google");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                ids.add(e.addMessage(g, NylasMessage.create().subject("s" + i).date(1_700_000_000L + i)
                        .from("A", "a@acme.test").body("<p>body " + i + "</p>")).get("id").asText());
            }
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            int threads = 4;
            int perThread = 5_000;
            AtomicInteger errors = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            Runnable work = () -> {
                for (int i = 0; i < perThread; i++) {
                    String path = i % 2 == 0 ? "/v3/grants/" + g + "/messages?limit=20"
                            : "/v3/grants/" + g + "/messages/" + ids.get(i % ids.size());
                    HttpRequest r = HttpRequest.newBuilder(URI.create(e.baseUrl() + path))
                            .header("Authorization", "Bearer " + e.apiKey()).GET().build();
                    try {
                        if (client.send(r, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception ex) {
                        errors.incrementAndGet();
                    }
                }
            };
            // warm-up
            pool.submit(work).get();
            long t0 = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                fs.add(pool.submit(work));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            int total = threads * perThread;
            System.out.printf("Nylas emulator: %d requests in %.2f s = %.0f requests/second (%d threads, errors %d)%n",
                    total, seconds, total / seconds, threads, errors.get());
            assertEquals(0, errors.get());
        }
    }
}

package io.nylassf.testkit.salesforce;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Not a test: prints requests/second for upserts and queries over keep-alive connections.
 * Run: {@code java -cp <test-kit test classpath> io.nylassf.testkit.salesforce.SalesforceThroughputBench [requests] [threads]}.
 */
public final class SalesforceThroughputBench {
    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        try (SalesforceEmulator sf = SalesforceEmulator.builder().staticToken("bench").dailyApiLimit(10_000_000).build().start()) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = sf.baseUrl() + "/services/data/v62.0";
            sf.org().clearDuplicateRules();
            run("upsert", total, threads, i -> HttpRequest.newBuilder(URI.create(base + "/sobjects/Contact/Nylas_Contact_Id__c/c-" + (i % 5000)))
                    .header("Authorization", "Bearer bench").header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"LastName\":\"L" + i + "\",\"Email\":\"u" + i + "@example.com\"}")).build(), client);
            String q = URLEncoder.encode("SELECT Id, LastName FROM Contact WHERE Nylas_Contact_Id__c = 'c-17'", StandardCharsets.UTF_8);
            run("query", total, threads, i -> HttpRequest.newBuilder(URI.create(base + "/query?q=" + q))
                    .header("Authorization", "Bearer bench").GET().build(), client);
        }
    }

    interface Req {
        HttpRequest make(int i);
    }

    private static void run(String name, int total, int threads, Req req, HttpClient client) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < total) {
                    try {
                        HttpResponse<String> r = client.send(req.make(i), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() >= 300) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%-7s %,d requests, %d threads: %,.0f req/s (%d errors)%n", name, total, threads, total / secs, errors.get());
    }
}

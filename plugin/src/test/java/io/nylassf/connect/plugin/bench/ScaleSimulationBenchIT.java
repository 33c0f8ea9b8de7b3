package io.nylassf.connect.plugin.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.testkit.connect.ConnectClusterExtension;
import io.nylassf.testkit.connect.FreePorts;
import io.nylassf.testkit.connect.PluginArchive;
import io.nylassf.testkit.connect.PluginMetricsJmx;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.nylas.NylasMessage;
import io.nylassf.testkit.nylas.WebhookSigner;
import io.nylassf.testkit.salesforce.Org;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * The Nylas source at scale: {@code scale.grants} mailboxes (10,000 by default) with a few messages, an event and a
 * contact each, read by 8 tasks on 2 embedded workers loading the packaged plugin. Measures the first full pass,
 * the per-grant 429s, the heap, the idle Nylas calls per grant per hour with webhooks healthy and with webhooks
 * down, and the webhook endpoint's throughput and p99 with every grant assigned. Writes
 * {@code target/bench/scale.md}; the figures go to {@code docs/scale.md}.
 * {@code mvn -B -Pbench -pl plugin -am verify -Dit.test=ScaleSimulationBenchIT -Dtest=none -Dscale.grants=10000}
 */
@Tag("bench")
class ScaleSimulationBenchIT {
    private static final int GRANTS = Integer.getInteger("scale.grants", 10_000);
    private static final int TASKS = 8;
    private static final Duration IDLE_WINDOW = Duration.ofSeconds(Long.getLong("scale.idle.seconds", 120));
    /** The backstop interval the healthy idle rate is measured at; the default is too long to wait through. */
    private static final Duration BACKSTOP = Duration.ofSeconds(Long.getLong("scale.backstop.seconds", 120));
    private static final Duration DEFAULT_BACKSTOP = Duration.ofMinutes(30);
    private static final Duration QUIET = Duration.ofSeconds(5);
    private static final int BACKFILL_DAYS = 30;
    /** The Salesforce source's wait doubles from 5 s to its 60 s maximum in about 2 minutes. */
    private static final Duration SF_SETTLE = Duration.ofSeconds(150);
    private static final Duration SF_IDLE_WINDOW = Duration.ofSeconds(Long.getLong("scale.sf.idle.seconds", 600));

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.builder().workers(2)
            .pluginPath(PluginArchive.installInto(PluginArchive.builtZip(), Path.of("target", "scale-plugin-path")))
            .build();

    @Test
    void tenThousandMailboxes() throws Exception {
        List<String> report = new ArrayList<>();
        try (NylasEmulator nylas = NylasEmulator.builder().applicationRateLimitPerSecond(0).build().start()) {
            List<String> grants = seed(nylas);
            int port = FreePorts.one();
            String endpoint = "http://127.0.0.1:" + port + "/nylas/webhook";
            // deployed as the docs say: the subscription exists before the connector runs with its secret
            Map<String, String> c = sourceConfig(nylas, port, endpoint);
            Map<String, String> subscriber = new HashMap<>(c);
            subscriber.put("tasks.max", "1");
            subscriber.put("nylas.grant.ids", grants.get(0));
            subscriber.put("topic.prefix", "subscribe");
            CONNECT.putConnector("subscribe", subscriber);
            // the challenge is answered once the subscriber's task has its endpoint up
            ObjectNode webhook = await("the subscription's challenge answered").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> nylas.registerWebhook(endpoint, "message.created", "message.updated",
                            "message.deleted", "event.created", "event.updated", "event.deleted", "contact.updated",
                            "contact.deleted", "grant.expired", "grant.updated"), w -> w != null);
            String secret = webhook.get("webhook_secret").asText();
            CONNECT.cluster().deleteConnector("subscribe");
            awaitQuiet(nylas);
            long callsBefore = grantCalls(nylas);
            long limitedBefore = nylas.rateLimitedCount();
            long heapBefore = usedHeapAfterGc();

            c.put("webhook.secret", secret);
            long start = System.nanoTime();
            CONNECT.putConnector("scale", c);
            // each grant's items are in its newest window, so once all are written every stream has caught up
            await("first full pass (backfill of " + BACKFILL_DAYS + " days)").atMost(Duration.ofMinutes(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> sumOverTasks("records-out-total") >= 4L * GRANTS);
            double firstPassS = (System.nanoTime() - start) / 1e9;
            long passCalls = grantCalls(nylas) - callsBefore;
            long heapMiB = (usedHeapAfterGc() - heapBefore) / (1 << 20);
            report.add(row("first full pass over " + GRANTS + " grants: a " + BACKFILL_DAYS
                            + "-day backfill of 3 streams each, every record written (" + passCalls + " calls)",
                    String.format("%.0f s", firstPassS), "≤ 600 s"));
            report.add(row("429s answered by the per-grant rate limit", Long.toString(nylas.rateLimitedCount() - limitedBefore), "0"));
            report.add(row("heap the 8 tasks hold after the pass, after GC (both workers in one JVM; half each)",
                    (heapMiB / 2) + " MiB per worker", "< 512 MiB"));

            double[] throughput = webhookThroughput(endpoint, secret, grants);
            report.add(row("webhook endpoint: notifications/s accepted (200 after the record is stored), 32 clients, "
                    + GRANTS + " grants assigned", String.format("%.0f", throughput[0]), "≥ 2,000 per worker"));
            report.add(row("webhook endpoint: p99 POST → 200 at 100/s", String.format("%.1f ms", throughput[1]),
                    "≤ 50 ms"));

            // the steady idle rate at a compressed backstop interval, converted to the default (calls scale as 1/interval)
            c.put("backstop.interval.ms", Long.toString(BACKSTOP.toMillis()));
            CONNECT.putConnector("scale", c);
            await("webhooks healthy in every task").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> sumOverTasks("webhooks-healthy") == TASKS
                            && sumOverTasks("backstop-interval-ms") == TASKS * BACKSTOP.toMillis());
            measureFor(BACKSTOP.multipliedBy(6).dividedBy(5).plusSeconds(30));
            Duration window = BACKSTOP.multipliedBy(5).dividedBy(2);
            double healthyAtBench = callsPerGrantPerHour(nylas, window);
            double healthy = healthyAtBench * BACKSTOP.toMillis() / DEFAULT_BACKSTOP.toMillis();
            report.add(row("idle Nylas calls per grant per hour, webhooks healthy, at the default "
                            + DEFAULT_BACKSTOP.toMinutes() + "-minute backstop (measured: " + String.format("%.1f",
                            healthyAtBench) + " at " + BACKSTOP.toSeconds() + " s over " + window.toSeconds() + " s)",
                    String.format("%.1f", healthy), "≤ 6"));

            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(nylas.baseUrl() + "/v3/webhooks/"
                            + webhook.get("id").asText())).header("Authorization", "Bearer " + nylas.apiKey())
                    .DELETE().build(), HttpResponse.BodyHandlers.discarding());
            await("webhooks no longer trusted").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> sumOverTasks("webhooks-healthy") == 0);
            double down = callsPerGrantPerHour(nylas, IDLE_WINDOW);
            report.add(row("idle Nylas calls per grant per hour, webhooks down (poll.interval.ms 30 s)",
                    String.format("%.1f", down),
                    String.format("baseline (%.0fx the healthy figure)", down / Math.max(0.1, healthy))));
            CONNECT.cluster().deleteConnector("scale");
        }
        write(report, "scale.md", "Scale simulation: " + GRANTS + " grants, " + TASKS
                + " tasks on 2 embedded workers");
    }

    /**
     * The Salesforce source on one task (all three objects in one Composite call per poll) at its defaults: the
     * calls an idle org costs per hour once the wait has stretched, and the calls a burst of 1,000 changes costs.
     */
    @Test
    void salesforceSourceIdleAndBurst() throws Exception {
        List<String> report = new ArrayList<>();
        try (SalesforceEmulator sf = SalesforceEmulator.builder().clientCredentials("c", "s", Org.INTEGRATION_USERNAME)
                .build().start()) {
            Map<String, String> c = new HashMap<>();
            c.put("connector.class", "io.nylassf.connect.source.salesforce.SalesforceSourceConnector");
            c.put("tasks.max", "1");
            c.put("salesforce.login.url", sf.baseUrl());
            c.put("salesforce.auth.method", "client_credentials");
            c.put("salesforce.client.id", "c");
            c.put("salesforce.client.secret", "s");
            c.put("salesforce.objects", "Task,Event,Opportunity");
            c.put("salesforce.own.changes", "mark");
            c.put("topic.prefix", "sfscale");
            c.put("topic.creation.default.replication.factor", "1");
            c.put("topic.creation.default.partitions", "1");
            CONNECT.putConnector("sf-source", c);
            CONNECT.awaitRunning("sf-source", 1);
            measureFor(SF_SETTLE);
            long before = sf.apiCallCount();
            measureFor(SF_IDLE_WINDOW);
            double idlePerHour = (sf.apiCallCount() - before) * 3_600_000.0 / SF_IDLE_WINDOW.toMillis();
            report.add(row("Salesforce source, idle org: API calls per hour (measured over "
                    + SF_IDLE_WINDOW.toMinutes() + " min once the wait has stretched; token and limits calls included)",
                    String.format("%.0f", idlePerHour), "≤ 60"));

            long out = sumOver("sf-source", 1, "records-out-total");
            long burstBefore = sf.apiCallCount();
            long t0 = System.nanoTime();
            for (int i = 0; i < 1_000; i++) {
                sf.org().insert("Task", Map.of("Subject", "Burst " + i));
            }
            await("the burst read").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> sumOver("sf-source", 1, "records-out-total") >= out + 1_000);
            report.add(row("Salesforce source, a burst of 1,000 changes: API calls until all are in Kafka (after an idle "
                    + "wait; first change to last record " + String.format("%.0f s", (System.nanoTime() - t0) / 1e9)
                    + ")", Long.toString(sf.apiCallCount() - burstBefore), "–"));
            CONNECT.cluster().deleteConnector("sf-source");
        }
        write(report, "scale-salesforce-source.md", "Salesforce source, one task, defaults");
    }

    /** Waits until no grant-level call was made for one {@link #QUIET} span (the subscriber has stopped). */
    private static void awaitQuiet(NylasEmulator nylas) {
        AtomicLong last = new AtomicLong(-1);
        await("no grant calls").atMost(Duration.ofMinutes(5)).pollInterval(QUIET)
                .until(() -> {
                    long now = grantCalls(nylas);
                    return last.getAndSet(now) == now;
                });
    }

    private static List<String> seed(NylasEmulator nylas) {
        List<String> grants = new ArrayList<>(GRANTS);
        for (int g = 0; g < GRANTS; g++) {
            String grant = nylas.createGrant("rep" + g + "@ourco.test", "google");
            grants.add(grant);
            nylas.addMessage(grant, NylasMessage.create().subject("Hello").from("Customer", "c" + g + "@acme.test"));
            nylas.addMessage(grant, NylasMessage.create().subject("Re: Hello").from("Customer", "c" + g + "@acme.test"));
            nylas.addEvent(grant, nylas.primaryCalendarId(grant), Map.of("title", "Sync", "when",
                    Map.of("start_time", 1_800_000_000L, "end_time", 1_800_003_600L)));
            nylas.addContact(grant, Map.of("given_name", "Ada", "emails",
                    List.of(Map.of("email", "c" + g + "@acme.test"))));
        }
        return grants;
    }

    private static Map<String, String> sourceConfig(NylasEmulator nylas, int port, String endpoint) {
        Map<String, String> c = new HashMap<>();
        c.put("connector.class", "io.nylassf.connect.source.nylas.NylasSourceConnector");
        c.put("tasks.max", Integer.toString(TASKS));
        c.put("nylas.api.url", nylas.baseUrl());
        c.put("nylas.api.key", nylas.apiKey());
        c.put("topic.prefix", "scale");
        c.put("topic.creation.default.replication.factor", "1");
        c.put("topic.creation.default.partitions", "8");
        c.put("poll.interval.ms", "30000");
        c.put("backfill.days", Integer.toString(BACKFILL_DAYS));
        c.put("webhook.enabled", "true");
        c.put("webhook.port", Integer.toString(port));
        c.put("webhook.public.url", endpoint);
        c.put("webhook.health.check.interval.ms", "5000");
        c.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        c.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        return c;
    }

    private static long reads(NylasEmulator nylas, String resource) {
        return nylas.requestCounts().entrySet().stream()
                .filter(e -> e.getKey().startsWith("GET /v3/grants/{grantId}/") && e.getKey().contains(resource))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static long sumOverTasks(String metric) {
        return sumOver("scale", TASKS, metric);
    }

    private static long sumOver(String connector, int tasks, String metric) {
        long sum = 0;
        for (int t = 0; t < tasks; t++) {
            Number v = PluginMetricsJmx.task(connector, t, metric);
            sum += v == null ? 0 : v.longValue();
        }
        return sum;
    }

    /** Grant-level Nylas calls over a window, per grant and hour. */
    private static double callsPerGrantPerHour(NylasEmulator nylas, Duration window) throws InterruptedException {
        long before = grantCalls(nylas);
        measureFor(window);
        long calls = grantCalls(nylas) - before;
        return calls / (double) GRANTS * 3_600_000.0 / window.toMillis();
    }

    /** A measurement window: the rate is counted over a fixed span of time, there is no condition to wait for. */
    private static void measureFor(Duration window) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(window.toMillis());
    }

    private static long grantCalls(NylasEmulator nylas) {
        return nylas.requestCounts().entrySet().stream().filter(e -> e.getKey().contains("/v3/grants/{grantId}/"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** [notifications/s with 32 clients for 20 s, p99 ms at a steady 100/s for 20 s]. */
    private static double[] webhookThroughput(String endpoint, String secret, List<String> grants) throws Exception {
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(32)).build();
        AtomicLong ok = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(32);
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        for (int i = 0; i < 32; i++) {
            clients.submit(() -> {
                while (System.nanoTime() < end) {
                    if (post(http, endpoint, secret, grants) == 200) {
                        ok.incrementAndGet();
                    }
                }
                return null;
            });
        }
        clients.shutdown();
        clients.awaitTermination(2, TimeUnit.MINUTES);
        double perSecond = ok.get() / 20.0;
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 2_000; i++) {
            long sent = System.nanoTime();
            post(http, endpoint, secret, grants);
            latencies.add(System.nanoTime() - sent);
            long wait = sent + 10_000_000L - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
        Collections.sort(latencies);
        return new double[]{perSecond, latencies.get((int) (latencies.size() * 0.99)) / 1e6};
    }

    private static int post(HttpClient http, String endpoint, String secret, List<String> grants) {
        String grant = grants.get(ThreadLocalRandom.current().nextInt(grants.size()));
        long now = System.currentTimeMillis() / 1000;
        String id = "n" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
        String body = "{\"specversion\":\"1.0\",\"type\":\"message.created\",\"source\":\"/google/emails/realtime\","
                + "\"id\":\"" + id + "\",\"time\":" + now + ",\"webhook_delivery_attempt\":1,\"data\":"
                + "{\"application_id\":\"app\",\"object\":{\"id\":\"m" + id + "\",\"grant_id\":\"" + grant + "\","
                + "\"object\":\"message\",\"subject\":\"Bench\",\"from\":[{\"email\":\"x@acme.test\"}],\"date\":"
                + now + ",\"body\":\"hi\",\"folders\":[\"INBOX\"]}}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            return http.send(HttpRequest.newBuilder(URI.create(endpoint)).timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json")
                    .header("X-Nylas-Signature", WebhookSigner.sign(secret, bytes))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String row(String what, String measured, String target) {
        return "| " + what + " | " + measured + " | " + target + " |";
    }

    private static void write(List<String> rows, String name, String title) throws Exception {
        List<String> out = new ArrayList<>(List.of("# " + title, "", "| figure | measured | target |",
                "| --- | --- | --- |"));
        out.addAll(rows);
        Path file = Path.of("target", "bench", name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", out) + "\n");
        System.out.println(String.join("\n", out));
    }
}

package io.nylassf.connect.plugin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.testkit.connect.ConnectClusterExtension;
import io.nylassf.testkit.connect.FreePorts;
import io.nylassf.testkit.connect.PluginArchive;
import io.nylassf.testkit.connect.PluginMetricsJmx;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.nylas.NylasMessage;
import io.nylassf.testkit.salesforce.Org;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import static io.nylassf.testkit.connect.ConnectClusterExtension.waitUntil;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Salesforce sink's steady state on the packaged plugin, fed by the Nylas source's webhook endpoint: a trickle
 * of new mail (a few messages a second) lands with at most one write Composite per linger interval, whatever size
 * Connect's polls have; and a worker stopped while records linger loses and duplicates nothing (their offsets were
 * never committed, so the task's next owner writes them, once).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SalesforceSinkSteadyStateIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.builder()
            .workers(2)
            .pluginPath(PluginArchive.installInto(PluginArchive.builtZip(), Path.of("target", "it-plugin-path")))
            .workerProp("task.shutdown.graceful.timeout.ms", "2000")
            .workerProp("scheduled.rebalance.max.delay.ms", "2000")
            .build();

    private static SalesforceEmulator salesforce;
    private static NylasEmulator nylas;
    private static String grant;

    @BeforeAll
    static void start() throws Exception {
        salesforce = SalesforceEmulator.builder().clientCredentials("it-client", "it-secret", Org.INTEGRATION_USERNAME)
                .build().start();
        nylas = NylasEmulator.builder().apiKey("nyk_it").build().start();
        grant = nylas.createGrant("rep@ourco.test", "google");
        salesforce.org().insert("Contact", Map.of("LastName", "Lee", "Email", "ann@acme.com"));
        for (String topic : List.of("it.messages", "it.contacts", "it.events")) {
            CONNECT.cluster().kafka().createTopic(topic, 2);
        }
        int port = FreePorts.one();
        String endpoint = "http://127.0.0.1:" + port + "/nylas/webhook";
        Map<String, String> source = json(Map.of("connector.class",
                "io.nylassf.connect.source.nylas.NylasSourceConnector", "tasks.max", "1",
                "nylas.api.url", nylas.baseUrl(), "nylas.api.key", "nyk_it", "nylas.grant.ids", grant,
                "topic.prefix", "it", "nylas.objects", "messages,contacts", "poll.interval.ms", "600000",
                "webhook.enabled", "true", "webhook.port", Integer.toString(port)));
        source.put("contacts.scan.interval.ms", "600000");
        CONNECT.putConnector("nylas-source", source);
        HttpClient http = HttpClient.newHttpClient();
        waitUntil("webhook endpoint up", WAIT, () -> status(http, endpoint + "/health") == 200);
        ObjectNode webhook = nylas.registerWebhook(endpoint, "message.created", "contact.updated");
        source.put("webhook.secret", webhook.get("webhook_secret").asText());
        CONNECT.putConnector("nylas-source", source);
        CONNECT.awaitRunning("nylas-source", 1);
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

    @Test
    @Order(1)
    void aTrickleOfNewMailLandsWithAtMostOneWriteCompositePerLinger() throws Exception {
        long lingerMs = 3_000;
        Map<String, String> sink = sinkConfig("it.messages", lingerMs);
        CONNECT.putConnector("sf-messages", sink);
        CONNECT.awaitRunning("sf-messages", 1);
        waitUntil("the sink has logged in", WAIT, () -> salesforce.apiCallCount() > 0);

        long writesBefore = salesforce.compositeWriteCalls();
        long callsBefore = salesforce.apiCallCount();
        int messages = 96;
        long started = System.nanoTime();
        arriveAtFixedRate(messages, Duration.ofMillis(250), // 4 a second for 24 s: the arrival rate under test
                i -> nylas.addMessage(grant, NylasMessage.create().subject("Trickle " + i).from("Ann Lee", "ann@acme.com")
                        .to("Rep", "rep@ourco.test")));
        waitUntil("every message a Task", WAIT, () -> tasks() == messages);
        double seconds = (System.nanoTime() - started) / 1e9;
        long writes = salesforce.compositeWriteCalls() - writesBefore;
        long calls = salesforce.apiCallCount() - callsBefore;
        System.out.printf("Trickle: %d messages in %.1f s, linger %d ms: %d write Composite(s), %d call(s) in all, "
                + "%.0f calls per 1,000 records%n", messages, seconds, lingerMs, writes, calls, calls * 1000.0 / messages);
        long intervals = (long) Math.ceil(seconds * 1000 / lingerMs);
        assertTrue(writes <= intervals, writes + " write Composites for " + intervals + " linger intervals");
        assertTrue(writes >= 2, "a trickle is written as it comes, not at the end: " + writes);
        assertEquals(messages, tasks(), "one Task per message");
    }

    @Test
    @Order(2)
    void aWorkerStoppedWhileRecordsLingerLosesAndDuplicatesNothing() throws Exception {
        CONNECT.putConnector("sf-contacts", sinkConfig("it.contacts", 600_000)); // they linger until the stop
        CONNECT.awaitRunning("sf-contacts", 1);
        int people = 40;
        for (int i = 0; i < people; i++) {
            nylas.addContact(grant, Map.of("given_name", "P" + i, "surname", "Linger",
                    "emails", List.of(Map.of("email", "p" + i + "@beta.io", "type", "work"))));
        }
        waitUntil("all " + people + " lingering in the sink", WAIT, () -> buffered() == people);
        assertEquals(0, leads(), "nothing written while they linger");

        String hostPort = CONNECT.rest().get("connectors/sf-contacts/status").body().path("tasks").path(0)
                .path("worker_id").asText();
        WorkerHandle host = CONNECT.cluster().workers().stream()
                .filter(w -> hostPort.endsWith(":" + w.url().getPort())).findFirst().orElseThrow();
        CONNECT.cluster().removeWorker(host);
        waitUntil("the task running on the other worker", WAIT, () -> {
            var task = CONNECT.rest().get("connectors/sf-contacts/status").body().path("tasks").path(0);
            return "RUNNING".equals(task.path("state").asText()) && !hostPort.equals(task.path("worker_id").asText());
        });
        // its next owner lingers ten minutes too: lower the linger (one more restart of the task) to see them land
        waitUntil("the linger lowered once the group has a new leader", WAIT, () -> {
            try {
                CONNECT.putConnector("sf-contacts", sinkConfig("it.contacts", 1_000));
                return true;
            } catch (AssertionError notYet) {
                return false;
            }
        });
        CONNECT.awaitRunning("sf-contacts", 1);
        waitUntil("every contact a Lead", WAIT, () -> leads() >= people);
        // a second write of anything would show within 3 s
        await("each person once, for 3 s").during(Duration.ofSeconds(3)).atMost(WAIT).until(() -> leads() == people);
        assertEquals(people, leads(), "each person once");
        assertEquals(people, salesforce.org().query("SELECT Nylas_Contact_Id__c FROM Lead WHERE LastName = 'Linger'")
                .records().stream().map(r -> r.get("Nylas_Contact_Id__c")).distinct().count());
    }

    /** Runs {@code arrival} for 0..count-1, one every {@code period} on a fixed-rate schedule; fails on any error. */
    private static void arriveAtFixedRate(int count, Duration period, IntConsumer arrival) throws Exception {
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger next = new AtomicInteger();
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            clock.scheduleAtFixedRate(() -> {
                try {
                    int i = next.getAndIncrement();
                    if (i < count) {
                        arrival.accept(i);
                    }
                    if (i >= count - 1) {
                        done.complete(null);
                    }
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
            done.get(period.toMillis() * count * 3 + WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            clock.shutdownNow();
        }
    }

    /** The sink task's buffered records, read over JMX (-1 before the task publishes its metrics). */
    private static long buffered() {
        Number n = PluginMetricsJmx.task("sf-contacts", 0, "records-buffered");
        return n == null ? -1 : n.longValue();
    }

    private static Map<String, String> sinkConfig(String topic, long lingerMs) {
        Map<String, String> c = json(Map.of("connector.class",
                "io.nylassf.connect.sink.salesforce.SalesforceSinkConnector", "tasks.max", "1", "topics", topic,
                "salesforce.login.url", salesforce.baseUrl(), "salesforce.auth.method", "client_credentials",
                "salesforce.client.id", "it-client", "salesforce.client.secret", "it-secret",
                "salesforce.internal.domains", "ourco.test", "salesforce.linger.ms", Long.toString(lingerMs)));
        c.put("errors.tolerance", "all");
        c.put("errors.deadletterqueue.topic.name", topic + ".dlq");
        c.put("errors.deadletterqueue.topic.replication.factor", "1");
        return c;
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

    private static int tasks() {
        return salesforce.org().count("Task");
    }

    private static int leads() {
        return salesforce.org().count("Lead");
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

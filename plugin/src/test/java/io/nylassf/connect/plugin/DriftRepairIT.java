package io.nylassf.connect.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.testkit.connect.ConnectClusterExtension;
import io.nylassf.testkit.connect.FreePorts;
import io.nylassf.testkit.connect.PluginArchive;
import io.nylassf.testkit.connect.PluginMetricsJmx;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.nylas.NylasMessage;
import io.nylassf.testkit.salesforce.Org;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.nylassf.testkit.connect.ConnectClusterExtension.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drift repair end to end, on the packaged plugin: Nylas loses the notification of a message that a late provider
 * sync delivers with a {@code date} two days back, behind the windows' watermark, so neither a webhook nor a window
 * ever reads it. The grant's scheduled reconciliation (every 20 s here) re-reads the last days, the Salesforce sink
 * writes the missing Task and counts it in {@code drift-repaired-total}; the next reconciliation finds both sides in
 * agreement and writes nothing to Salesforce (no Composite write call) and repairs nothing.
 */
class DriftRepairIT {
    private static final Duration SYNC = Duration.ofSeconds(120);
    private static final long RECONCILE_MS = 20_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.builder()
            .pluginPath(PluginArchive.installInto(PluginArchive.builtZip(), Path.of("target", "it-plugin-path")))
            .build();

    private static final SalesforceEmulator SALESFORCE = SalesforceEmulator.builder()
            .clientCredentials("sandbox-client", "sandbox-secret", Org.INTEGRATION_USERNAME).build().start();
    private static final NylasEmulator NYLAS = NylasEmulator.builder().apiKey("nyk_sandbox").build().start();

    @AfterAll
    static void stopEmulators() {
        NYLAS.close();
        SALESFORCE.close();
    }

    @Test
    void aBackdatedMessageWhoseWebhookWasLostIsRepairedOnceAndTheNextReconciliationWritesNothing() throws Exception {
        String grant = NYLAS.createGrant("rep@ourco.test", "google");
        SALESFORCE.org().insert("Contact", Map.of("LastName", "Buyer", "Email", "buyer@customer.test"));
        for (String topic : List.of("nylas.messages", "nylas.events", "nylas.contacts", "nylas.grants")) {
            CONNECT.cluster().kafka().createTopic(topic, 1);
        }
        int port = FreePorts.one();
        String endpoint = "http://127.0.0.1:" + port + "/nylas/webhook";
        Map<String, String> source = example("nylas-source");
        source.put("tasks.max", "1");
        source.put("poll.interval.ms", "1000");
        source.put("window.lag.ms", "0");
        source.put("webhook.port", Integer.toString(port));
        source.put("webhook.public.url", endpoint);
        source.put("reconcile.interval.ms", Long.toString(RECONCILE_MS));
        source.put("reconcile.lookback.days", "7");
        CONNECT.putConnector("nylas-source", source);
        Map<String, String> sink = example("salesforce-sink");
        sink.put("tasks.max", "1");
        sink.put("salesforce.linger.ms", "500");
        CONNECT.putConnector("salesforce-sink", sink);
        CONNECT.awaitRunning("nylas-source", 1);
        CONNECT.awaitRunning("salesforce-sink", 1);
        waitUntil("the webhook endpoint is up", SYNC, () -> {
            try {
                ObjectNode webhook = NYLAS.registerWebhook(endpoint, "message.created", "message.updated",
                        "message.deleted", "event.created", "event.updated", "event.deleted", "contact.created",
                        "contact.updated", "contact.deleted", "grant.expired", "grant.updated");
                source.put("webhook.secret", webhook.get("webhook_secret").asText());
                return true;
            } catch (IllegalStateException notYet) {
                return false;
            }
        });
        CONNECT.putConnector("nylas-source", source);

        // normal traffic: an announced message becomes a Task, and the windows' watermark passes it
        NYLAS.addMessage(grant, NylasMessage.create().subject("Announced").from("A buyer", "buyer@customer.test")
                .to("Rep", "rep@ourco.test").date(Instant.now()));
        waitUntil("the announced message as a Task", SYNC, () -> tasks("Announced") == 1);

        // a late provider sync: a message dated two days back, whose notification Nylas loses
        NYLAS.loseNextWebhooks(1);
        String late = NYLAS.addMessage(grant, NylasMessage.create().subject("Late sync").from("A buyer",
                        "buyer@customer.test").to("Rep", "rep@ourco.test")
                .date(Instant.now().minus(Duration.ofDays(2)))).get("id").asText();
        waitUntil("the late message repaired into Salesforce", SYNC, () -> tasks("Late sync") == 1);
        assertEquals(1, NYLAS.lostWebhooks().size(), "its notification was lost");
        List<String> via = observedVia(late);
        assertTrue(!via.isEmpty() && via.stream().allMatch("reconcile"::equals),
                "only a reconciliation read it, no window or webhook: " + via);
        waitUntil("the repair counted", SYNC, () -> sum("salesforce-sink", "drift-repaired-total") == 1);
        assertEquals(1, sum("salesforce-sink", "drift-repaired-total", Map.of("object", "task")));

        // the next reconciliation finds both sides in agreement: no write, nothing counted
        long runs = sum("nylas-source", "reconcile-runs-total");
        long sunk = sum("salesforce-sink", "records-in-total");
        long writes = SALESFORCE.compositeWriteCalls();
        long calls = SALESFORCE.apiCallCount();
        long nylasCalls = sum("nylas-source", "reconcile-calls-total");
        waitUntil("another reconciliation, read by the sink", SYNC, () ->
                sum("nylas-source", "reconcile-runs-total") > runs
                        && sum("salesforce-sink", "records-in-total") >= sunk + 2);
        Thread.sleep(3_000); // the sink's linger and flush
        assertEquals(writes, SALESFORCE.compositeWriteCalls(), "nothing written to Salesforce");
        assertEquals(1, sum("salesforce-sink", "drift-repaired-total"), "nothing repaired");
        assertEquals(1, tasks("Late sync"));
        System.out.printf("reconciliation cost: %d Nylas call(s) per grant run, %d Salesforce call(s) for %d record(s)%n",
                sum("nylas-source", "reconcile-calls-total") - nylasCalls, SALESFORCE.apiCallCount() - calls,
                sum("salesforce-sink", "records-in-total") - sunk);
    }

    private static Map<String, String> example(String name) throws Exception {
        Map<String, String> config = new TreeMap<>();
        ConfigExamplesTest.settings(ConfigExamplesTest.EXAMPLES.resolve("sandbox").resolve(name + ".json"))
                .forEach((k, v) -> config.put(k, v.replace("http://127.0.0.1:8181", SALESFORCE.baseUrl())
                        .replace("http://127.0.0.1:8282", NYLAS.baseUrl())));
        return config;
    }

    private static int tasks(String subject) {
        return SALESFORCE.org().query("SELECT COUNT() FROM Task WHERE Subject LIKE '%" + subject + "%'").totalSize();
    }

    /** How each record of the message on nylas.messages was observed. */
    private static List<String> observedVia(String messageId) throws Exception {
        List<String> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : CONNECT.consumeAll(Duration.ofSeconds(2), "nylas.messages")) {
            JsonNode value = MAPPER.readTree(r.value()).path("payload");
            if (messageId.equals(value.path("id").asText())) {
                out.add(value.path("observed_via").asText());
            }
        }
        return out;
    }

    private static long sum(String connector, String metric) {
        return sum(connector, metric, Map.of());
    }

    private static long sum(String connector, String metric, Map<String, String> tags) {
        Number n = PluginMetricsJmx.task(connector, 0, metric, tags);
        return n == null ? 0 : n.longValue();
    }
}

package io.nylassf.testkit.connect;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.runtime.isolation.PluginDiscoveryMode;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Starts a real Kafka Connect cluster for a test class: a KRaft broker and distributed workers with their REST
 * API, discovering plugins through service manifests ({@code plugin.discovery=service_load}, which also keeps
 * start-up fast). With {@link Builder#pluginPath(Path)} the workers load the plugin from that directory, as a
 * production worker would; otherwise from the test classpath.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ConnectClusterExtension CONNECT = ConnectClusterExtension.builder().workers(2).build();
 * }</pre>
 */
public final class ConnectClusterExtension implements BeforeAllCallback, AfterAllCallback {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final int workers;
    private final Map<String, String> workerProps;
    private final java.util.Properties brokerProps;
    private EmbeddedConnectCluster cluster;
    private ConnectRest rest;

    private ConnectClusterExtension(Builder b) {
        this.workers = b.workers;
        this.workerProps = new HashMap<>(b.workerProps);
        this.brokerProps = new java.util.Properties();
        this.brokerProps.putAll(b.brokerProps);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start(context.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** Starts the cluster outside JUnit (benchmarks, the quickstart's tests). */
    public void start(String name) {
        cluster = new EmbeddedConnectCluster.Builder()
                .name(name)
                .numWorkers(workers)
                .numBrokers(1)
                .brokerProps(brokerProps)
                .workerProps(new HashMap<>(workerProps))
                .build();
        cluster.start();
        rest = new ConnectRest(() -> cluster.endpointForResource(""));
        waitUntil("all " + workers + " worker(s) healthy", DEFAULT_TIMEOUT, () -> cluster.healthyWorkers().size() == workers);
    }

    public void stop() {
        if (cluster != null) {
            cluster.stop();
            cluster = null;
        }
    }

    public EmbeddedConnectCluster cluster() {
        return cluster;
    }

    /** The REST API of a running worker. */
    public ConnectRest rest() {
        return rest;
    }

    /** {@code PUT /connectors/{name}/config}: creates or reconfigures a connector, failing on any non-2xx. */
    public JsonNode putConnector(String name, Map<String, String> config) {
        ConnectRest.Response r = rest.put("connectors/" + name + "/config", config);
        if (!r.ok()) {
            throw new AssertionError("PUT /connectors/" + name + "/config -> " + r.status() + ": " + r.raw());
        }
        return r.body();
    }

    /** {@code PUT /connector-plugins/{class}/config/validate}. */
    public JsonNode validate(String connectorClass, Map<String, String> config) {
        Map<String, String> body = new HashMap<>(config);
        body.putIfAbsent("connector.class", connectorClass);
        ConnectRest.Response r = rest.put("connector-plugins/" + connectorClass + "/config/validate", body);
        if (!r.ok()) {
            throw new AssertionError("validate " + connectorClass + " -> " + r.status() + ": " + r.raw());
        }
        return r.body();
    }

    /** The error messages validate attached to one setting. */
    public static List<String> validationErrors(JsonNode validateResult, String setting) {
        List<String> errors = new ArrayList<>();
        for (JsonNode c : validateResult.path("configs")) {
            if (setting.equals(c.path("value").path("name").asText())) {
                c.path("value").path("errors").forEach(e -> errors.add(e.asText()));
            }
        }
        return errors;
    }

    /** Every setting that validate attached an error to, with its messages. */
    public static Map<String, List<String>> allValidationErrors(JsonNode validateResult) {
        Map<String, List<String>> out = new HashMap<>();
        for (JsonNode c : validateResult.path("configs")) {
            JsonNode errors = c.path("value").path("errors");
            if (errors.size() > 0) {
                List<String> list = new ArrayList<>();
                errors.forEach(e -> list.add(e.asText()));
                out.put(c.path("value").path("name").asText(), list);
            }
        }
        return out;
    }

    /** Waits until the connector and exactly {@code tasks} tasks are RUNNING, per the status endpoint. */
    public void awaitRunning(String name, int tasks) {
        awaitState(name, "RUNNING", tasks);
    }

    public void awaitState(String name, String state, int tasks) {
        waitUntil(name + " " + state + " with " + tasks + " task(s)", DEFAULT_TIMEOUT, () -> {
            ConnectRest.Response r = rest.get("connectors/" + name + "/status");
            if (!r.ok() || !state.equals(r.body().path("connector").path("state").asText())) {
                return false;
            }
            JsonNode ts = r.body().path("tasks");
            if (ts.size() != tasks) {
                return false;
            }
            for (JsonNode t : ts) {
                if (!state.equals(t.path("state").asText())) {
                    return false;
                }
            }
            return true;
        });
    }

    public void awaitDeleted(String name) {
        waitUntil(name + " deleted", DEFAULT_TIMEOUT, () -> rest.get("connectors/" + name).status() == 404);
    }

    /** {@code GET /connectors/{name}/offsets}. */
    public JsonNode offsets(String name) {
        return rest.get("connectors/" + name + "/offsets").body();
    }

    /** Reads at least {@code n} records from the topics, failing after the timeout. */
    public List<ConsumerRecord<byte[], byte[]>> consume(int n, Duration timeout, String... topics) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        cluster.kafka().consume(n, timeout.toMillis(), topics).forEach(out::add);
        return out;
    }

    /** Everything currently in the topics, reading until nothing new arrives for {@code quiet}. */
    public List<ConsumerRecord<byte[], byte[]>> consumeAll(Duration quiet, String... topics) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try {
            cluster.kafka().consumeAll(quiet.toMillis(), topics).forEach(out::add);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            throw new AssertionError("Could not read " + String.join(",", topics), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted reading " + String.join(",", topics), e);
        }
        return out;
    }

    /**
     * Polls the condition (at once, then every 100 ms, in the calling thread) until it holds; a runtime exception
     * from it means "not yet". Fails with an {@link AssertionError} naming the description after the timeout, or
     * at once when the calling thread is interrupted (the interrupt stays set).
     */
    public static void waitUntil(String description, Duration timeout, BooleanSupplier condition) {
        try {
            Awaitility.await(description)
                    .atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(POLL_INTERVAL)
                    .pollInSameThread()
                    .dontCatchUncaughtExceptions() // another thread's failure is not this wait's
                    .ignoreExceptionsInstanceOf(RuntimeException.class) // e.g. a worker still starting
                    .failFast("interrupted", () -> Thread.currentThread().isInterrupted()) // checked before each poll
                    .until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Timed out after " + timeout + " waiting for: " + description, e);
        } catch (TerminalFailureException e) {
            throw new AssertionError("Interrupted waiting for: " + description, e);
        }
    }

    public static final class Builder {
        private int workers = 1;
        private final Map<String, String> workerProps = new HashMap<>();
        private final Map<String, String> brokerProps = new HashMap<>();

        private Builder() {
            // One broker: internal topics (transactions included, for exactly-once source tests) must fit on it.
            brokerProps.put("transaction.state.log.replication.factor", "1");
            brokerProps.put("transaction.state.log.min.isr", "1");
            workerProps.put(WorkerConfig.PLUGIN_DISCOVERY_CONFIG, PluginDiscoveryMode.SERVICE_LOAD.toString());
            // The default of 60 s would leave the offsets endpoint empty for most of a test.
            workerProps.put(WorkerConfig.OFFSET_COMMIT_INTERVAL_MS_CONFIG, "500");
        }

        public Builder workers(int n) {
            this.workers = n;
            return this;
        }

        /** Load plugins from this directory (e.g. the unpacked plugin zip's parent) instead of the classpath. */
        public Builder pluginPath(Path dir) {
            workerProps.put(WorkerConfig.PLUGIN_PATH_CONFIG, dir.toAbsolutePath().toString());
            return this;
        }

        public Builder workerProp(String key, String value) {
            workerProps.put(key, value);
            return this;
        }

        public Builder brokerProp(String key, String value) {
            brokerProps.put(key, value);
            return this;
        }

        /** Workers with exactly-once source support enabled (KIP-618); the broker is set up for transactions. */
        public Builder exactlyOnceSource() {
            return workerProp("exactly.once.source.support", "enabled");
        }

        public ConnectClusterExtension build() {
            return new ConnectClusterExtension(this);
        }
    }
}

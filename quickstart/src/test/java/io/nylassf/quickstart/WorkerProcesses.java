package io.nylassf.quickstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * Distributed Connect workers as OS processes of one cluster, each on its own REST port, sharing a plugin.path:
 * started, killed with SIGKILL (no shutdown hook, no offset flush, no rebalance goodbye) and started again.
 */
final class WorkerProcesses {
    private final ManagedProcesses processes;
    private final Path config;
    private final int kafkaPort;
    private final Path pluginPath;
    private final List<Integer> ports;
    private final List<ProcessHandle> running = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    WorkerProcesses(ManagedProcesses processes, Path dataDir, int kafkaPort, Path pluginPath, List<Integer> ports) {
        this.processes = processes;
        this.config = dataDir.resolve("config");
        this.kafkaPort = kafkaPort;
        this.pluginPath = pluginPath;
        this.ports = ports;
        ports.forEach(p -> running.add(null));
    }

    int size() {
        return ports.size();
    }

    String url(int worker) {
        return "http://127.0.0.1:" + ports.get(worker);
    }

    /** Starts worker {@code i} and waits until its REST API lists the plugin's connectors. */
    void start(int i) {
        try {
            Files.createDirectories(config);
            Path props = config.resolve("worker-" + i + ".properties");
            Files.writeString(props, String.join("\n",
                    "bootstrap.servers=127.0.0.1:" + kafkaPort,
                    "group.id=reliability-cluster",
                    "config.storage.topic=_connect-configs",
                    "offset.storage.topic=_connect-offsets",
                    "status.storage.topic=_connect-status",
                    "config.storage.replication.factor=1",
                    "offset.storage.replication.factor=1",
                    "status.storage.replication.factor=1",
                    "key.converter=org.apache.kafka.connect.json.JsonConverter",
                    "value.converter=org.apache.kafka.connect.json.JsonConverter",
                    "listeners=http://127.0.0.1:" + ports.get(i),
                    "rest.advertised.host.name=127.0.0.1",
                    "rest.advertised.port=" + ports.get(i),
                    "plugin.path=" + pluginPath,
                    "plugin.discovery=service_load",
                    "offset.flush.interval.ms=2000",
                    "scheduled.rebalance.max.delay.ms=5000",
                    ""));
            running.set(i, processes.startJava("worker-" + i, List.of("-Xmx512m", "-XX:+UseSerialGC"),
                    "org.apache.kafka.connect.cli.ConnectDistributed", List.of(props.toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await("worker " + i + " REST").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> listsPlugins(i));
    }

    /** SIGKILL: the worker dies mid-whatever, as on a lost machine. */
    void kill(int i) {
        ProcessHandle p = running.get(i);
        if (p != null) {
            p.destroyForcibly();
            p.onExit().join();
            running.set(i, null);
        }
    }

    /** The OS process of worker {@code i}, while it runs. */
    ProcessHandle process(int i) {
        ProcessHandle p = running.get(i);
        if (p == null || !p.isAlive()) {
            throw new IllegalStateException("worker " + i + " is not running");
        }
        return p;
    }

    boolean alive(int i) {
        ProcessHandle p = running.get(i);
        return p != null && p.isAlive();
    }

    private boolean listsPlugins(int i) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url(i) + "/connector-plugins"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("NylasSourceConnector");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package io.nylassf.quickstart;

import io.nylassf.testkit.connect.PluginArchive;
import io.nylassf.testkit.sandbox.SandboxMain;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Writes the configs of, starts, and waits for the three local services: Kafka, the emulators and Connect. */
public final class LocalServices {
    public static final String KAFKA = "kafka";
    public static final String EMULATORS = "emulators";
    public static final String CONNECT = "connect";
    /** Stop order: Connect first so its tasks commit, Kafka last. */
    public static final List<String> STOP_ORDER = List.of(CONNECT, EMULATORS, KAFKA);

    private final QuickstartOptions options;
    private final ManagedProcesses processes;
    private final Path config;

    public LocalServices(QuickstartOptions options, ManagedProcesses processes) {
        this.options = options;
        this.processes = processes;
        this.config = options.dataDir().resolve("config");
    }

    public void startKafka() throws IOException {
        Files.createDirectories(config);
        Path props = config.resolve("server.properties");
        Files.writeString(props, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + options.controllerPort(),
                "listeners=PLAINTEXT://127.0.0.1:" + options.kafkaPort() + ",CONTROLLER://127.0.0.1:"
                        + options.controllerPort(),
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + options.kafkaPort(),
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + options.dataDir().resolve("kafka"),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                ""));
        processes.runJava("kafka-format", jvm("256m"), "kafka.tools.StorageTool",
                List.of("format", "--standalone", "-t", Uuid.randomUuid().toString(), "-c", props.toString()),
                Duration.ofSeconds(60));
        processes.startJava(KAFKA, jvm("768m"), "kafka.Kafka", List.of(props.toString()));
        await("Kafka on port " + options.kafkaPort(), Duration.ofSeconds(60), KAFKA,
                () -> portOpen(options.kafkaPort()));
    }

    /** Starts both emulators, seeded; returns what they printed to their properties file (URLs, credentials). */
    public Properties startEmulators() throws IOException {
        Path out = config.resolve("sandbox.properties");
        Files.deleteIfExists(out);
        List<String> args = new ArrayList<>(List.of("--salesforce-port", String.valueOf(options.salesforcePort()),
                "--nylas-port", String.valueOf(options.nylasPort()), "--out", out.toString()));
        args.addAll(options.sandboxArgs());
        processes.startJava(EMULATORS, jvm("768m"), SandboxMain.class.getName(), args);
        await("the seeded emulators", Duration.ofSeconds(90), EMULATORS, () -> Files.exists(out));
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(out)) {
            p.load(r);
        }
        return p;
    }

    /** Unpacks the plugin zip into the worker's plugin.path and starts one distributed worker. */
    public void startConnect() throws IOException {
        Path pluginPath = options.dataDir().resolve("plugins");
        PluginArchive.installInto(pluginZip(), pluginPath);
        Path props = config.resolve("connect-distributed.properties");
        Files.writeString(props, String.join("\n",
                "bootstrap.servers=127.0.0.1:" + options.kafkaPort(),
                "group.id=quickstart-connect",
                "config.storage.topic=_connect-configs",
                "offset.storage.topic=_connect-offsets",
                "status.storage.topic=_connect-status",
                "config.storage.replication.factor=1",
                "offset.storage.replication.factor=1",
                "status.storage.replication.factor=1",
                "key.converter=org.apache.kafka.connect.json.JsonConverter",
                "value.converter=org.apache.kafka.connect.json.JsonConverter",
                "listeners=http://127.0.0.1:" + options.connectPort(),
                "rest.advertised.host.name=127.0.0.1",
                "rest.advertised.port=" + options.connectPort(),
                "plugin.path=" + pluginPath,
                "plugin.discovery=service_load",
                "offset.flush.interval.ms=2000",
                "config.providers=file",
                "config.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider",
                ""));
        processes.startJava(CONNECT, jvm("1g"), "org.apache.kafka.connect.cli.ConnectDistributed",
                List.of(props.toString()));
        HttpClient http = HttpClient.newHttpClient();
        await("Connect REST on " + options.connectUrl(), Duration.ofSeconds(120), CONNECT, () -> {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(options.connectUrl()
                        + "/connector-plugins")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200 && r.body().contains("NylasSourceConnector");
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    Path pluginZip() {
        Path target = options.repo().resolve("plugin").resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(p -> p.getFileName().toString().matches("nylassf-nylas-salesforce-connect-.*\\.zip"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No plugin zip under " + target
                            + ": build it with 'mvn -B package -DskipTests'"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> jvm(String heap) {
        return List.of("-Xmx" + heap, "-XX:+UseSerialGC", "-Dlog4j2.configurationFile=" + logConfig(),
                "-Dquickstart.data=" + options.dataDir());
    }

    private Path logConfig() {
        Path f = config.resolve("log4j2.xml");
        if (!Files.exists(f)) {
            try {
                Files.createDirectories(config);
                Files.writeString(f, """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <Configuration status="WARN">
                          <Appenders>
                            <Console name="OUT" target="SYSTEM_OUT">
                              <PatternLayout pattern="[%d] %p %X{connector.context}%m (%c:%L)%n"/>
                            </Console>
                          </Appenders>
                          <Loggers>
                            <Logger name="org.apache.kafka" level="WARN"/>
                            <Logger name="kafka" level="WARN"/>
                            <Logger name="org.apache.kafka.connect.runtime.Worker" level="INFO"/>
                            <Logger name="io.nylassf" level="INFO"/>
                            <Root level="INFO"><AppenderRef ref="OUT"/></Root>
                          </Loggers>
                        </Configuration>
                        """);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return f;
    }

    private void await(String what, Duration timeout, String process, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            boolean alive = processes.running().stream().anyMatch(n -> n.name().equals(process));
            if (!alive) {
                throw new IllegalStateException(process + " exited before " + what + " was ready; see "
                        + processes.logFile(process));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out waiting for " + what + "; see " + processes.logFile(process));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
    }

    private static boolean portOpen(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

package io.nylassf.connect.plugin;

import io.nylassf.testkit.connect.ConnectRest;
import io.nylassf.testkit.connect.PluginArchive;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.salesforce.Org;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import io.nylassf.testkit.sandbox.Sandbox;
import io.nylassf.testkit.sandbox.SandboxGenerator;
import io.nylassf.testkit.sandbox.SandboxSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.Testcontainers;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.MountableFile;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged plugin in the official Apache Kafka image: a KRaft broker and a distributed Connect worker in
 * containers, the worker loading the unpacked zip from its {@code plugin.path}, configured through its REST API
 * with the sandbox examples, against the emulators on this machine (reached through Testcontainers' forwarded host
 * ports). Without a Docker engine (as on the machines that build this project) the class is skipped, and JUnit
 * reports it as disabled because Docker is not available; the embedded clusters of the other ITs stay the default.
 */
@org.testcontainers.junit.jupiter.Testcontainers(disabledWithoutDocker = true)
class ContainerisedConnectIT {
    private static final String IMAGE = "apache/kafka:" + System.getProperty("kafka.version", "4.3.1");
    private static final String HOST = "host.testcontainers.internal";
    private static final Network NETWORK = Network.newNetwork();
    private static final Duration SYNC = Duration.ofMinutes(3);

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer(IMAGE).withNetwork(NETWORK).withListener("kafka:19092");

    private static SalesforceEmulator salesforce;
    private static NylasEmulator nylas;
    private static Sandbox.Loaded sandbox;
    private static GenericContainer<?> connect;
    private static ConnectRest rest;

    @BeforeAll
    static void startEmulatorsAndWorker() throws Exception {
        salesforce = SalesforceEmulator.builder()
                .clientCredentials("sandbox-client", "sandbox-secret", Org.INTEGRATION_USERNAME).build().start();
        nylas = NylasEmulator.builder().apiKey("nyk_sandbox").build().start();
        sandbox = Sandbox.load(new SandboxGenerator(SandboxSpec.small(), Instant.now()).generate(), nylas, salesforce);
        Testcontainers.exposeHostPorts(salesforce.port(), nylas.port());
        salesforce.advertise("http://" + HOST + ":" + salesforce.port());

        Path plugins = PluginArchive.installInto(PluginArchive.builtZip(), Path.of("target", "container-plugins"));
        connect = new GenericContainer<>(IMAGE)
                .withNetwork(NETWORK)
                .withNetworkAliases("connect")
                .dependsOn(KAFKA)
                .withExposedPorts(8083)
                .withCopyFileToContainer(MountableFile.forHostPath(plugins), "/opt/connect-plugins")
                .withCopyToContainer(Transferable.of(workerProperties()), "/tmp/worker.properties")
                .withCommand("/opt/kafka/bin/connect-distributed.sh", "/tmp/worker.properties")
                .waitingFor(Wait.forHttp("/connector-plugins").forPort(8083).forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(3)));
        connect.start();
        rest = new ConnectRest(() -> "http://" + connect.getHost() + ":" + connect.getMappedPort(8083));
    }

    @AfterAll
    static void stopAll() {
        if (connect != null) {
            connect.stop();
        }
        if (nylas != null) {
            nylas.close();
        }
        if (salesforce != null) {
            salesforce.close();
        }
    }

    @Test
    void mailAndPeopleFlowFromNylasIntoSalesforceThroughTheContainerisedWorker() throws Exception {
        for (String name : new String[]{"nylas-source", "salesforce-sink"}) {
            Map<String, String> config = new TreeMap<>();
            ConfigExamplesTest.settings(ConfigExamplesTest.EXAMPLES.resolve("sandbox").resolve(name + ".json"))
                    .forEach((k, v) -> config.put(k, v
                            .replace("http://127.0.0.1:8181", "http://" + HOST + ":" + salesforce.port())
                            .replace("http://127.0.0.1:8282", "http://" + HOST + ":" + nylas.port())));
            ConnectRest.Response r = rest.put("connectors/" + name + "/config", config);
            assertTrue(r.ok(), name + ": " + r.raw());
        }
        int contacts = sandbox.data().contactCount();
        await("every Nylas contact as a Contact or Lead").atMost(SYNC).pollInterval(Duration.ofSeconds(2))
                .until(() -> salesforce.org().count("Contact") + salesforce.org().count("Lead") >= contacts);
    }

    private static String workerProperties() {
        return String.join("\n",
                "bootstrap.servers=kafka:19092",
                "group.id=containerised-connect",
                "config.storage.topic=connect-configs",
                "offset.storage.topic=connect-offsets",
                "status.storage.topic=connect-status",
                "config.storage.replication.factor=1",
                "offset.storage.replication.factor=1",
                "status.storage.replication.factor=1",
                "key.converter=org.apache.kafka.connect.json.JsonConverter",
                "value.converter=org.apache.kafka.connect.json.JsonConverter",
                "listeners=http://0.0.0.0:8083",
                "rest.advertised.host.name=connect",
                "plugin.path=/opt/connect-plugins",
                "topic.creation.enable=true",
                "");
    }
}

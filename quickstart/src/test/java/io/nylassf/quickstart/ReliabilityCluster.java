package io.nylassf.quickstart;

import io.nylassf.testkit.connect.ConnectRest;
import io.nylassf.testkit.connect.FreePorts;
import io.nylassf.testkit.connect.PluginArchive;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.salesforce.Org;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import io.nylassf.testkit.sandbox.Sandbox;
import io.nylassf.testkit.sandbox.SandboxGenerator;
import io.nylassf.testkit.sandbox.SandboxSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/**
 * The rig of the reliability matrix: a KRaft broker and two distributed Connect workers as OS processes (the
 * plugin loaded from the zip on their plugin.path), the emulators seeded with a sandbox in this JVM, and all four
 * connectors posted with the sandbox example configs. Reads the outcome from both emulators ({@link SyncLedger}).
 */
final class ReliabilityCluster implements AutoCloseable {
    static final String INTERNAL_DOMAIN = "ourco.test";
    private static final List<String> CONNECTORS = List.of("nylas-source", "salesforce-sink", "salesforce-source",
            "nylas-sink");

    private final ManagedProcesses processes;
    private final SalesforceEmulator salesforce;
    private final NylasEmulator nylas;
    private final Sandbox.Loaded sandbox;
    private final List<String> outbound = new CopyOnWriteArrayList<>();
    private WorkerProcesses workers;

    private ReliabilityCluster(ManagedProcesses processes, SalesforceEmulator salesforce, NylasEmulator nylas,
                               Sandbox.Loaded sandbox) {
        this.processes = processes;
        this.salesforce = salesforce;
        this.nylas = nylas;
        this.sandbox = sandbox;
    }

    static ReliabilityCluster start(Path data, SandboxSpec spec) throws Exception {
        return start(data, spec, Map.of());
    }

    /** {@code overrides}: settings per connector name on top of the sandbox example's. */
    static ReliabilityCluster start(Path data, SandboxSpec spec, Map<String, Map<String, String>> overrides)
            throws Exception {
        List<Integer> ports = FreePorts.take(5);
        QuickstartOptions options = new QuickstartOptions("start", Path.of(System.getProperty("quickstart.repo")),
                data, ports.get(0), ports.get(1), ports.get(2), 0, 0, ports.get(4), true, Duration.ofMinutes(5), List.of());
        String classpath = System.getProperty("quickstart.classes") + ":"
                + Files.readString(Path.of(System.getProperty("quickstart.classpath.file"))).trim();
        ManagedProcesses processes = new ManagedProcesses(data, classpath);
        SalesforceEmulator salesforce = SalesforceEmulator.builder()
                .clientCredentials("sandbox-client", "sandbox-secret", Org.INTEGRATION_USERNAME).build().start();
        NylasEmulator nylas = NylasEmulator.builder().apiKey("nyk_sandbox").build().start();
        ReliabilityCluster c = new ReliabilityCluster(processes, salesforce, nylas,
                Sandbox.load(new SandboxGenerator(spec, Instant.now()).generate(), nylas, salesforce));
        try {
            c.outbound.addAll(salesforce.org().query("SELECT Id FROM Task WHERE TaskSubtype = 'Email' AND "
                    + "Status = 'Not Started'").records().stream().map(r -> (String) r.get("Id")).toList());
            LocalServices services = new LocalServices(options, processes);
            services.startKafka();
            createTopics(options.kafkaPort());
            Path plugins = PluginArchive.installInto(services.pluginZip(), data.resolve("plugins"));
            c.workers = new WorkerProcesses(processes, data, options.kafkaPort(), plugins,
                    List.of(ports.get(2), ports.get(3)));
            c.workers.start(0);
            c.workers.start(1);
            ConnectRest rest = new ConnectRest(() -> c.workers.url(0) + "/");
            for (String name : CONNECTORS) {
                Map<String, String> config = c.sandboxConfig(name, ports.get(4));
                config.putAll(overrides.getOrDefault(name, Map.of()));
                ConnectRest.Response r = rest.put("connectors/" + name + "/config", config);
                if (!r.ok()) {
                    throw new IllegalStateException(name + ": " + r.raw());
                }
            }
            return c;
        } catch (Exception | Error e) {
            c.close();
            throw e;
        }
    }

    SalesforceEmulator salesforce() {
        return salesforce;
    }

    NylasEmulator nylas() {
        return nylas;
    }

    Sandbox.Loaded sandbox() {
        return sandbox;
    }

    WorkerProcesses workers() {
        return workers;
    }

    /** {@code n} follow-up emails typed by the reps at once, each to one of their Contacts. */
    void outboundBurst(int n) {
        List<Map<String, Object>> contacts = salesforce.org().all("Contact").stream()
                .filter(c -> sandbox.userIdByRep().containsValue(c.get("OwnerId"))).toList();
        for (int i = 0; i < n; i++) {
            Map<String, Object> c = contacts.get(i % contacts.size());
            String owner = (String) c.get("OwnerId");
            outbound.add(salesforce.org().insertAs(owner, "Task", Map.of("Subject", "Burst follow-up " + i,
                    "Description", "Following up, message " + i + ".", "TaskSubtype", "Email",
                    "Status", "Not Started", "WhoId", c.get("Id"), "ActivityDate",
                    LocalDate.now(ZoneOffset.UTC).toString(), "OwnerId", owner)));
        }
    }

    SyncLedger ledger() {
        List<String> meetings = salesforce.org().query("SELECT Id FROM Event WHERE Subject LIKE 'Pricing review%'")
                .records().stream().map(r -> (String) r.get("Id")).toList();
        return SyncLedger.read(nylas, salesforce, sandbox.grantIds(), INTERNAL_DOMAIN, List.copyOf(outbound),
                meetings);
    }

    /** Waits until every item reached the other side, then holds the counts for {@code steady}. */
    SyncLedger awaitSettled(Duration timeout, Duration steady, String why) {
        AtomicReference<SyncLedger> last = new AtomicReference<>();
        await("both directions settle: " + why).atMost(timeout).pollInterval(Duration.ofSeconds(3))
                .until(() -> {
                    last.set(ledger());
                    return last.get().settled();
                });
        // and stay so: a late redelivery must not create or send anything twice
        await().during(steady).atMost(steady.plusSeconds(10)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            last.set(ledger());
            return last.get().duplicateRecords() == 0 && last.get().tasksSentTwice() == 0
                    && last.get().eventsWrittenTwice() == 0;
        });
        return last.get();
    }

    /** The sandbox example as the quickstart posts it (this run's emulators and webhook port), polling faster. */
    private Map<String, String> sandboxConfig(String name, int webhookPort) {
        Map<String, String> config = new TreeMap<>(ConnectorDeployer.sandboxConfigs(
                Path.of(System.getProperty("quickstart.repo")), salesforce.baseUrl(), nylas.baseUrl(), webhookPort)
                .stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no sandbox example named " + name)).config());
        config.put("poll.interval.ms", "2000");
        return config;
    }

    private static void createTopics(int kafkaPort) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", "127.0.0.1:" + kafkaPort))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String t : List.of("nylas.messages", "nylas.events", "nylas.contacts", "nylas.grants",
                    "salesforce.task", "salesforce.event", "salesforce.opportunity")) {
                topics.add(new NewTopic(t, 3, (short) 1));
            }
            admin.createTopics(topics).all().get();
        }
    }


    @Override
    public void close() {
        processes.stop(List.of("worker-0", "worker-1", LocalServices.KAFKA));
        nylas.close();
        salesforce.close();
    }
}

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
import java.util.concurrent.atomic.AtomicInteger;
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
    private final AtomicInteger inbound = new AtomicInteger();
    private WorkerProcesses workers;
    private ConnectRest rest;
    private RawTopics topics;
    private final Map<String, Map<String, String>> configs = new TreeMap<>();

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
            c.rest = new ConnectRest(() -> c.workers.url(0) + "/");
            c.topics = new RawTopics("127.0.0.1:" + options.kafkaPort());
            for (String name : CONNECTORS) {
                Map<String, String> config = c.sandboxConfig(name, ports.get(4));
                config.putAll(overrides.getOrDefault(name, Map.of()));
                c.configs.put(name, config);
                ConnectRest.Response r = c.rest.put("connectors/" + name + "/config", config);
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

    /** The log file of worker {@code i} (all its runs, appended). */
    Path workerLog(int i) {
        return processes.logFile("worker-" + i);
    }

    /** The Connect REST API of worker 0. */
    ConnectRest rest() {
        return rest;
    }

    /** The broker's topics as bytes, for reading what the connectors wrote and producing what a user might. */
    RawTopics topics() {
        return topics;
    }

    List<String> outboundTasks() {
        return List.copyOf(outbound);
    }

    /**
     * {@code n} new emails from outside, to each rep in turn (across calls too), each from a new prospect. The emulator announces
     * each with a signed {@code message.created} notification when a subscription exists.
     */
    void inboundBurst(int n) {
        List<String> grants = sandbox.grantIds();
        String run = Long.toString(System.nanoTime(), 36);
        for (int i = 0; i < n; i++) {
            String grant = grants.get(inbound.getAndIncrement() % grants.size());
            String rep = nylas.grant(grant).path("email").asText();
            nylas.addMessage(grant, Map.of("subject", "Question " + run + "-" + i, "from",
                    List.of(Map.of("email", "buyer" + i + "@prospect-" + run + ".test", "name", "Buyer " + i)),
                    "to", List.of(Map.of("email", rep)), "date", Instant.now().getEpochSecond(),
                    "body", "Could you send the pricing?"));
        }
    }

    /**
     * {@code n} meetings the reps book in Salesforce at once, each with one of their Contacts, tomorrow at
     * staggered times; the Nylas sink writes them to the reps' calendars. Their subjects start like the sandbox's
     * own meetings, so the ledger follows them too.
     */
    List<String> meetingBurst(int n) {
        List<Map<String, Object>> contacts = repContacts();
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> c = contacts.get(i % contacts.size());
            String owner = (String) c.get("OwnerId");
            Instant start = tomorrow.atTime(8, 0).toInstant(ZoneOffset.UTC).plus(Duration.ofMinutes(15L * i));
            ids.add(salesforce.org().insertAs(owner, "Event", Map.of("Subject", "Pricing review, burst " + i,
                    "StartDateTime", start.toString(), "EndDateTime", start.plus(Duration.ofMinutes(15)).toString(),
                    "WhoId", c.get("Id"), "OwnerId", owner)));
        }
        return ids;
    }

    /**
     * Resets every offset of all four connectors through the REST API, as an operator replaying everything would:
     * stop, {@code DELETE /connectors/{name}/offsets}, resume. The sources then read both APIs from the start and
     * the sinks their topics from the beginning.
     */
    void resetAllOffsets() {
        for (String name : CONNECTORS) {
            require(rest.put("connectors/" + name + "/stop", null), name + " stop");
        }
        for (String name : CONNECTORS) {
            await(name + " stopped").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() ->
                    "STOPPED".equals(rest.get("connectors/" + name + "/status").body().path("connector")
                            .path("state").asText()));
            // a sink's consumer group may keep members a moment after STOPPED; Connect then asks for a retry
            await(name + " offsets reset").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> rest.delete("connectors/" + name + "/offsets").ok());
        }
        for (String name : CONNECTORS) {
            require(rest.put("connectors/" + name + "/resume", null), name + " resume");
        }
    }

    /** The Nylas source's webhook endpoint as the subscription names it. */
    String webhookUrl() {
        return configs.get("nylas-source").get("webhook.public.url");
    }

    /**
     * Subscribes the source's endpoint to Nylas notifications as an admin following docs/nylas-source.md does
     * ({@code POST /v3/webhooks}, answering the challenge), and puts the returned secret into the source's config.
     * Returns the secret, for tests that play a client of the endpoint.
     */
    String subscribeWebhooks() throws Exception {
        WebhookSubscription.Created created = WebhookSubscription.create(nylas.baseUrl(), nylas.apiKey(),
                webhookUrl(), Duration.ofSeconds(90));
        Map<String, String> config = configs.get("nylas-source");
        config.put("webhook.secret", created.secret());
        require(rest.put("connectors/nylas-source/config", config), "nylas-source with the webhook secret");
        return created.secret();
    }

    /** What each side holds in all, for "nothing moves" checks. */
    Census census() {
        return Census.read(nylas, salesforce, sandbox.grantIds());
    }

    /** {@code n} follow-up emails typed by the reps at once, each to one of their Contacts. */
    void outboundBurst(int n) {
        List<Map<String, Object>> contacts = repContacts();
        for (int i = 0; i < n; i++) {
            Map<String, Object> c = contacts.get(i % contacts.size());
            String owner = (String) c.get("OwnerId");
            outbound.add(salesforce.org().insertAs(owner, "Task", Map.of("Subject", "Burst follow-up " + i,
                    "Description", "Following up, message " + i + ".", "TaskSubtype", "Email",
                    "Status", "Not Started", "WhoId", c.get("Id"), "ActivityDate",
                    LocalDate.now(ZoneOffset.UTC).toString(), "OwnerId", owner)));
        }
    }

    private List<Map<String, Object>> repContacts() {
        return salesforce.org().all("Contact").stream()
                .filter(c -> sandbox.userIdByRep().containsValue(c.get("OwnerId"))).toList();
    }

    private static void require(ConnectRest.Response r, String what) {
        if (!r.ok()) {
            throw new IllegalStateException(what + ": " + r.raw());
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
        if (name.equals("salesforce-source")) {
            // an idle org is read every 10 s at most instead of every minute: the same path, shorter runs
            config.put("poll.max.interval.ms", "10000");
        }
        return config;
    }

    private static void createTopics(int kafkaPort) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", "127.0.0.1:" + kafkaPort))) {
            List<NewTopic> topics = new ArrayList<>();
            // the dead-letter topics too, as an admin does: otherwise Connect's reporter logs an ERROR at the
            // first start before it creates them itself
            for (String t : List.of("nylas.messages", "nylas.events", "nylas.contacts", "nylas.grants",
                    "salesforce.task", "salesforce.event", "salesforce.opportunity", "salesforce-sink.dlq",
                    "nylas-sink.dlq")) {
                topics.add(new NewTopic(t, 3, (short) 1));
            }
            admin.createTopics(topics).all().get();
        }
    }


    @Override
    public void close() {
        if (topics != null) {
            topics.close();
        }
        processes.stop(List.of("worker-0", "worker-1", LocalServices.KAFKA));
        nylas.close();
        salesforce.close();
    }
}

package io.nylassf.quickstart;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nylassf.testkit.connect.ConnectRest;
import io.nylassf.testkit.connect.PluginArchive;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.salesforce.Org;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import io.nylassf.testkit.sandbox.Sandbox;
import io.nylassf.testkit.sandbox.SandboxGenerator;
import io.nylassf.testkit.sandbox.SandboxSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Line 1 of the reliability matrix at a small size: all four connectors on two Connect workers that are real OS
 * processes, each in turn killed with SIGKILL at seeded random moments during the backfill and during a burst of
 * outbound sends, and started again. Afterwards, from the emulators' own state: nothing lost, nothing duplicated
 * in Salesforce, no Task sent twice, no meeting written to a calendar twice.
 */
class HardKillIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INTERNAL_DOMAIN = "ourco.test";
    private static final List<String> CONNECTORS = List.of("nylas-source", "salesforce-sink", "salesforce-source",
            "nylas-sink");
    private static final int KILLS = Integer.getInteger("reliability.kills", 3);
    private static final long SEED = Long.getLong("reliability.seed", 11);

    @Test
    void killedWorkersLoseDuplicateAndSendTwiceNothing(@TempDir Path data) throws Exception {
        List<Integer> ports = freePorts(4);
        QuickstartOptions options = new QuickstartOptions("start", Path.of(System.getProperty("quickstart.repo")),
                data, ports.get(0), ports.get(1), ports.get(2), 0, 0, true, Duration.ofMinutes(5), List.of());
        String classpath = System.getProperty("quickstart.classes") + ":"
                + Files.readString(Path.of(System.getProperty("quickstart.classpath.file"))).trim();
        ManagedProcesses processes = new ManagedProcesses(data, classpath);
        LocalServices services = new LocalServices(options, processes);
        SalesforceEmulator salesforce = SalesforceEmulator.builder()
                .clientCredentials("sandbox-client", "sandbox-secret", Org.INTEGRATION_USERNAME).build().start();
        NylasEmulator nylas = NylasEmulator.builder().apiKey("nyk_sandbox").build().start();
        try {
            Sandbox.Loaded sandbox = Sandbox.load(new SandboxGenerator(new SandboxSpec(SEED, 3, 60, 600, 20, 8, 4,
                    2, 14), Instant.now()).generate(), nylas, salesforce);
            services.startKafka();
            createTopics(options.kafkaPort());
            Path plugins = PluginArchive.installInto(services.pluginZip(), data.resolve("plugins"));
            WorkerProcesses workers = new WorkerProcesses(processes, data, options.kafkaPort(), plugins,
                    List.of(ports.get(2), ports.get(3)));
            workers.start(0);
            workers.start(1);
            ConnectRest rest = new ConnectRest(() -> workers.url(0) + "/");
            for (String name : CONNECTORS) {
                rest.put("connectors/" + name + "/config", sandboxConfig(name, salesforce, nylas));
            }

            Random random = new Random(SEED);
            List<String> kills = new CopyOnWriteArrayList<>();
            List<String> outbound = new ArrayList<>(seededOutbound(salesforce));
            AtomicReference<Throwable> chaosFailure = new AtomicReference<>();
            Thread chaos = new Thread(() -> {
                try {
                    for (int k = 0; k < KILLS; k++) {
                        Thread.sleep(4_000 + random.nextInt(8_000));
                        int victim = k % workers.size();
                        workers.kill(victim);
                        kills.add("worker " + victim + " at " + Instant.now());
                        Thread.sleep(2_000 + random.nextInt(3_000));
                        workers.start(victim);
                    }
                } catch (Throwable t) {
                    chaosFailure.set(t);
                }
            }, "chaos");
            chaos.start();
            // the burst of outbound sends arrives while workers die
            await("the first kill").atMost(Duration.ofMinutes(1)).until(() -> !kills.isEmpty());
            outbound.addAll(outboundBurst(salesforce, sandbox, 20));
            chaos.join(Duration.ofMinutes(5).toMillis());
            assertEquals(null, chaosFailure.get(), "the chaos schedule ran");
            assertEquals(KILLS, kills.size(), "kills: " + kills);

            List<String> meetings = salesforce.org().query("SELECT Id FROM Event WHERE Subject LIKE 'Pricing review%'")
                    .records().stream().map(r -> (String) r.get("Id")).toList();
            AtomicReference<SyncLedger> last = new AtomicReference<>();
            await("both directions settle after " + kills).atMost(Duration.ofMinutes(6))
                    .pollInterval(Duration.ofSeconds(3)).until(() -> {
                        last.set(SyncLedger.read(nylas, salesforce, sandbox.grantIds(), INTERNAL_DOMAIN, outbound,
                                meetings));
                        return last.get().settled();
                    });
            // and stays so: a late redelivery after the kills must not create or send anything twice
            await().during(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(20)).until(() -> {
                SyncLedger l = SyncLedger.read(nylas, salesforce, sandbox.grantIds(), INTERNAL_DOMAIN, outbound,
                        meetings);
                last.set(l);
                return l.duplicateRecords() == 0 && l.tasksSentTwice() == 0 && l.eventsWrittenTwice() == 0;
            });
            SyncLedger l = last.get();
            System.out.println("HardKillIT " + kills + " -> " + l);
            assertTrue(l.messagesExpected() > 0 && l.tasksToSend() > 20, l.toString());
            assertEquals(0, l.messagesLost() + l.contactsLost() + l.eventsLost(), "lost: " + l);
            assertEquals(0, l.duplicateRecords(), "duplicated: " + l);
            assertEquals(0, l.tasksSentTwice(), "sent twice: " + l);
            assertEquals(0, l.eventsWrittenTwice(), "calendar events written twice: " + l);
        } finally {
            processes.stop(List.of("worker-0", "worker-1", LocalServices.KAFKA));
            nylas.close();
            salesforce.close();
        }
    }

    private static Map<String, String> sandboxConfig(String name, SalesforceEmulator salesforce, NylasEmulator nylas)
            throws Exception {
        Path file = Path.of(System.getProperty("quickstart.repo"), "config-examples", "sandbox", name + ".json");
        Map<String, String> config = new TreeMap<>();
        JSON.readTree(file.toFile()).path("config").properties().forEach(e -> config.put(e.getKey(),
                e.getValue().asText().replace("http://127.0.0.1:8181", salesforce.baseUrl())
                        .replace("http://127.0.0.1:8282", nylas.baseUrl())));
        config.put("poll.interval.ms", "2000");
        return config;
    }

    private static List<String> seededOutbound(SalesforceEmulator salesforce) {
        return salesforce.org().query("SELECT Id FROM Task WHERE TaskSubtype = 'Email' AND Status = 'Not Started'")
                .records().stream().map(r -> (String) r.get("Id")).toList();
    }

    /** {@code n} follow-up emails typed by the reps, each to one of their Contacts, all at once. */
    private static List<String> outboundBurst(SalesforceEmulator salesforce, Sandbox.Loaded sandbox, int n) {
        List<Map<String, Object>> contacts = salesforce.org().all("Contact").stream()
                .filter(c -> sandbox.userIdByRep().containsValue(c.get("OwnerId"))).toList();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> c = contacts.get(i % contacts.size());
            String owner = (String) c.get("OwnerId");
            ids.add(salesforce.org().insertAs(owner, "Task", Map.of("Subject", "Burst follow-up " + i,
                    "Description", "Following up, message " + i + ".", "TaskSubtype", "Email",
                    "Status", "Not Started", "WhoId", c.get("Id"), "ActivityDate",
                    LocalDate.now(ZoneOffset.UTC).toString(), "OwnerId", owner)));
        }
        return ids;
    }

    private static void createTopics(int kafkaPort) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", "127.0.0.1:" + kafkaPort))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String t : List.of("nylas.messages", "nylas.events", "nylas.contacts", "nylas.grants",
                    "salesforce.task", "salesforce.event", "salesforce.opportunity")) {
                topics.add(new NewTopic(t, 3, (short) 1));
            }
            admin.createTopics(topics).all().get();
        }
    }

    private static List<Integer> freePorts(int n) throws Exception {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
    }
}

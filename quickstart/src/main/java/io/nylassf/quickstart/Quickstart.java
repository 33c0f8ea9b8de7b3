package io.nylassf.quickstart;

import io.nylassf.testkit.connect.ConnectRest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/** Starts the local stack, posts the sandbox connectors, follows the backfill and prints the summary. */
public final class Quickstart {
    private static final Duration QUIET = Duration.ofSeconds(10);
    private static final Duration MIN_RUN = Duration.ofSeconds(20);
    /** The Nylas source's defaults for what the sandbox config leaves unset (docs/config/NylasSourceConnector.md). */
    private static final String DEFAULT_WINDOW_LAG_MS = "30000";
    private static final String DEFAULT_POLL_INTERVAL_MS = "30000";
    /** The sender in the "try a change" example: someone outside, so the email also makes a Lead. */
    private static final String EXAMPLE_SENDER = "ada.adams.00@northwindtraders.test";

    /** What a start produced. */
    public record Result(Properties sandbox, List<ConnectorDeployer.Deployment> deployments, SandboxSummary summary,
                         boolean settled, RealTimeProbe.Outcome realTime) {
        public List<String> grantIds() {
            return Quickstart.grantIds(sandbox);
        }
    }

    private final QuickstartOptions options;
    private final ManagedProcesses processes;
    private final PrintStream out;

    public Quickstart(QuickstartOptions options, String childClasspath, PrintStream out) {
        this.options = options;
        this.processes = new ManagedProcesses(options.dataDir(), childClasspath);
        this.out = out;
    }

    public ManagedProcesses processes() {
        return processes;
    }

    public Result start() throws Exception {
        if (!processes.running().isEmpty()) {
            throw new IllegalStateException("A quickstart is already running from " + options.dataDir()
                    + ": stop it first with './quickstart.sh stop'");
        }
        resetDataDir();
        LocalServices services = new LocalServices(options, processes);
        long t0 = System.nanoTime();
        out.println("Data, logs and pid files: " + options.dataDir());
        services.startKafka();
        out.printf("Kafka broker (KRaft)    127.0.0.1:%d%n", options.kafkaPort());
        Properties sandbox = services.startEmulators();
        long seeded = System.nanoTime();
        out.printf("Salesforce emulator     %s  (client_credentials: %s / %s)%n", options.salesforceUrl(),
                sandbox.getProperty("salesforce.client.id"), sandbox.getProperty("salesforce.client.secret"));
        out.printf("Nylas emulator          %s  (API key %s; %s grants, %s contacts, %s messages, %s events)%n",
                options.nylasUrl(), sandbox.getProperty("nylas.api.key"),
                sandbox.getProperty("nylas.grant.ids", "").split(",").length, sandbox.getProperty("sandbox.contacts"),
                sandbox.getProperty("sandbox.messages"), sandbox.getProperty("sandbox.events"));
        services.startConnect();
        out.printf("Connect worker REST     %s  (plugin.path %s)%n", options.connectUrl(),
                options.dataDir().resolve("plugins"));
        ConnectRest rest = new ConnectRest(() -> options.connectUrl() + "/");
        ConnectorDeployer deployer = new ConnectorDeployer(options, rest);
        List<ConnectorDeployer.Deployment> deployments = deployer.deployAll();
        out.println("Posted " + deployments.size() + " connectors from config-examples/sandbox/: "
                + deployments.stream().map(ConnectorDeployer.Deployment::name).toList());
        WebhookSubscription.Created webhook = deployer.subscribeWebhooks(deployments,
                sandbox.getProperty("nylas.api.key"));
        out.printf("Webhook subscription    %s -> %s  (its secret set as webhook.secret)%n", webhook.id(),
                options.webhookUrl());
        boolean settled = follow(rest, deployments, seeded);
        String clientId = sandbox.getProperty("salesforce.client.id");
        String clientSecret = sandbox.getProperty("salesforce.client.secret");
        List<String> grants = grantIds(sandbox);
        RealTimeProbe.Outcome realTime = RealTimeProbe.run(options.nylasUrl(), grants.get(0),
                options.salesforceUrl(), clientId, clientSecret, Duration.ofSeconds(60));
        Result result = new Result(sandbox, deployments, SandboxSummary.read(options.salesforceUrl(), clientId,
                clientSecret, options.nylasUrl(), grants), settled, realTime);
        out.printf("%nReady in %d s%s%n%n", Duration.ofNanos(System.nanoTime() - t0).toSeconds(),
                settled ? "" : " (the backfill was still moving at the timeout; figures are a snapshot)");
        out.print(result.summary().render(options.salesforceUrl(), options.nylasUrl(), options.connectUrl(),
                realTime));
        out.print(tryIt(result));
        return result;
    }

    public List<String> stop() {
        return processes.stop(LocalServices.STOP_ORDER);
    }

    /**
     * Prints a progress line per connector until every sink has data on each input topic and has committed all of
     * it, the Nylas source's windows have passed the moment the sandbox was seeded, and nothing has moved for a
     * while; or until the timeout.
     */
    private boolean follow(ConnectRest rest, List<ConnectorDeployer.Deployment> deployments, long seeded)
            throws Exception {
        long start = System.nanoTime();
        // A window ends window.lag.ms before now, so what was seeded just before the start is read only once that
        // edge has passed the seeding, at the next read; until then the sinks can look done with part of it.
        long windowsPassSeeding = seeded + windowEdge(deployments).toNanos();
        long lastChange = start;
        String last = "";
        try (SyncProgress progress = new SyncProgress("127.0.0.1:" + options.kafkaPort(), rest)) {
            while (true) {
                List<SyncProgress.Line> lines = progress.read(deployments);
                String now = lines.toString();
                long t = System.nanoTime();
                boolean caughtUp = lines.stream().allMatch(SyncProgress.Line::caughtUp);
                if (!now.equals(last)) {
                    lastChange = t;
                    last = now;
                    out.printf("[%3ds]%n", Duration.ofNanos(t - start).toSeconds());
                    lines.forEach(out::println);
                    out.println(SandboxSummary.apiCalls(options.salesforceUrl(), options.nylasUrl()));
                }
                if (caughtUp && t - lastChange > QUIET.toNanos() && t - start > MIN_RUN.toNanos()
                        && t > windowsPassSeeding) {
                    return true;
                }
                if (t - start > options.timeout().toNanos()) {
                    return false;
                }
                Thread.sleep(2_000);
            }
        }
    }

    /** How long after a change the Nylas source's windows have surely read it: the lag plus one poll interval. */
    static Duration windowEdge(List<ConnectorDeployer.Deployment> deployments) {
        return deployments.stream().filter(d -> d.connectorClass().endsWith("NylasSourceConnector"))
                .map(d -> Duration.ofMillis(
                        Long.parseLong(d.config().getOrDefault("window.lag.ms", DEFAULT_WINDOW_LAG_MS))
                                + Long.parseLong(d.config().getOrDefault("poll.interval.ms", DEFAULT_POLL_INTERVAL_MS))))
                .max(Duration::compareTo).orElse(Duration.ZERO);
    }

    private String tryIt(Result r) {
        String grant = r.grantIds().isEmpty() ? "<grant-id>" : r.grantIds().get(0);
        return "\nTry a change\n"
                + "  # a new email in a rep's mailbox (flows to Salesforce as a Task):\n"
                + "  curl -s -X POST -H 'Content-Type: application/json' " + options.nylasUrl()
                + "/__admin/nylas/grants/" + grant + "/messages \\\n"
                + "    -d '{\"subject\":\"Hello from the quickstart\",\"from\":[{\"email\":\"" + EXAMPLE_SENDER + "\"}],"
                + "\"to\":[{\"email\":\"rep@ourco.test\"}],\"body\":\"Hi!\"}'\n"
                + "  # a rep's email Task in Salesforce (leaves their mailbox through the Nylas sink):\n"
                + "  curl -s -X POST -H 'Content-Type: application/json' " + options.salesforceUrl()
                + "/__admin/salesforce/records/Task?as=REP_USER_ID \\\n"
                + "    -d '{\"Subject\":\"Quick question\",\"TaskSubtype\":\"Email\",\"Status\":\"Not Started\","
                + "\"WhoId\":\"CONTACT_ID\",\"OwnerId\":\"REP_USER_ID\"}'\n"
                + "  # (REP_USER_ID: a User from " + options.salesforceUrl() + "/__admin/salesforce/records/User; "
                + "CONTACT_ID: one of that rep's Contacts)\n"
                + "  # scale, pause, read offsets:\n"
                + "  C=" + options.connectUrl() + "; curl -s -X PUT -H 'Content-Type: application/json' "
                + "$C/connectors/nylas-source/config \\\n"
                + "    -d \"$(curl -s $C/connectors/nylas-source/config | sed 's/\"tasks.max\":\"[0-9]*\"/\"tasks.max\":\"3\"/')\"\n"
                + "  curl -s -X PUT " + options.connectUrl() + "/connectors/salesforce-sink/pause\n"
                + "  curl -s " + options.connectUrl() + "/connectors/nylas-source/offsets\n"
                + "Logs: " + options.dataDir().resolve("logs") + "\n";
    }

    private static List<String> grantIds(Properties sandbox) {
        String ids = sandbox.getProperty("nylas.grant.ids", "");
        return ids.isBlank() ? List.of() : Arrays.asList(ids.split(","));
    }

    /** Every run starts from empty Kafka and Connect state; the directory holds nothing else of the user's. */
    private void resetDataDir() throws IOException {
        Path dir = options.dataDir();
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }
}

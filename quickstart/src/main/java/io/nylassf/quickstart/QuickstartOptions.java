package io.nylassf.quickstart;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Command-line options; every port has a documented default and can be overridden. */
public record QuickstartOptions(String command, Path repo, Path dataDir, int kafkaPort, int controllerPort,
                                int connectPort, int salesforcePort, int nylasPort, int webhookPort, boolean detach,
                                Duration timeout, List<String> sandboxArgs) {
    public static final int KAFKA_PORT = 9092;
    public static final int CONTROLLER_PORT = 9093;
    public static final int CONNECT_PORT = 8083;
    public static final int SALESFORCE_PORT = 8181;
    public static final int NYLAS_PORT = 8282;
    /** The Nylas source's webhook endpoint, as {@code config-examples/sandbox/nylas-source.json} has it. */
    public static final int WEBHOOK_PORT = 8090;

    public static final String USAGE = String.join("\n",
            "usage: quickstart.sh [start|stop|status] [options]",
            "  start (default)       start Kafka, Connect, the emulators, post the sandbox connectors, show progress",
            "  stop                  stop every process a previous start left running",
            "  status                show which quickstart processes are running",
            "options:",
            "  --detach              return once the summary is printed, leaving everything running",
            "  --data-dir DIR        where data, logs and pid files live (default ./quickstart-data)",
            "  --connect-port N      Connect REST port (default 8083)",
            "  --kafka-port N        Kafka broker port (default 9092); the controller uses --controller-port (9093)",
            "  --salesforce-port N   Salesforce emulator port (default 8181)",
            "  --nylas-port N        Nylas emulator port (default 8282)",
            "  --webhook-port N      the Nylas source's webhook endpoint (default 8090)",
            "  --timeout SECONDS     longest wait for the backfill before the summary (default 170)",
            "  --sandbox-OPTION V    passed to the sandbox generator, e.g. --sandbox-messages 500 --sandbox-seed 7");

    public static QuickstartOptions parse(String[] args, Path cwd) {
        String command = "start";
        Path data = cwd.resolve("quickstart-data");
        int kafka = KAFKA_PORT;
        int controller = CONTROLLER_PORT;
        int connect = CONNECT_PORT;
        int sf = SALESFORCE_PORT;
        int nylas = NYLAS_PORT;
        int webhook = WEBHOOK_PORT;
        boolean detach = false;
        Duration timeout = Duration.ofSeconds(170);
        List<String> sandbox = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "start", "stop", "status" -> command = a;
                case "--detach" -> detach = true;
                case "--data-dir" -> data = cwd.resolve(value(args, ++i, a));
                case "--kafka-port" -> kafka = port(value(args, ++i, a), a);
                case "--controller-port" -> controller = port(value(args, ++i, a), a);
                case "--connect-port" -> connect = port(value(args, ++i, a), a);
                case "--salesforce-port" -> sf = port(value(args, ++i, a), a);
                case "--nylas-port" -> nylas = port(value(args, ++i, a), a);
                case "--webhook-port" -> webhook = port(value(args, ++i, a), a);
                case "--timeout" -> timeout = Duration.ofSeconds(Long.parseLong(value(args, ++i, a)));
                case "-h", "--help" -> command = "help";
                default -> {
                    if (a.startsWith("--sandbox-")) {
                        sandbox.add("--" + a.substring("--sandbox-".length()));
                        sandbox.add(value(args, ++i, a));
                    } else {
                        throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
                    }
                }
            }
        }
        return new QuickstartOptions(command, cwd, data.toAbsolutePath().normalize(), kafka, controller, connect, sf,
                nylas, webhook, detach, timeout, List.copyOf(sandbox));
    }

    public String connectUrl() {
        return "http://127.0.0.1:" + connectPort;
    }

    public String salesforceUrl() {
        return "http://127.0.0.1:" + salesforcePort;
    }

    public String nylasUrl() {
        return "http://127.0.0.1:" + nylasPort;
    }

    /** Where the emulator delivers notifications: the source's endpoint on this machine. */
    public String webhookUrl() {
        return "http://127.0.0.1:" + webhookPort + "/nylas/webhook";
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static int port(String v, String option) {
        int p = Integer.parseInt(v);
        if (p < 1 || p > 65_535) {
            throw new IllegalArgumentException(option + " must be a port number");
        }
        return p;
    }
}

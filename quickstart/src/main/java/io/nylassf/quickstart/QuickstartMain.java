package io.nylassf.quickstart;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code ./quickstart.sh [start|stop|status] [options]}: see {@link QuickstartOptions#USAGE}. */
public final class QuickstartMain {
    private QuickstartMain() {
    }

    public static void main(String[] args) throws Exception {
        QuickstartOptions options;
        try {
            options = QuickstartOptions.parse(args, Path.of("").toAbsolutePath());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        String classpath = System.getProperty("quickstart.classpath", System.getProperty("java.class.path"));
        Quickstart quickstart = new Quickstart(options, classpath, System.out);
        switch (options.command()) {
            case "help" -> System.out.println(QuickstartOptions.USAGE);
            case "status" -> {
                List<ManagedProcesses.Named> running = quickstart.processes().running();
                running.forEach(n -> System.out.println(n.name() + " running, pid " + n.handle().pid()));
                if (running.isEmpty()) {
                    System.out.println("nothing running from " + options.dataDir());
                }
            }
            case "stop" -> {
                List<String> stopped = quickstart.stop();
                System.out.println(stopped.isEmpty() ? "nothing was running from " + options.dataDir()
                        : "stopped " + String.join(", ", stopped));
            }
            default -> start(quickstart, options);
        }
    }

    private static void start(Quickstart quickstart, QuickstartOptions options) throws Exception {
        if (!options.detach()) {
            // Ctrl-C stops everything this run started.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                List<String> stopped = quickstart.stop();
                System.out.println("\nstopped " + String.join(", ", stopped));
            }));
        }
        try {
            quickstart.start();
        } catch (Exception e) {
            System.err.println("quickstart failed: " + e.getMessage());
            if (options.detach()) {
                quickstart.stop();
            }
            System.exit(1);
        }
        if (options.detach()) {
            System.out.println("\nDetached: everything keeps running. Stop with ./quickstart.sh stop"
                    + (options.dataDir().endsWith("quickstart-data") ? "" : " --data-dir " + options.dataDir()));
            return;
        }
        System.out.println("\nRunning. Post your own configs, scale, pause, read offsets. Ctrl-C stops everything.");
        new CountDownLatch(1).await();
    }
}

package io.nylassf.quickstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The child processes one quickstart started, each with its log file and a pid file under the data directory,
 * so that {@code stop} (from another shell, even after the starter exited) stops exactly those processes by PID.
 */
public final class ManagedProcesses {
    private final Path pidDir;
    private final Path logDir;
    private final String javaBin;
    private final String classpath;

    public ManagedProcesses(Path dataDir, String classpath) {
        this.pidDir = dataDir.resolve("pids");
        this.logDir = dataDir.resolve("logs");
        this.javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.classpath = classpath;
    }

    /** Starts {@code java <jvmArgs> -cp <classpath> <mainClass> <args>}, output to logs/NAME.log. */
    public ProcessHandle startJava(String name, List<String> jvmArgs, String mainClass, List<String> args) {
        return launch(name, jvmArgs, mainClass, args).toHandle();
    }

    private Process launch(String name, List<String> jvmArgs, String mainClass, List<String> args) {
        try {
            Files.createDirectories(pidDir);
            Files.createDirectories(logDir);
            List<String> cmd = new ArrayList<>();
            cmd.add(javaBin);
            cmd.addAll(jvmArgs);
            cmd.add("-cp");
            cmd.add(classpath);
            cmd.add(mainClass);
            cmd.addAll(args);
            Path log = logDir.resolve(name + ".log");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            Files.writeString(pidDir.resolve(name + ".pid"), Long.toString(p.pid()));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Runs a short-lived Java tool to completion and fails if it does. */
    public void runJava(String name, List<String> jvmArgs, String mainClass, List<String> args, Duration timeout) {
        Process p = launch(name, jvmArgs, mainClass, args);
        try {
            if (!p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(name + " did not finish in " + timeout + "; see " + logFile(name));
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(name + " failed (exit " + p.exitValue() + "); see " + logFile(name));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " interrupted", e);
        } finally {
            deletePid(name);
        }
    }

    /** Live processes recorded in pid files, by name. */
    public List<Named> running() {
        List<Named> out = new ArrayList<>();
        if (!Files.isDirectory(pidDir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(pidDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".pid")).sorted().toList()) {
                String name = f.getFileName().toString().replace(".pid", "");
                readPid(f).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                        .ifPresent(h -> out.add(new Named(name, h)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Stops the named processes in the order given (then any others), politely first, by force after 20 s. */
    public List<String> stop(List<String> order) {
        List<Named> live = new ArrayList<>(running());
        live.sort((a, b) -> Integer.compare(rank(order, a.name()), rank(order, b.name())));
        List<String> stopped = new ArrayList<>();
        for (Named n : live) {
            n.handle().destroy();
            try {
                n.handle().onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                n.handle().destroyForcibly();
            }
            stopped.add(n.name() + " (pid " + n.handle().pid() + ")");
            deletePid(n.name());
        }
        return stopped;
    }

    public Path logFile(String name) {
        return logDir.resolve(name + ".log");
    }

    public record Named(String name, ProcessHandle handle) {
    }

    private static int rank(List<String> order, String name) {
        int i = order.indexOf(name);
        return i < 0 ? order.size() : i;
    }

    private void deletePid(String name) {
        try {
            Files.deleteIfExists(pidDir.resolve(name + ".pid"));
        } catch (IOException ignored) {
            // a stale pid file is harmless: running() checks liveness
        }
    }

    private static Optional<Long> readPid(Path f) {
        try {
            return Optional.of(Long.parseLong(Files.readString(f).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}

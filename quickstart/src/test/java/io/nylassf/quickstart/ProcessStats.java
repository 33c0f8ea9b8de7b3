package io.nylassf.quickstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A JVM process's footprint as the OS and the JDK's own tools see it: live heap after a full GC ({@code jcmd
 * GC.run}, then {@code jstat -gc}), threads and open sockets ({@code /proc}). Linux only, like the rig.
 */
record ProcessStats(long heapKiB, int threads, int sockets, Map<String, Integer> threadGroups) {

    static ProcessStats of(ProcessHandle p) {
        long pid = p.pid();
        run(List.of(tool("jcmd"), Long.toString(pid), "GC.run"));
        // jstat -gc: a header line of column names and a line of values in KiB
        String[] lines = run(List.of(tool("jstat"), "-gc", Long.toString(pid))).trim().split("\n");
        String[] names = lines[0].trim().split("\\s+");
        String[] values = lines[lines.length - 1].trim().split("\\s+");
        double used = 0;
        for (int i = 0; i < names.length && i < values.length; i++) {
            if (List.of("S0U", "S1U", "EU", "OU").contains(names[i])) {
                used += Double.parseDouble(values[i]);
            }
        }
        return new ProcessStats(Math.round(used), threads(pid), sockets(pid), threadGroups(pid));
    }

    /** Live threads by name with the digits taken out ("pool-3-thread-7" counts as "pool-#-thread-#"). */
    private static Map<String, Integer> threadGroups(long pid) {
        Map<String, Integer> groups = new TreeMap<>();
        for (String line : run(List.of(tool("jcmd"), Long.toString(pid), "Thread.print")).split("\n")) {
            if (line.startsWith("\"")) {
                String name = line.substring(1, Math.max(1, line.indexOf('"', 1)));
                groups.merge(name.replaceAll("[0-9]+", "#"), 1, Integer::sum);
            }
        }
        return groups;
    }

    /** The thread groups whose count changed from {@code start} to this, as name: before → after. */
    Map<String, String> threadGrowthSince(ProcessStats start) {
        Map<String, String> out = new TreeMap<>();
        java.util.Set<String> names = new java.util.TreeSet<>(threadGroups.keySet());
        names.addAll(start.threadGroups.keySet());
        for (String n : names) {
            int a = start.threadGroups.getOrDefault(n, 0);
            int b = threadGroups.getOrDefault(n, 0);
            if (a != b) {
                out.put(n, a + " → " + b);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "heap " + heapKiB / 1024 + " MiB, " + threads + " threads, " + sockets + " sockets";
    }

    private static int threads(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("Threads:")).mapToInt(l -> Integer.parseInt(l.substring(8).trim()))
                    .findFirst().orElse(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int sockets(long pid) {
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            return (int) fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException closedMeanwhile) {
                    return false;
                }
            }).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

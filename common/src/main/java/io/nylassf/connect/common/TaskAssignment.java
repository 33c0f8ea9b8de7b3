package io.nylassf.connect.common;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Spreads units of work (grants, SObjects) over {@code min(maxTasks, units)} tasks, round-robin over the sorted
 * units, so the same set always yields the same assignment whichever worker computes it.
 */
public final class TaskAssignment {
    private TaskAssignment() {
    }

    public static List<List<String>> roundRobin(Iterable<String> units, int maxTasks) {
        if (maxTasks < 1) {
            throw new IllegalArgumentException("maxTasks must be at least 1");
        }
        List<String> sorted = new ArrayList<>(new TreeSet<>(toList(units)));
        int tasks = Math.min(maxTasks, sorted.size());
        List<List<String>> out = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            out.add(new ArrayList<>());
        }
        for (int i = 0; i < sorted.size(); i++) {
            out.get(i % tasks).add(sorted.get(i));
        }
        return out;
    }

    private static List<String> toList(Iterable<String> units) {
        List<String> list = new ArrayList<>();
        for (String u : units) {
            if (u != null && !u.isBlank()) {
                list.add(u.trim());
            }
        }
        return list;
    }
}

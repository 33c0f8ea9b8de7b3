package io.nylassf.connect.common.config;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Task-only settings the connectors hand each task: its index (Connect's task number) and, where a task needs
 * it, how many tasks there are. Never part of a connector's own ConfigDef, so users never set them.
 */
public final class TaskIndexConfig {
    public static final String GROUP = "Task";
    public static final String TASK_INDEX = "task.index";
    public static final String TASK_COUNT = "task.count";

    private TaskIndexConfig() {
    }

    /** Opens the task group with task.index; the doc says what the task uses its index for. */
    public static ConfigDefBuilder addIndex(ConfigDefBuilder builder, String doc) {
        return builder.group(GROUP)
                .define(TASK_INDEX, Type.INT, 0, Range.atLeast(0), Importance.LOW, doc, Width.SHORT, "Task index");
    }

    /** Adds task.count to the task group; the doc says what the task shares with the others. */
    public static ConfigDefBuilder addCount(ConfigDefBuilder builder, String doc) {
        return builder.define(TASK_COUNT, Type.INT, 1, Range.atLeast(1), Importance.LOW, doc, Width.SHORT,
                "Task count");
    }

    public static int taskIndex(AbstractConfig config) {
        return config.getInt(TASK_INDEX);
    }

    public static int taskCount(AbstractConfig config) {
        return config.getInt(TASK_COUNT);
    }

    /** The connector's settings for task {@code index}: a copy of them plus task.index. */
    public static Map<String, String> forTask(Map<String, String> props, int index) {
        Map<String, String> task = new HashMap<>(props);
        task.put(TASK_INDEX, Integer.toString(index));
        return task;
    }

    /** The settings of {@code count} identical tasks, numbered 0 .. count-1. */
    public static List<Map<String, String>> forTasks(Map<String, String> props, int count) {
        List<Map<String, String>> configs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            configs.add(forTask(props, i));
        }
        return configs;
    }
}

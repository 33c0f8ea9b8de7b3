package io.nylassf.connect.common.config;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TaskIndexConfigTest {
    @Test
    void tasksAreNumberedCopiesOfTheConnectorsSettings() {
        List<Map<String, String>> tasks = TaskIndexConfig.forTasks(Map.of("a", "1"), 3);
        assertEquals(List.of("0", "1", "2"), tasks.stream().map(t -> t.get(TaskIndexConfig.TASK_INDEX)).toList());
        tasks.forEach(t -> assertEquals("1", t.get("a")));
    }

    @Test
    void fragmentDefinesAndReadsIndexAndCount() {
        ConfigDef def = TaskIndexConfig.addCount(TaskIndexConfig.addIndex(new ConfigDefBuilder(new ConfigDef()),
                "index"), "count").build();
        AbstractConfig c = new AbstractConfig(def, Map.of(TaskIndexConfig.TASK_INDEX, "2",
                TaskIndexConfig.TASK_COUNT, "4"));
        assertEquals(2, TaskIndexConfig.taskIndex(c));
        assertEquals(4, TaskIndexConfig.taskCount(c));
        AbstractConfig defaults = new AbstractConfig(def, Map.of());
        assertEquals(0, TaskIndexConfig.taskIndex(defaults));
        assertEquals(1, TaskIndexConfig.taskCount(defaults));
    }
}

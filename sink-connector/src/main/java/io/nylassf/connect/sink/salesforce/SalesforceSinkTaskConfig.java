package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.config.ConfigDefBuilder;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

import java.util.Map;

/**
 * The connector's settings plus what the connector hands one task: its index (Connect's task number). Task-only:
 * not part of {@link SalesforceSinkConnector#config()}, so users never set it.
 */
public final class SalesforceSinkTaskConfig extends SalesforceSinkConnectorConfig {
    public static final String TASK_INDEX = "task.index";
    public static final String TASK_COUNT = "task.count";

    static final ConfigDef TASK_DEF = new ConfigDefBuilder(configDef()).group("Task")
            .define(TASK_INDEX, Type.INT, 0, Range.atLeast(0), Importance.LOW,
                    "Set by the connector: this task's number (0 .. tasks.max-1), used in the task's JMX metric name.",
                    Width.SHORT, "Task index")
            .define(TASK_COUNT, Type.INT, 1, Range.atLeast(1), Importance.LOW,
                    "Set by the connector: how many tasks share the connector's daily call budget.",
                    Width.SHORT, "Task count")
            .build();

    public SalesforceSinkTaskConfig(Map<String, String> props) {
        super(TASK_DEF, props);
    }

    public int taskCount() {
        return getInt(TASK_COUNT);
    }

    public int taskIndex() {
        return getInt(TASK_INDEX);
    }
}

package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.config.ConfigDefBuilder;
import io.nylassf.connect.common.config.TaskIndexConfig;
import org.apache.kafka.common.config.ConfigDef;

import java.util.Map;

/**
 * The connector's settings plus what the connector hands one task: its index (Connect's task number). Task-only:
 * not part of {@link SalesforceSinkConnector#config()}, so users never set it.
 */
public final class SalesforceSinkTaskConfig extends SalesforceSinkConnectorConfig {
    public static final String TASK_INDEX = TaskIndexConfig.TASK_INDEX;
    public static final String TASK_COUNT = TaskIndexConfig.TASK_COUNT;

    static final ConfigDef TASK_DEF = TaskIndexConfig.addCount(TaskIndexConfig.addIndex(
                    new ConfigDefBuilder(configDef()), "Set by the connector: this task's number (0 .. tasks.max-1), "
                            + "used in the names of its batch threads."),
            "Set by the connector: how many tasks share the connector's daily call budget.").build();

    public SalesforceSinkTaskConfig(Map<String, String> props) {
        super(TASK_DEF, props);
    }

    public int taskCount() {
        return TaskIndexConfig.taskCount(this);
    }

    public int taskIndex() {
        return TaskIndexConfig.taskIndex(this);
    }
}

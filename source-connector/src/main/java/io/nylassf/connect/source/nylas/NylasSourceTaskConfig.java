package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.config.ConfigDefBuilder;
import io.nylassf.connect.common.config.TaskIndexConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

import java.util.List;
import java.util.Map;

/** The connector's settings plus what the connector hands one task: its grants and its index. */
public final class NylasSourceTaskConfig extends NylasSourceConnectorConfig {
    public static final String TASK_GRANTS = "task.grant.ids";
    public static final String TASK_INDEX = TaskIndexConfig.TASK_INDEX;

    private static final ConfigDef TASK_DEF = TaskIndexConfig.addIndex(new ConfigDefBuilder(configDef()),
                    "Set by the connector: this task's index (the webhook endpoint lives in webhook.task).")
            .define(TASK_GRANTS, Type.LIST, List.of(), null, Importance.LOW)
            .build();

    public NylasSourceTaskConfig(Map<String, String> props) {
        super(TASK_DEF, props);
    }

    public List<String> taskGrants() {
        return getList(TASK_GRANTS).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public int taskIndex() {
        return TaskIndexConfig.taskIndex(this);
    }

    public boolean hostsWebhook() {
        return webhook().enabled() && taskIndex() == webhook().task();
    }
}

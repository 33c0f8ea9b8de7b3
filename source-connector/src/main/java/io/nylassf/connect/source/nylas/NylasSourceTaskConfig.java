package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.config.ConfigDefBuilder;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

import java.util.List;
import java.util.Map;

/** The connector's settings plus the grants one task owns. */
public final class NylasSourceTaskConfig extends NylasSourceConnectorConfig {
    public static final String TASK_GRANTS = "task.grant.ids";

    private static final ConfigDef TASK_DEF = new ConfigDefBuilder(configDef()).group("Task")
            .define(TASK_GRANTS, Type.LIST, List.of(), null, Importance.LOW,
                    "Set by the connector: the grants this task reads.", Width.LONG, "Task grants")
            .build();

    public NylasSourceTaskConfig(Map<String, String> props) {
        super(TASK_DEF, props);
    }

    public List<String> taskGrants() {
        return getList(TASK_GRANTS);
    }
}

package io.nylassf.connect.source.salesforce;

import io.nylassf.connect.common.config.ConfigDefBuilder;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

import java.util.List;
import java.util.Map;

/** The connector's settings plus the SObjects one task owns. */
public final class SalesforceSourceTaskConfig extends SalesforceSourceConnectorConfig {
    public static final String TASK_OBJECTS = "task.objects";

    private static final ConfigDef TASK_DEF = new ConfigDefBuilder(configDef()).group("Task")
            .define(TASK_OBJECTS, Type.LIST, List.of(), null, Importance.LOW)
            .build();

    public SalesforceSourceTaskConfig(Map<String, String> props) {
        super(TASK_DEF, props);
    }

    public List<String> taskObjects() {
        return getList(TASK_OBJECTS);
    }
}

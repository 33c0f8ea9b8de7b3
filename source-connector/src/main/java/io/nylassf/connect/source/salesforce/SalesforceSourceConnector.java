package io.nylassf.connect.source.salesforce;

import io.nylassf.connect.common.TaskAssignment;
import io.nylassf.connect.common.Version;
import io.nylassf.connect.common.config.SalesforceConnectionConfig;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads Salesforce changes (Tasks, Events, Opportunities...) into Kafka for the outbound direction. */
public class SalesforceSourceConnector extends SourceConnector {
    private static final Logger log = LoggerFactory.getLogger(SalesforceSourceConnector.class);

    private Map<String, String> props;
    private SalesforceSourceConnectorConfig config;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
        this.config = new SalesforceSourceConnectorConfig(props);
        log.info("Starting Salesforce source for objects {}", config.objects());
    }

    @Override
    public Class<? extends Task> taskClass() {
        return SalesforceSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (List<String> objects : TaskAssignment.roundRobin(config.objects(), maxTasks)) {
            Map<String, String> task = new HashMap<>(props);
            task.put(SalesforceSourceTaskConfig.TASK_OBJECTS, String.join(",", objects));
            configs.add(task);
        }
        return configs;
    }

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return SalesforceConnectionConfig.validateAuth(super.validate(connectorConfigs));
    }

    @Override
    public void stop() {
        log.info("Stopping Salesforce source");
    }

    @Override
    public ConfigDef config() {
        return SalesforceSourceConnectorConfig.CONFIG_DEF;
    }
}

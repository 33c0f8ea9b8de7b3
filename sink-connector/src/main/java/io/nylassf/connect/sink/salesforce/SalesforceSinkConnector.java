package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.IndexedTasksSinkConnector;
import io.nylassf.connect.common.config.TaskIndexConfig;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/** Writes Nylas topics into Salesforce as idempotent, batched upserts (the inbound direction). */
public class SalesforceSinkConnector extends IndexedTasksSinkConnector {
    private static final Logger log = LoggerFactory.getLogger(SalesforceSinkConnector.class);

    @Override
    public void start(Map<String, String> props) {
        super.start(props);
        new SalesforceSinkConnectorConfig(props);
        log.info("Starting Salesforce sink");
    }

    @Override
    public Class<? extends Task> taskClass() {
        return SalesforceSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = super.taskConfigs(maxTasks);
        configs.forEach(task -> task.put(TaskIndexConfig.TASK_COUNT, Integer.toString(maxTasks)));
        return configs;
    }

    /** See {@link SalesforceSinkConfigValidator}: static rules, then the credentials and the fields. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return SalesforceSinkConfigValidator.validate(connectorConfigs, super.validate(connectorConfigs));
    }

    @Override
    public void stop() {
        log.info("Stopping Salesforce sink");
    }

    @Override
    public ConfigDef config() {
        return SalesforceSinkConnectorConfig.CONFIG_DEF;
    }
}

package io.nylassf.connect.sink.nylas;

import io.nylassf.connect.common.IndexedTasksSinkConnector;
import io.nylassf.connect.common.config.TaskIndexConfig;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Sends messages and writes calendar events through Nylas from Salesforce topics (the outbound direction).
 * Records are keyed by Salesforce record, so one record's changes reach one task in order; tasks are identical.
 */
public class NylasSinkConnector extends IndexedTasksSinkConnector {
    private static final Logger log = LoggerFactory.getLogger(NylasSinkConnector.class);
    /**
     * Task-only key: the task's number. The Nylas sink task does not read it (Connect tags its plugin metrics by
     * task); it only tells the tasks' configs apart.
     */
    static final String TASK_INDEX = TaskIndexConfig.TASK_INDEX;

    @Override
    public void start(Map<String, String> props) {
        super.start(props);
        NylasSinkConnectorConfig config = new NylasSinkConnectorConfig(props);
        log.info("Starting Nylas sink: grants by {}, kickoff events {}", config.grantResolution(),
                config.kickoffEnabled() ? "on" : "off");
    }

    @Override
    public Class<? extends Task> taskClass() {
        return NylasSinkTask.class;
    }

    @Override
    public void stop() {
        log.info("Stopping Nylas sink");
    }

    /** ConfigDef's checks, then the send status' cross-setting rules ({@link SendStatusConfig#validate}). */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return SendStatusConfig.validate(super.validate(connectorConfigs));
    }

    @Override
    public ConfigDef config() {
        return NylasSinkConnectorConfig.CONFIG_DEF;
    }
}

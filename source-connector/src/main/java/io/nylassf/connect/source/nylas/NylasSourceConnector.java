package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.TaskAssignment;
import io.nylassf.connect.common.Version;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads Nylas messages, calendar events and contacts of the configured grants into Kafka. */
public class NylasSourceConnector extends SourceConnector {
    private static final Logger log = LoggerFactory.getLogger(NylasSourceConnector.class);

    private Map<String, String> props;
    private NylasSourceConnectorConfig config;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
        this.config = new NylasSourceConnectorConfig(props);
        log.info("Starting Nylas source for {} configured grant(s), topic prefix '{}'", config.grantIds().size(),
                config.topicPrefix());
    }

    @Override
    public Class<? extends Task> taskClass() {
        return NylasSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (List<String> grants : TaskAssignment.roundRobin(config.grantIds(), maxTasks)) {
            Map<String, String> task = new HashMap<>(props);
            task.put(NylasSourceTaskConfig.TASK_GRANTS, String.join(",", grants));
            configs.add(task);
        }
        return configs;
    }

    @Override
    public void stop() {
        log.info("Stopping Nylas source");
    }

    @Override
    public ConfigDef config() {
        return NylasSourceConnectorConfig.CONFIG_DEF;
    }
}

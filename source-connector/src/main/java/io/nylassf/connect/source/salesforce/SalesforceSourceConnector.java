package io.nylassf.connect.source.salesforce;

import io.nylassf.connect.common.ExactlyOnceSourceConnector;
import io.nylassf.connect.common.SubmittedOffsets;
import io.nylassf.connect.common.TaskAssignment;
import io.nylassf.connect.common.config.SalesforceAuthValidator;
import io.nylassf.connect.source.salesforce.offset.ObjectOffset;
import io.nylassf.connect.source.salesforce.read.ObjectReconciler;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Salesforce changes (Tasks, Events, Opportunities...) into Kafka for the outbound direction: one windowed
 * SOQL reader per SObject, objects spread round-robin over the tasks, positions in Connect's offsets.
 *
 * <p>Exactly-once source support is declared: a record's offset is the position its row reaches, so with
 * {@code exactly.once.source.support=enabled} the records and their offsets commit in one transaction per poll.
 * Transaction boundaries are Connect's (one per poll batch); the connector does not define its own.
 */
public class SalesforceSourceConnector extends ExactlyOnceSourceConnector {
    private static final Logger log = LoggerFactory.getLogger(SalesforceSourceConnector.class);

    private Map<String, String> props;
    private SalesforceSourceConnectorConfig config;

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
        return SalesforceAuthValidator.validate(super.validate(connectorConfigs));
    }

    /**
     * Accepts {@code PATCH /connectors/{name}/offsets} bodies of the form
     * {@code {"partition": {"sobject": "Task"}, "offset": {"system_modstamp": "2026-01-05T09:00:00Z",
     * "last_id": "00T..."}}} (a null offset resets the object to {@code salesforce.start.from}); anything else is
     * rejected with the reason. A reconciliation's partition is {@code {"reconcile": "Task"}} with
     * {@code {"v": 1, "last_run": "<ISO-8601>"}} (null: forget the last run).
     */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        return SubmittedOffsets.check(offsets, (partition, offset) -> {
            if (ObjectReconciler.isPartition(partition)) {
                ObjectReconciler.lastRun(offset);
                return;
            }
            ObjectOffset.partitionObject(partition);
            if (offset != null) {
                ObjectOffset.fromMap(offset);
            }
        });
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

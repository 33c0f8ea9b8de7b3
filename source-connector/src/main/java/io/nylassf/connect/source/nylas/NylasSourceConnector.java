package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.SubmittedOffsets;
import io.nylassf.connect.common.TaskAssignment;
import io.nylassf.connect.common.ExactlyOnceSourceConnector;
import io.nylassf.connect.common.config.NylasConnectionConfig;
import io.nylassf.connect.common.config.TaskIndexConfig;
import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.source.nylas.offset.ReconcileOffset;
import io.nylassf.connect.source.nylas.offset.SourceOffset;
import io.nylassf.connect.source.nylas.offset.StreamPartition;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads Nylas messages, calendar events and contacts of the configured grants (or of all the application's grants)
 * into Kafka. Grants are spread round-robin over {@code min(tasks.max, grants)} tasks, deterministically, and
 * tasks are reconfigured when the application's grant set changes. Offsets are per grant and object type (and
 * calendar); {@link #alterOffsets} checks what operators submit.
 *
 * <p>Exactly-once delivery (KIP-618) is supported: window records carry offsets derived only from the objects' own
 * {@code (time, id)}, so records of an aborted transaction are read again from the last committed offset; webhook
 * records carry no offset and are acknowledged to Nylas only from {@code commitRecord}, which the worker calls after
 * the transaction that holds them committed (an abort means no 200, so Nylas retries); contact scan records are
 * re-derived by the next scan.
 */
public class NylasSourceConnector extends ExactlyOnceSourceConnector {
    private static final Logger log = LoggerFactory.getLogger(NylasSourceConnector.class);

    private Map<String, String> props;
    private NylasSourceConnectorConfig config;
    private NylasClient client;
    private GrantMonitor monitor;

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
        this.config = new NylasSourceConnectorConfig(props);
        if (config.grantIds().isEmpty()) {
            NylasConnectionConfig conn = config.connection();
            client = new NylasClient(conn.apiUrl(), conn.apiKey().value(), conn.requestTimeout());
            monitor = new GrantMonitor(client, () -> context().requestTaskReconfiguration());
            monitor.start(config.grantsRefreshInterval());
            log.info("Starting Nylas source for the application's {} grant(s), topic prefix '{}'",
                    monitor.grants().size(), config.topicPrefix());
        } else {
            log.info("Starting Nylas source for {} configured grant(s), topic prefix '{}'", config.grantIds().size(),
                    config.topicPrefix());
        }
    }

    @Override
    public Class<? extends Task> taskClass() {
        return NylasSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<String> grants = monitor != null ? monitor.grants() : config.grantIds();
        List<List<String>> assignment = TaskAssignment.roundRobin(grants, maxTasks);
        if (assignment.isEmpty() && config.webhook().enabled() && config.webhook().task() == 0) {
            // no grant yet (an application without grants, or its list could not be read): one task still hosts
            // the endpoint, so grant.created and other notifications are not refused meanwhile
            assignment = List.of(List.of());
        }
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < assignment.size(); i++) {
            Map<String, String> task = TaskIndexConfig.forTask(props, i);
            task.put(NylasSourceTaskConfig.TASK_GRANTS, String.join(",", assignment.get(i)));
            configs.add(task);
        }
        if (config.webhook().enabled() && config.webhook().task() >= configs.size()) {
            log.warn("webhook.task={} but there are only {} task(s): no task hosts the webhook endpoint",
                    config.webhook().task(), configs.size());
        }
        return configs;
    }

    @Override
    public void stop() {
        if (monitor != null) {
            monitor.close();
        }
        if (client != null) {
            client.close();
        }
        log.info("Stopping Nylas source");
    }

    @Override
    public ConfigDef config() {
        return NylasSourceConnectorConfig.CONFIG_DEF;
    }

    /** The per-setting checks, then {@link NylasSourceConfigValidator}'s access check. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return NylasSourceConfigValidator.validate(super.validate(connectorConfigs));
    }

    /**
     * Validates offsets submitted through {@code PATCH /connectors/{name}/offsets}: partitions must be
     * {@code {"grant", "object"[, "calendar"]}} and offsets {@code {"v": 1, "watermark": <seconds>,
     * "last_id": "<id or empty>"}} (a reconciliation's: {@code {"grant", "reconcile": "all"}} and
     * {@code {"v": 1, "last_run": <seconds>}}), or null to forget a partition (it starts again from the backfill).
     */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        return SubmittedOffsets.check(offsets, (partition, offset) -> {
            if (ReconcileOffset.isPartition(partition)) {
                ReconcileOffset.grantOf(partition);
                ReconcileOffset.fromMap(offset);
                return;
            }
            StreamPartition.fromMap(partition);
            SourceOffset.fromMap(offset);
        });
    }
}

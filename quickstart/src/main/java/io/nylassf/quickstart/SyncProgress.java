package io.nylassf.quickstart;

import io.nylassf.testkit.connect.ConnectRest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Reads how far each connector got from Kafka itself: records a source wrote (its topics' end offsets) and records
 * a sink has committed (its consumer group's offsets), plus each connector's state from the REST API.
 */
public final class SyncProgress implements AutoCloseable {
    /** One connector's figures at one moment. */
    public record Line(String connector, String state, String kind, long records, long backlog,
                       boolean inputsPresent) {
        @Override
        public String toString() {
            return "source".equals(kind)
                    ? String.format("  %-20s %-8s wrote %,d record(s)", connector, state, records)
                    : String.format("  %-20s %-8s committed %,d record(s), %,d to go", connector, state, records,
                    backlog);
        }

        /**
         * A source is settled when running; a sink when every input topic (but a grant status topic) has data and
         * it has committed it all.
         */
        public boolean caughtUp() {
            return "RUNNING".equals(state) && ("source".equals(kind) || (inputsPresent && backlog == 0));
        }
    }

    /** The Nylas source's grant status topic ({@code <prefix>.grants}). */
    static final String GRANT_STATUS_TOPIC_SUFFIX = ".grants";

    private final Admin admin;
    private final ConnectRest rest;

    public SyncProgress(String bootstrap, ConnectRest rest) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                15_000));
        this.rest = rest;
    }

    public List<Line> read(List<ConnectorDeployer.Deployment> deployments) throws Exception {
        Map<String, Long> ends = topicEndOffsets();
        return deployments.stream().map(d -> {
            String state = rest.get("connectors/" + d.name() + "/status").body().path("connector").path("state")
                    .asText("UNKNOWN");
            boolean sink = d.config().containsKey("topics");
            if (sink) {
                List<String> inputs = List.of(d.config().get("topics").split("\\s*,\\s*"));
                long available = inputs.stream().mapToLong(t -> ends.getOrDefault(t, 0L)).sum();
                boolean present = inputsPresent(inputs, ends);
                long committed = committed("connect-" + d.name());
                return new Line(d.name(), state, "sink", committed, Math.max(0, available - committed), present);
            }
            String prefix = d.config().getOrDefault("topic.prefix", "") + ".";
            long written = ends.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                    .mapToLong(Map.Entry::getValue).sum();
            return new Line(d.name(), state, "source", written, 0, true);
        }).toList();
    }

    /**
     * Whether every input topic a sink waits for has data. A grant status topic has records only when a grant
     * changes state, so an empty one is not waited for.
     */
    static boolean inputsPresent(List<String> inputs, Map<String, Long> endOffsets) {
        return inputs.stream().filter(t -> !t.endsWith(GRANT_STATUS_TOPIC_SUFFIX))
                .allMatch(t -> endOffsets.getOrDefault(t, 0L) > 0);
    }

    /** Records in each non-internal topic. */
    public Map<String, Long> topicEndOffsets() throws Exception {
        Set<String> topics = admin.listTopics().names().get(15, TimeUnit.SECONDS).stream()
                .filter(t -> !t.startsWith("_")).collect(Collectors.toSet());
        if (topics.isEmpty()) {
            return Map.of();
        }
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(15, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        described.values().forEach(d -> d.partitions().forEach(p ->
                request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets =
                admin.listOffsets(request).all().get(15, TimeUnit.SECONDS);
        Map<String, Long> out = new LinkedHashMap<>();
        offsets.forEach((tp, info) -> out.merge(tp.topic(), info.offset(), Long::sum));
        return out;
    }

    private long committed(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
            return offsets.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
        } catch (Exception e) {
            return 0;
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}

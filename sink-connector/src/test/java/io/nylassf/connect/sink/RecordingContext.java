package io.nylassf.connect.sink;

import io.nylassf.testkit.connect.InMemoryPluginMetrics;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A SinkTaskContext (Kafka's interface) that records dead-lettered records and requested timeouts, for task tests of
 * both sinks. With {@link #withDlq} false it answers as a worker with no dead-letter queue.
 */
public final class RecordingContext implements SinkTaskContext {
    public record Dead(SinkRecord record, Throwable error) {
    }

    public final List<Dead> dlq = new CopyOnWriteArrayList<>();
    public final List<Long> timeouts = new CopyOnWriteArrayList<>();
    /** What {@link #assignment()} answers; tests add and remove partitions as a rebalance would. */
    public final Set<TopicPartition> assignment = ConcurrentHashMap.newKeySet();
    /** Partitions the task has paused and not resumed. */
    public final Set<TopicPartition> paused = ConcurrentHashMap.newKeySet();
    public boolean withDlq = true;
    /** The plugin metrics a worker would hand the task, readable by the test. */
    public final InMemoryPluginMetrics metrics = new InMemoryPluginMetrics("sink-test", 0);

    @Override
    public Map<String, String> configs() {
        return Map.of();
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {
    }

    @Override
    public void offset(TopicPartition tp, long offset) {
    }

    @Override
    public void timeout(long timeoutMs) {
        timeouts.add(timeoutMs);
    }

    @Override
    public Set<TopicPartition> assignment() {
        return Set.copyOf(assignment);
    }

    @Override
    public void pause(TopicPartition... partitions) {
        paused.addAll(List.of(partitions));
    }

    @Override
    public void resume(TopicPartition... partitions) {
        List.of(partitions).forEach(paused::remove);
    }

    @Override
    public void requestCommit() {
    }

    @Override
    public org.apache.kafka.common.metrics.PluginMetrics pluginMetrics() {
        return metrics.pluginMetrics();
    }

    @Override
    public ErrantRecordReporter errantRecordReporter() {
        if (!withDlq) {
            return null;
        }
        return (record, error) -> {
            dlq.add(new Dead(record, error));
            return CompletableFuture.completedFuture(null);
        };
    }

    public String reasons() {
        return dlq.stream().map(d -> d.error().getMessage()).toList().toString();
    }
}

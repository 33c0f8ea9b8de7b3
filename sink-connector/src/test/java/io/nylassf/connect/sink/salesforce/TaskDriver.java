package io.nylassf.connect.sink.salesforce;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives a sink task the way a Connect worker does: {@code put()} with new records, then {@code put()} with none
 * whenever the task asked for a call back, and {@code preCommit} to learn which offsets are final.
 */
final class TaskDriver {
    private final SinkTask task;
    private final Map<TopicPartition, OffsetAndMetadata> current = new HashMap<>();

    TaskDriver(SinkTask task) {
        this.task = task;
    }

    /** Hands the records over and returns at once (what put() alone does). */
    void put(Collection<SinkRecord> records) {
        for (SinkRecord r : records) {
            current.merge(new TopicPartition(r.topic(), r.kafkaPartition()), new OffsetAndMetadata(r.kafkaOffset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        task.put(records);
    }

    /** Hands the records over and keeps the task going until every offset handed over is committable. */
    void putAndSettle(Collection<SinkRecord> records) {
        put(records);
        settle(Duration.ofSeconds(30));
    }

    /** Keeps the task going until everything handed over is committable; fails after {@code max}. */
    void settle(Duration max) {
        if (!settleWithin(max)) {
            throw new AssertionError("records still not written after " + max + ": committable " + committable()
                    + " of " + current);
        }
    }

    /** Keeps the task going for up to {@code max}; whether everything handed over became committable. */
    boolean settleWithin(Duration max) {
        try {
            // polled on this thread: put() is only ever called from the task's own thread
            Awaitility.await().atMost(max).pollInSameThread().pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(10)).until(() -> {
                        if (committable().equals(current)) {
                            return true;
                        }
                        task.put(List.of());
                        return false;
                    });
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    Map<TopicPartition, OffsetAndMetadata> committable() {
        return task.preCommit(new HashMap<>(current));
    }
}

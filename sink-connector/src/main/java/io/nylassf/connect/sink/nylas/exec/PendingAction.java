package io.nylassf.connect.sink.nylas.exec;

import io.nylassf.connect.sink.nylas.plan.OutboundAction;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * One planned action of one record that has not ended yet: {@code attempts} is how many times it ran,
 * {@code firstSeenMs} when the task first received it (for maximum-age decisions).
 */
public record PendingAction(SinkRecord record, OutboundAction action, int attempts, long firstSeenMs) {

    public static PendingAction fresh(SinkRecord record, OutboundAction action, long nowMs) {
        return new PendingAction(record, action, 0, nowMs);
    }

    public PendingAction ranOnce() {
        return new PendingAction(record, action, attempts + 1, firstSeenMs);
    }

    /** The partition Connect commits for this record (the original one, before any SMT renamed the topic). */
    public TopicPartition partition() {
        return new TopicPartition(record.originalTopic(), record.originalKafkaPartition());
    }

    public long offset() {
        return record.originalKafkaOffset();
    }

    public String describe() {
        return action.change().sobject() + " " + action.change().id();
    }
}

package io.nylassf.connect.sink.salesforce.accumulate;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The committable offset of every partition the task owns: never past a record whose write is not final, and
 * nothing at all for a partition that was closed (revoked), so Connect is never handed an offset of a partition
 * it no longer assigns to this task.
 */
final class OffsetLedger {
    private final Map<TopicPartition, PartitionLedger> partitions = new HashMap<>();

    /** The ledger of the record's partition in the current assignment (offsets as read, before any transform). */
    PartitionLedger received(SinkRecord r) {
        TopicPartition tp = new TopicPartition(r.originalTopic(), r.originalKafkaPartition());
        PartitionLedger l = partitions.computeIfAbsent(tp, k -> new PartitionLedger());
        l.received(r.originalKafkaOffset());
        return l;
    }

    /**
     * What may be committed of Connect's {@code current} offsets: each owned partition's offset, lowered to its
     * oldest record that is not final yet.
     */
    Map<TopicPartition, OffsetAndMetadata> committable(Map<TopicPartition, OffsetAndMetadata> current) {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        current.forEach((tp, offset) -> {
            PartitionLedger l = partitions.get(tp);
            OptionalLong ours = l == null ? OptionalLong.empty() : l.committable();
            if (ours.isPresent() && ours.getAsLong() < offset.offset()) {
                out.put(tp, new OffsetAndMetadata(ours.getAsLong(), offset.metadata()));
            } else {
                out.put(tp, offset);
            }
        });
        return out;
    }

    void close(Collection<TopicPartition> revoked) {
        for (TopicPartition tp : revoked) {
            PartitionLedger l = partitions.remove(tp);
            if (l != null) {
                l.close();
            }
        }
    }

    int open() {
        return partitions.values().stream().mapToInt(PartitionLedger::openCount).sum();
    }
}

package io.nylassf.connect.sink.nylas.exec;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a sink may commit while some records have not ended (running or queued on the pool, due another attempt,
 * parked for an expired grant): per partition, nothing at or past the oldest such record. Records after it that
 * were written are written again after a restart, which the writer's idempotency makes harmless; the unfinished
 * ones are redelivered.
 */
public final class HeldOffsets {
    private HeldOffsets() {
    }

    public static Map<TopicPartition, OffsetAndMetadata> limit(Map<TopicPartition, OffsetAndMetadata> current,
                                                               Stream<PendingAction> held) {
        return limit(current, held, null);
    }

    /**
     * As {@link #limit(Map, Stream)}, and only for partitions in {@code owned} (null: all of {@code current}): an
     * offset for a partition the task no longer owns would be refused by Connect ("partition not assigned").
     */
    public static Map<TopicPartition, OffsetAndMetadata> limit(Map<TopicPartition, OffsetAndMetadata> current,
                                                               Stream<PendingAction> held,
                                                               Set<TopicPartition> owned) {
        Map<TopicPartition, Long> oldest = new HashMap<>();
        held.forEach(p -> oldest.merge(p.partition(), p.offset(), Math::min));
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>(current);
        if (owned != null) {
            out.keySet().retainAll(owned);
        }
        oldest.forEach((tp, offset) -> {
            OffsetAndMetadata c = out.get(tp);
            if (c != null && offset < c.offset()) {
                out.put(tp, new OffsetAndMetadata(offset, c.metadata()));
            }
        });
        return out;
    }
}

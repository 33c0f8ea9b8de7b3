package io.nylassf.connect.sink.nylas.exec;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a sink may commit while some records still wait (parked for an expired grant, or due another attempt):
 * per partition, nothing at or past the oldest waiting record. Records after it that were written are written
 * again after a restart, which the writer's idempotency makes harmless; the waiting ones are redelivered.
 */
public final class HeldOffsets {
    private HeldOffsets() {
    }

    public static Map<TopicPartition, OffsetAndMetadata> limit(Map<TopicPartition, OffsetAndMetadata> current,
                                                               Stream<PendingAction> held) {
        Map<TopicPartition, Long> oldest = new HashMap<>();
        held.forEach(p -> oldest.merge(p.partition(), p.offset(), Math::min));
        if (oldest.isEmpty()) {
            return current;
        }
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>(current);
        oldest.forEach((tp, offset) -> {
            OffsetAndMetadata c = out.get(tp);
            if (c != null && offset < c.offset()) {
                out.put(tp, new OffsetAndMetadata(offset, c.metadata()));
            }
        });
        return out;
    }
}

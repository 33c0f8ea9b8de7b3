package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.sink.salesforce.accumulate.Accumulator;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Instead of blocking put(), a full buffer pauses the partitions it holds records of; once it is half empty they
 * resume. Task thread only.
 */
final class PartitionBackpressure {
    private static final Logger log = LoggerFactory.getLogger(PartitionBackpressure.class);

    private final int maxBuffered;
    private final Set<TopicPartition> paused = new HashSet<>();

    PartitionBackpressure(int maxBuffered) {
        this.maxBuffered = maxBuffered;
    }

    void apply(Accumulator accumulator, SinkTaskContext context) {
        if (paused.isEmpty() && accumulator.buffered() >= maxBuffered) {
            paused.addAll(accumulator.bufferedPartitions());
            log.info("{} records wait to be written: pausing {} partition(s)", accumulator.buffered(), paused.size());
            context.pause(paused.toArray(new TopicPartition[0]));
        } else if (!paused.isEmpty() && accumulator.buffered() < maxBuffered / 2) {
            context.resume(paused.toArray(new TopicPartition[0]));
            paused.clear();
        }
    }

    /** Revoked partitions are no longer ours to resume. */
    void forget(Collection<TopicPartition> partitions) {
        paused.removeAll(partitions);
    }
}

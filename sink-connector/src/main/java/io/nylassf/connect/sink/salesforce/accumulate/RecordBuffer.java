package io.nylassf.connect.sink.salesforce.accumulate;

import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Records that linger until they make a batch, in arrival order. A batch is due when one topic (one Salesforce
 * object) has a full batch waiting, or when the oldest record that could be written now has waited the linger
 * time. Cutting a batch skips every record whose key is being written (and that key's later records), so one key's
 * versions are written in order, one batch at a time. Used on the task thread only.
 */
final class RecordBuffer {
    private final LinkedList<Pending> records = new LinkedList<>();

    void add(Pending p) {
        records.add(p);
    }

    /** Puts a batch that must be written again back in front, in its original order. */
    void requeue(List<Pending> batch) {
        List<Pending> all = new ArrayList<>(batch);
        all.addAll(records);
        all.sort(Comparator.comparingLong(Pending::seq));
        records.clear();
        records.addAll(all);
    }

    int size() {
        return records.size();
    }

    /**
     * When the next batch is due (epoch millis): now or earlier when a batch is full, {@link Long#MAX_VALUE}
     * when nothing can be written (empty, or every record's key is busy).
     */
    long dueAt(long lingerMs, int maxPerTopic, Predicate<String> busy) {
        Set<String> blocked = new HashSet<>();
        Map<String, Integer> free = new HashMap<>();
        long oldest = Long.MAX_VALUE;
        for (Pending p : records) {
            if (blocked.contains(p.key()) || busy.test(p.key())) {
                blocked.add(p.key());
                continue;
            }
            oldest = Math.min(oldest, p.arrivedMs());
            if (free.merge(p.topic(), 1, Integer::sum) >= maxPerTopic) {
                return Long.MIN_VALUE;
            }
        }
        return oldest == Long.MAX_VALUE ? Long.MAX_VALUE : oldest + lingerMs;
    }

    /** Takes up to {@code maxPerTopic} records of each topic whose keys are not busy, oldest first. */
    List<Pending> cut(int maxPerTopic, Predicate<String> busy) {
        List<Pending> batch = new ArrayList<>();
        Set<String> blocked = new HashSet<>();
        Map<String, Integer> taken = new HashMap<>();
        for (Iterator<Pending> it = records.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (blocked.contains(p.key()) || busy.test(p.key())
                    || taken.getOrDefault(p.topic(), 0) >= maxPerTopic) {
                blocked.add(p.key()); // a key's later versions never overtake the one left behind
                continue;
            }
            taken.merge(p.topic(), 1, Integer::sum);
            batch.add(p);
            it.remove();
        }
        return batch;
    }

    /** Forgets the records of revoked partitions: uncommitted, they are read again by the partition's next owner. */
    int drop(Collection<TopicPartition> revoked) {
        int before = records.size();
        records.removeIf(p -> revoked.contains(new TopicPartition(p.record().originalTopic(),
                p.record().originalKafkaPartition())));
        return before - records.size();
    }

    /** The partitions that have records here (for pausing them when the buffer is full). */
    Set<TopicPartition> partitions() {
        Set<TopicPartition> out = new HashSet<>();
        // the consumer's partitions: as read, before any transform renamed the topic
        records.forEach(p -> out.add(new TopicPartition(p.record().originalTopic(),
                p.record().originalKafkaPartition())));
        return out;
    }
}

package io.nylassf.connect.sink.salesforce.accumulate;

import org.apache.kafka.connect.sink.SinkRecord;

/**
 * A record waiting to be written, or being written: its ordering key, its arrival order and time, and the
 * ledger of the partition it came from (the ledger of that assignment: a revoked partition's records never
 * mark offsets of a later assignment).
 */
record Pending(SinkRecord record, String key, long seq, long arrivedMs, PartitionLedger ledger) {

    /**
     * Records with the same key are written in order, one batch at a time. The Nylas source keys every record by
     * its object, so the Kafka key is that identity; a record without a key is ordered with its whole partition.
     */
    static String keyOf(SinkRecord r) {
        return r.key() != null ? r.topic() + "/" + r.key()
                : r.topic() + "#" + r.kafkaPartition();
    }

    String topic() {
        return record.topic();
    }
}

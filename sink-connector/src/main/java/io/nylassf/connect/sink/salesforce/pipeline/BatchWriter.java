package io.nylassf.connect.sink.salesforce.pipeline;

import org.apache.kafka.connect.sink.SinkRecord;

import java.util.List;

/**
 * Writes one batch of sink records to Salesforce and says what became of each. The task's accumulator calls it
 * from several threads at once, with batches whose record keys never overlap, so an implementation keeps no
 * per-batch state in fields.
 */
public interface BatchWriter {
    /**
     * Writes the batch; every write is idempotent (external IDs, last-write-wins), so writing it again after a
     * {@link BatchResult#retry()} does no harm.
     *
     * @throws io.nylassf.connect.common.http.ApiException for a failure that is neither a record's fault nor
     *         transient (credentials, a setting naming a field the org lacks): the task stops
     */
    BatchResult write(List<SinkRecord> records);
}

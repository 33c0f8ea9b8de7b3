package io.nylassf.connect.source.salesforce.mapping;

import io.nylassf.connect.common.schema.SalesforceSchemas;
import io.nylassf.connect.source.salesforce.offset.ObjectOffset;
import org.apache.kafka.connect.source.SourceRecord;

import java.time.Instant;
import java.util.Map;

/** Turns a row into the record written to {@code <prefix>.<object>}, with the offset it reaches. */
public final class ChangeRecordMapper {
    private final String topicPrefix;

    public ChangeRecordMapper(String topicPrefix) {
        this.topicPrefix = topicPrefix;
    }

    public SourceRecord toRecord(ChangeRow row, boolean ownChange, Instant observedAt) {
        ObjectOffset offset = new ObjectOffset(row.systemModstamp(), row.id());
        return toRecord(row, ownChange, observedAt, SalesforceSchemas.VIA_SOQL, ObjectOffset.partition(row.sobject()),
                offset.toMap());
    }

    /**
     * A row a reconciliation re-read (observed_via {@code reconcile}), with the reconciliation's partition and
     * offset (both null: the row moves no position).
     */
    public SourceRecord toReconciled(ChangeRow row, boolean ownChange, Instant observedAt, Map<String, ?> partition,
                                     Map<String, ?> offset) {
        return toRecord(row, ownChange, observedAt, SalesforceSchemas.VIA_RECONCILE, partition, offset);
    }

    private SourceRecord toRecord(ChangeRow row, boolean ownChange, Instant observedAt, String via,
                                  Map<String, ?> partition, Map<String, ?> offset) {
        return new SourceRecord(partition, offset,
                SalesforceSchemas.topic(topicPrefix, row.sobject()), null,
                SalesforceSchemas.KEY, SalesforceSchemas.key(row.sobject(), row.id()),
                SalesforceSchemas.RECORD, SalesforceSchemas.record(row.sobject(), row.id(), row.changeType(),
                        row.systemModstamp(), row.lastModifiedById(), row.ownerId(), null, ownChange, row.fields(),
                        via, observedAt),
                row.systemModstamp().toEpochMilli());
    }
}

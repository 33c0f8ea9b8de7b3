package io.nylassf.connect.source.salesforce.mapping;

import io.nylassf.connect.common.schema.SalesforceSchemas;
import io.nylassf.connect.source.salesforce.offset.ObjectOffset;
import org.apache.kafka.connect.source.SourceRecord;

import java.time.Instant;

/** Turns a row into the record written to {@code <prefix>.<object>}, with the offset it reaches. */
public final class ChangeRecordMapper {
    private final String topicPrefix;

    public ChangeRecordMapper(String topicPrefix) {
        this.topicPrefix = topicPrefix;
    }

    public SourceRecord toRecord(ChangeRow row, boolean ownChange, Instant observedAt) {
        ObjectOffset offset = new ObjectOffset(row.systemModstamp(), row.id());
        return new SourceRecord(ObjectOffset.partition(row.sobject()), offset.toMap(),
                SalesforceSchemas.topic(topicPrefix, row.sobject()), null,
                SalesforceSchemas.KEY, SalesforceSchemas.key(row.sobject(), row.id()),
                SalesforceSchemas.RECORD, SalesforceSchemas.record(row.sobject(), row.id(), row.changeType(),
                        row.systemModstamp(), row.lastModifiedById(), row.ownerId(), null, ownChange, row.fields(),
                        SalesforceSchemas.VIA_SOQL, observedAt),
                row.systemModstamp().toEpochMilli());
    }
}

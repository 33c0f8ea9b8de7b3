package io.nylassf.connect.source.salesforce.mapping;

import io.nylassf.connect.common.schema.SalesforceSchemas;
import io.nylassf.connect.source.salesforce.offset.ObjectOffset;
import org.apache.kafka.connect.source.SourceRecord;

import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Turns a row into the record written to {@code <prefix>.<object>}, with the offset it reaches. A row the
 * integration user created is marked ({@link SalesforceSchemas#CREATED_BY_INTEGRATION}) so the Nylas sink can tell
 * this plugin's own mirrors (a meeting synced from a rep's calendar) from records another user created.
 */
public final class ChangeRecordMapper {
    private final String topicPrefix;
    private final Predicate<String> integrationUser;

    public ChangeRecordMapper(String topicPrefix) {
        this(topicPrefix, id -> false);
    }

    /** @param integrationUser whether a User ID is one of the source's integration users */
    public ChangeRecordMapper(String topicPrefix, Predicate<String> integrationUser) {
        this.topicPrefix = topicPrefix;
        this.integrationUser = integrationUser;
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
        String creator = row.fields().get("CreatedById");
        if (creator != null && integrationUser.test(creator)) {
            row = row.with(SalesforceSchemas.CREATED_BY_INTEGRATION, "true");
        }
        return new SourceRecord(partition, offset,
                SalesforceSchemas.topic(topicPrefix, row.sobject()), null,
                SalesforceSchemas.KEY, SalesforceSchemas.key(row.sobject(), row.id()),
                SalesforceSchemas.RECORD, SalesforceSchemas.record(row.sobject(), row.id(), row.changeType(),
                        row.systemModstamp(), row.lastModifiedById(), row.ownerId(), null, ownChange, row.fields(),
                        via, observedAt),
                row.systemModstamp().toEpochMilli());
    }
}

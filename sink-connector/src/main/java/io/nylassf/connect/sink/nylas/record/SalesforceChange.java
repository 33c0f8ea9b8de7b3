package io.nylassf.connect.sink.nylas.record;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;

/**
 * One change of one Salesforce record, whatever shape it arrived in.
 *
 * @param version     the record's version: SystemModstamp (or CDC commitTimestamp) in epoch milliseconds
 * @param ownChange   made by this integration (marked by the source, or a CDC changeOrigin with our client ID)
 * @param fields      field API name (relationship paths dotted) → value as text; partial for CDC updates
 * @param partial     only changed fields are present (a CDC UPDATE): absent fields are unknown, not empty
 */
public record SalesforceChange(String sobject, String id, String changeType, long version, String lastModifiedById,
                               String ownerId, String originClient, boolean ownChange, Map<String, String> fields,
                               boolean partial, String via) {
    public SalesforceChange {
        fields = Collections.unmodifiableMap(fields);
    }

    public String field(String name) {
        String v = fields.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    public boolean deleted() {
        return "deleted".equals(changeType);
    }

    public Instant versionInstant() {
        return Instant.ofEpochMilli(version);
    }

    /** Kafka key for ordering: one record's actions run one after the other. */
    public String recordKey() {
        return sobject + ":" + id;
    }
}

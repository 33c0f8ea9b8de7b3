package io.nylassf.connect.source.nylas.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.connect.common.schema.NylasSchemas;
import io.nylassf.connect.source.nylas.offset.ObjectStream;
import io.nylassf.connect.source.nylas.offset.SourceOffset;
import io.nylassf.connect.source.nylas.offset.StreamPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the {@link SourceRecord}s: topic per object type, key = (grant, object, id) so one object's changes stay
 * in one partition, value per {@link RecordMapper}, and the source partition and offset for windowed records
 * (webhook and status records carry none: they are not positions in a stream).
 */
public final class RecordFactory {
    private final Topics topics;
    private final RecordMapper mapper;
    private final Clock clock;
    private final Function<String, String> grantEmails;

    public RecordFactory(Topics topics, RecordMapper mapper, Clock clock) {
        this(topics, mapper, clock, grant -> null);
    }

    /** @param grantEmails a grant's email address, or null when unknown (the records then go without it) */
    public RecordFactory(Topics topics, RecordMapper mapper, Clock clock, Function<String, String> grantEmails) {
        this.topics = topics;
        this.mapper = mapper;
        this.clock = clock;
        this.grantEmails = grantEmails;
    }

    public RecordMapper mapper() {
        return mapper;
    }

    public Topics topics() {
        return topics;
    }

    public Instant now() {
        return clock.instant();
    }

    /** A created or updated message or event read by a window or a notification (its own time orders it). */
    public SourceRecord object(ObjectStream stream, JsonNode json, String changeType, String via,
                               StreamPartition partition, SourceOffset offset) {
        Instant now = now();
        Struct value = switch (stream) {
            case MESSAGES -> mapper.message(json, changeType, via, now);
            case EVENTS -> mapper.event(json, changeType, via, now);
            case CONTACTS -> throw new IllegalArgumentException("a contact carries no modified time: use contact()");
        };
        return build(stream, value.getString("grant_id"), value.getString("id"), value, partition, offset);
    }

    /** A created or updated contact, changed at {@code changedAt} as far as the reader can tell (null: unknown). */
    public SourceRecord contact(JsonNode json, String changeType, Instant changedAt, String via,
                                StreamPartition partition, SourceOffset offset) {
        Struct value = mapper.contact(json, changeType, changedAt, via, now());
        return build(ObjectStream.CONTACTS, value.getString("grant_id"), value.getString("id"), value, partition,
                offset);
    }

    /** A delete: identity and envelope only. */
    public SourceRecord deleted(ObjectStream stream, String grantId, String calendarId, String id,
                                Instant modifiedAt, String via, StreamPartition partition, SourceOffset offset) {
        Instant now = now();
        Struct value = switch (stream) {
            case MESSAGES -> mapper.messageDeleted(grantId, id, modifiedAt, via, now);
            case EVENTS -> mapper.eventDeleted(grantId, calendarId, id, modifiedAt, via, now);
            case CONTACTS -> mapper.contactDeleted(grantId, id, modifiedAt, via, now);
        };
        return build(stream, grantId, id, value, partition, offset);
    }

    public SourceRecord grantStatus(String grantId, String status, String email, String provider, String reason,
                                    String via) {
        // a status a read found carries no email: the grant's known one lets the Salesforce sink find its rep
        Struct value = mapper.grantStatus(grantId, status, email != null ? email : grantEmails.apply(grantId),
                provider, reason, via, now());
        return new SourceRecord(null, null, topics.grants(), null, NylasSchemas.KEY,
                mapper.key(grantId, "grant", grantId), NylasSchemas.GRANT_STATUS, value, clock.millis());
    }

    private SourceRecord build(ObjectStream stream, String grantId, String id, Struct value,
                               StreamPartition partition, SourceOffset offset) {
        String email = grantId == null ? null : grantEmails.apply(grantId);
        if (email != null) {
            value.put(NylasSchemas.GRANT_EMAIL, email); // whose mailbox: the sinks find the owner by it
        }
        Schema schema = value.schema();
        Map<String, ?> p = partition == null ? null : partition.toMap();
        Map<String, ?> o = offset == null ? null : offset.toMap();
        return new SourceRecord(p, o, topics.of(stream), null, NylasSchemas.KEY,
                mapper.key(grantId, stream.objectName(), id), schema, value, clock.millis());
    }
}

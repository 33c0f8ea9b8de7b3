package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.sink.salesforce.pipeline.BatchResult.DeadLetter;
import io.nylassf.connect.sink.salesforce.record.NylasContact;
import io.nylassf.connect.sink.salesforce.record.NylasGrantStatus;
import io.nylassf.connect.sink.salesforce.record.NylasRecord;
import io.nylassf.connect.sink.salesforce.record.NylasMessage;
import io.nylassf.connect.sink.salesforce.record.NylasRecordDecoder;
import io.nylassf.connect.common.schema.NylasSchemas;
import io.nylassf.connect.sink.record.Fields;
import io.nylassf.connect.sink.record.RecordDecodeException;
import org.apache.kafka.connect.sink.SinkRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decodes a batch and keeps one item per object: the newest {@code modified_at}, later offsets winning ties. */
final class BatchDecoder {
    private final NylasRecordDecoder decoder = new NylasRecordDecoder();

    Decoded decode(List<SinkRecord> records) {
        List<DeadLetter> unreadable = new ArrayList<>();
        Map<String, Item> newest = new LinkedHashMap<>();
        long skipped = 0;
        long conflicts = 0;
        for (SinkRecord r : records) {
            Item i;
            try {
                NylasRecord obj = decoder.decode(r);
                i = new Item(r, obj, obj instanceof NylasGrantStatus g ? g.email() : grantEmail(r));
            } catch (RecordDecodeException e) {
                unreadable.add(new DeadLetter(r, e.getMessage()));
                continue;
            } catch (RuntimeException e) {
                unreadable.add(new DeadLetter(r, "UNREADABLE_RECORD: " + e));
                continue;
            }
            Item prev = newest.get(i.key());
            if (prev != null) {
                skipped++;
            }
            if (prev == null || !isOlder(i.obj().modifiedAt(), prev.obj().modifiedAt())) {
                newest.put(i.key(), i);
            } else {
                conflicts++;
            }
        }
        List<Item> contacts = new ArrayList<>();
        List<Item> messages = new ArrayList<>();
        List<Item> events = new ArrayList<>();
        List<Item> grants = new ArrayList<>();
        for (Item i : newest.values()) {
            (i.obj() instanceof NylasContact ? contacts : i.obj() instanceof NylasMessage ? messages
                    : i.obj() instanceof NylasGrantStatus ? grants : events).add(i);
        }
        return new Decoded(contacts, messages, events, unreadable,
                Tally.skipped(skipped).plus(Tally.conflicts(conflicts)), grants);
    }

    /** The record's {@code grant_email}, lower case; null when it has none (older records, unknown grants). */
    static String grantEmail(SinkRecord r) {
        Fields v = Fields.of(r.value());
        String e = v == null ? null : v.str(NylasSchemas.GRANT_EMAIL);
        return e == null || e.isBlank() ? null : e.trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean isOlder(Instant candidate, Instant current) {
        return candidate != null && current != null && candidate.isBefore(current);
    }
}

package io.nylassf.connect.source.nylas.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.connect.common.nylas.Contact;
import io.nylassf.connect.common.nylas.ListQuery;
import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.common.nylas.Page;
import io.nylassf.connect.common.schema.NylasSchemas;
import io.nylassf.connect.source.nylas.mapping.RecordFactory;
import io.nylassf.connect.source.nylas.offset.ObjectStream;
import io.nylassf.connect.source.nylas.offset.SourceOffset;
import io.nylassf.connect.source.nylas.offset.StreamPartition;
import org.apache.kafka.connect.source.SourceRecord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Contacts have no modified-time filter, so each scan pages through all of a grant's contacts (one page per step)
 * and compares each one's fingerprint with the previous scan's: new ones are written as created, changed ones as
 * updated, and at the end of the scan the ones that disappeared as deleted. The first scan after a task starts
 * has no previous scan to compare with and writes every contact (as updated, with no modified time): sinks upsert
 * on the contact id, so this is a re-send, never a duplicate object. A later scan's changes carry the time of the
 * page that showed them as their modified time (Nylas documents none for contacts).
 */
public final class ContactScanReader extends PacedReader {
    private final NylasClient client;
    private final RecordFactory records;
    private final int pageSize;

    private Map<String, Long> previous;
    private Map<String, Long> current;
    private String pageToken;
    private boolean scanning;
    private long scanStartedSeconds;

    public ContactScanReader(StreamPartition partition, NylasClient client, RecordFactory records, int pageSize,
                             long scanIntervalMs) {
        this(partition, client, records, pageSize, ReadPace.fixed(scanIntervalMs));
    }

    /** @param pace how long to wait between two scans (the backstop's pace) */
    public ContactScanReader(StreamPartition partition, NylasClient client, RecordFactory records, int pageSize,
                             ReadPace pace) {
        super(partition, pace);
        this.client = client;
        this.records = records;
        this.pageSize = pageSize;
    }

    @Override
    public void restartWindow() {
        scanning = false;
        pageToken = null;
        current = null;
    }

    @Override
    public List<SourceRecord> step(long nowMs, int maxRecords) {
        if (!scanning) {
            scanning = true;
            pageToken = null;
            current = new HashMap<>();
            scanStartedSeconds = nowMs / 1000;
        }
        Page<Contact> page = client.listContacts(partition.grantId(),
                ListQuery.limit(pageSize).pageToken(pageToken));
        // Nylas documents no modified time for contacts: a change found by comparing scans happened before this
        // page was read; a first scan's re-send has no known time
        Instant seen = previous == null ? null : records.now();
        SourceOffset offset = SourceOffset.from(scanStartedSeconds);
        List<SourceRecord> out = new ArrayList<>();
        for (Contact c : page.data()) {
            String id = c.id();
            if (id == null) {
                continue;
            }
            long fingerprint = fingerprint(c.json());
            current.put(id, fingerprint);
            Long before = previous == null ? null : previous.get(id);
            if (before != null && before == fingerprint) {
                continue;
            }
            String change = previous != null && before == null ? NylasSchemas.CREATED : NylasSchemas.UPDATED;
            out.add(records.contact(c.json(), change, seen, NylasSchemas.VIA_WINDOW, partition, offset));
        }
        if (!page.isLast()) {
            pageToken = page.nextCursor();
            dueNow();
            return out;
        }
        if (previous != null) {
            for (String gone : previous.keySet()) {
                if (!current.containsKey(gone)) {
                    out.add(records.deleted(ObjectStream.CONTACTS, partition.grantId(), null, gone,
                            records.now(), NylasSchemas.VIA_WINDOW, partition, offset));
                }
            }
        }
        previous = current;
        restartWindow();
        if (!out.isEmpty()) {
            activity(nowMs);
        }
        waitForNextRead(nowMs);
        return out;
    }

    /** Content fingerprint: the first 8 bytes of SHA-256 over the JSON as served. */
    static long fingerprint(JsonNode contact) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(contact.toString().getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = v << 8 | (d[i] & 0xff);
            }
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

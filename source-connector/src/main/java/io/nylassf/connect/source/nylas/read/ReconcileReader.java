package io.nylassf.connect.source.nylas.read;

import io.nylassf.connect.common.nylas.Contact;
import io.nylassf.connect.common.nylas.ListQuery;
import io.nylassf.connect.source.nylas.mail.MailPolicy;
import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.common.nylas.NylasObject;
import io.nylassf.connect.common.nylas.Page;
import io.nylassf.connect.common.schema.NylasSchemas;
import io.nylassf.connect.source.nylas.mapping.RecordFactory;
import io.nylassf.connect.source.nylas.offset.ObjectStream;
import io.nylassf.connect.source.nylas.offset.ReconcileOffset;
import io.nylassf.connect.source.nylas.offset.StreamPartition;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A grant's scheduled reconciliation: once per interval, reads the grant's messages (by {@code date}) and events
 * (by {@code updated_at}) of the last {@code lookbackDays} days and all its contacts again, one page per step like
 * every reader (so the {@link ReadScheduler}'s per-grant turns, backoff and Retry-After pace it too), and re-emits
 * each object with observed_via {@code reconcile}. The sinks write only what is missing or differs. What a lost
 * webhook or a late provider sync left behind is repaired this way, above all a message whose {@code date} is older
 * than its window's watermark, which no window reads again.
 *
 * <p>Each grant's run falls at a stable point of the interval (its id's hash), so many grants never reconcile at
 * once. The last record of a run carries the offset {@code last_run = run start}; the run's other records carry the
 * previous one, so a restart in the middle of a run does the run again and a restart after it waits for the next.
 */
public final class ReconcileReader implements StreamReader {
    private static final Logger log = LoggerFactory.getLogger(ReconcileReader.class);
    private static final long DAY_SECONDS = 86_400L;

    /** What a run came to, for metrics. */
    public interface Listener {
        void reconciled(String grantId, long records, long calls);
    }

    /** One object list a run reads: messages, one calendar's events, or contacts. */
    private record Pass(ObjectStream stream, WindowSource source) {
    }

    private final StreamPartition partition;
    private final NylasClient client;
    private final RecordFactory records;
    private final List<Pass> passes = new ArrayList<>();
    private final int pageSize;
    private final long intervalMs;
    private final long lookbackSeconds;
    private final long lagMs;
    private final Listener listener;
    private final Map<String, ?> sourcePartition;

    private Long lastRunSeconds;
    private long readyAt;
    private boolean running;
    private int pass;
    private String pageToken;
    private long runStart;
    private long from;
    private long to;
    private long runRecords;
    private long runCalls;
    /** The run's latest record, held back so the run's last record can carry the run's offset. */
    private SourceRecord held;

    /**
     * @param objects   the object types the connector reads
     * @param lastRun   the stored offset, or null when the grant was never reconciled
     * @param startedMs when the task started: a grant never reconciled runs at its point of the interval after it
     */
    public ReconcileReader(String grantId, List<ObjectStream> objects, List<String> calendarIds, NylasClient client,
                           RecordFactory records, int pageSize, long intervalMs, int lookbackDays, long lagMs,
                           ReconcileOffset lastRun, long startedMs, Listener listener) {
        this(grantId, objects, calendarIds, client, records, pageSize, intervalMs, lookbackDays, lagMs, lastRun,
                startedMs, listener, MailPolicy.NONE);
    }

    /** @param mail which messages stay out of Kafka (skipped folders) and whether headers are read */
    public ReconcileReader(String grantId, List<ObjectStream> objects, List<String> calendarIds, NylasClient client,
                           RecordFactory records, int pageSize, long intervalMs, int lookbackDays, long lagMs,
                           ReconcileOffset lastRun, long startedMs, Listener listener, MailPolicy mail) {
        this(grantId, objects, calendarIds, client, records, pageSize, intervalMs, lookbackDays, lagMs, lastRun,
                startedMs, listener, mail, EventRange.defaults());
    }

    /**
     * @param mail        which messages stay out of Kafka (skipped folders) and whether headers are read
     * @param eventRange  the event times the events passes ask for (Nylas defaults to the next month otherwise)
     */
    public ReconcileReader(String grantId, List<ObjectStream> objects, List<String> calendarIds, NylasClient client,
                           RecordFactory records, int pageSize, long intervalMs, int lookbackDays, long lagMs,
                           ReconcileOffset lastRun, long startedMs, Listener listener, MailPolicy mail,
                           EventRange eventRange) {
        this.partition = StreamPartition.messages(grantId);
        this.client = client;
        this.records = records;
        this.pageSize = pageSize;
        this.intervalMs = intervalMs;
        this.lookbackSeconds = lookbackDays * DAY_SECONDS;
        this.lagMs = lagMs;
        this.listener = listener;
        this.sourcePartition = ReconcileOffset.partition(grantId);
        for (ObjectStream s : objects) {
            switch (s) {
                case MESSAGES -> passes.add(new Pass(s, WindowSource.messages(client, grantId, mail)));
                case EVENTS -> calendarIds.forEach(c -> passes.add(new Pass(s,
                        WindowSource.events(client, grantId, c, eventRange))));
                case CONTACTS -> passes.add(new Pass(s, null));
            }
        }
        this.lastRunSeconds = lastRun == null ? null : lastRun.lastRunSeconds();
        this.readyAt = lastRun != null ? lastRun.lastRunSeconds() * 1000 + intervalMs
                : startedMs + phaseMs(grantId, intervalMs);
    }

    /** The grant's stable point within the interval: spreads the grants' runs evenly over it. */
    static long phaseMs(String grantId, long intervalMs) {
        long h = grantId.hashCode() * 0x9E3779B97F4A7C15L;
        return Math.floorMod(h ^ (h >>> 29), intervalMs);
    }

    /** The grant's messages partition: reconciliation shares the grant's turns in the scheduler. */
    @Override
    public StreamPartition partition() {
        return partition;
    }

    @Override
    public long readyAt() {
        return readyAt;
    }

    @Override
    public void restartWindow() {
        pageToken = null; // the page token was refused: read the current list again from its start
    }

    /** Reconciliation keeps its own schedule whatever the backstop does. */
    @Override
    public void waitAtMost(long nowMs, long waitMs) {
    }

    @Override
    public List<SourceRecord> step(long nowMs, int maxRecords) {
        if (passes.isEmpty()) {
            readyAt = Long.MAX_VALUE;
            return List.of();
        }
        if (!running) {
            running = true;
            pass = 0;
            pageToken = null;
            runStart = nowMs / 1000;
            from = runStart - lookbackSeconds;
            to = Math.floorDiv(nowMs - lagMs, 1000L);
            runRecords = 0;
            runCalls = 0;
            log.info("Grant {}: reconciling the last {} day(s)", partition.grantId(), lookbackSeconds / DAY_SECONDS);
        }
        Pass p = passes.get(pass);
        List<SourceRecord> out = new ArrayList<>();
        String next;
        runCalls++;
        if (p.stream() == ObjectStream.CONTACTS) {
            Page<Contact> page = client.listContacts(partition.grantId(), ListQuery.limit(pageSize).pageToken(pageToken));
            for (Contact c : page.data()) {
                if (c.id() != null) {
                    hold(records.contact(c.json(), NylasSchemas.UPDATED, null, NylasSchemas.VIA_RECONCILE, null, null),
                            out);
                }
            }
            next = page.isLast() ? null : page.nextCursor();
        } else {
            // like a window: ask from a second earlier (the bounds' inclusiveness is undocumented) and filter
            Page<? extends NylasObject> page = p.source().page(from - 1, to, pageToken, pageSize);
            for (NylasObject o : page.data()) {
                Long time = p.source().time(o.json());
                if (o.id() != null && time != null && time >= from && time < to) {
                    hold(records.object(p.stream(), o.json(), p.source().changeType(o.json()),
                            NylasSchemas.VIA_RECONCILE, null, null), out);
                }
            }
            next = page.isLast() ? null : page.nextCursor();
        }
        if (next != null) {
            pageToken = next;
        } else if (++pass < passes.size()) {
            pageToken = null;
        } else {
            finish(nowMs, out);
        }
        return out;
    }

    private void hold(SourceRecord r, List<SourceRecord> out) {
        runRecords++;
        if (held != null) {
            out.add(withOffset(held, lastRunSeconds == null ? null : new ReconcileOffset(lastRunSeconds)));
        }
        held = r;
    }

    private void finish(long nowMs, List<SourceRecord> out) {
        if (held != null) {
            out.add(withOffset(held, new ReconcileOffset(runStart)));
            held = null;
        }
        running = false;
        lastRunSeconds = runStart;
        readyAt = nowMs + intervalMs;
        log.info("Grant {}: reconciliation re-emitted {} object(s) in {} call(s)", partition.grantId(), runRecords,
                runCalls);
        listener.reconciled(partition.grantId(), runRecords, runCalls);
    }

    /** With no run stored yet, no partition either: a null offset under a partition would erase it. */
    private SourceRecord withOffset(SourceRecord r, ReconcileOffset offset) {
        return new SourceRecord(offset == null ? null : sourcePartition, offset == null ? null : offset.toMap(),
                r.topic(), r.kafkaPartition(),
                r.keySchema(), r.key(), r.valueSchema(), r.value(), r.timestamp());
    }
}

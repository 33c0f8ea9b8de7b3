package io.nylassf.connect.source.nylas.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.connect.common.nylas.NylasObject;
import io.nylassf.connect.common.nylas.Page;
import io.nylassf.connect.common.schema.NylasSchemas;
import io.nylassf.connect.source.nylas.mapping.RecordFactory;
import io.nylassf.connect.source.nylas.offset.SourceOffset;
import io.nylassf.connect.source.nylas.offset.StreamPartition;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * Reads one stream (a grant's messages, or one calendar's events) in time windows {@code [start, end)} with
 * {@code end <= now - lag}. Nylas lists newest first, so a window is read whole (following {@code next_cursor},
 * one page per step) into a buffer, then sorted oldest first by {@code (time, id)} and handed out with, on each
 * record, the offset {@code (time, id)} of that record. A restart therefore resumes at the last written record:
 * the window {@code [watermark, ...)} is read again and everything at or before {@code (watermark, last_id)} is
 * skipped. No gap (nothing after the offset was written before it) and no duplicate (nothing at or before it is
 * written again). A window that finds more than {@code maxWindowRecords} objects is halved and read again, so
 * memory stays bounded.
 *
 * <p>Nylas does not document whether {@code *_after} and {@code *_before} include an object stamped exactly on
 * them. So each window asks from {@link #OVERLAP_SECONDS} before its start (a strict {@code after} still returns
 * the start second; an inclusive one returns a second that the previous window read, which the offset skips)
 * and keeps only what is before its end (an inclusive {@code before} returns the end second too; the next window
 * reads it). Nothing on a boundary is lost or handed out twice under either reading.
 */
public final class WindowReader extends PacedReader {
    private static final Logger log = LoggerFactory.getLogger(WindowReader.class);
    /** How far each window reaches back into the previous one. */
    static final long OVERLAP_SECONDS = 1;
    private static final Comparator<Item> ORDER = Comparator.comparingLong(Item::time).thenComparing(Item::id);

    private record Item(long time, String id, JsonNode json) {
    }

    /** Reading tunables, in seconds unless named otherwise. */
    public record Settings(int pageSize, long lagMs, long maxWindowSeconds, int maxWindowRecords, long pollIntervalMs) {
    }

    private final WindowSource source;
    private final RecordFactory records;
    private final Settings settings;

    /** Everything at or before this position has been handed out (null: nothing yet). */
    private SourceOffset position;
    private long windowStart;
    private long windowEnd = -1;
    private long span;
    private String pageToken;
    /** Epoch s of the first step: what changed before it was announced to no one, so it is read at the short pace. */
    private long firstStepSeconds = -1;
    private final Map<String, Item> buffer = new LinkedHashMap<>();
    private final Deque<SourceRecord> ready = new ArrayDeque<>();

    /**
     * @param resumeFrom the committed offset, or null to start at {@code initialStart}
     */
    public WindowReader(StreamPartition partition, WindowSource source, RecordFactory records, Settings settings,
                        SourceOffset resumeFrom, long initialStart) {
        this(partition, source, records, settings, ReadPace.fixed(settings.pollIntervalMs()), resumeFrom,
                initialStart);
    }

    /**
     * @param pace how long to wait once caught up (the backstop's pace)
     * @param resumeFrom the committed offset, or null to start at {@code initialStart}
     */
    public WindowReader(StreamPartition partition, WindowSource source, RecordFactory records, Settings settings,
                        ReadPace pace, SourceOffset resumeFrom, long initialStart) {
        super(partition, pace);
        this.source = source;
        this.records = records;
        this.settings = settings;
        this.position = resumeFrom;
        this.windowStart = resumeFrom != null ? resumeFrom.watermark() : initialStart;
        this.span = settings.maxWindowSeconds();
    }

    @Override
    public long readyAt() {
        return ready.isEmpty() ? super.readyAt() : 0;
    }

    /** The position handed out so far (for tests and metrics). */
    public SourceOffset position() {
        return position;
    }

    public long windowStart() {
        return windowStart;
    }

    @Override
    public void restartWindow() {
        windowEnd = -1;
        pageToken = null;
        buffer.clear();
    }

    @Override
    public List<SourceRecord> step(long nowMs, int maxRecords) {
        if (firstStepSeconds < 0) {
            firstStepSeconds = nowMs / 1000;
        }
        if (!ready.isEmpty()) {
            return drain(maxRecords);
        }
        if (windowEnd < 0) {
            long edge = Math.floorDiv(nowMs - settings.lagMs(), 1000L);
            long end = Math.min(windowStart + span, edge);
            if (end <= windowStart) {
                waitAtEdge(nowMs);
                return List.of();
            }
            windowEnd = end;
            pageToken = null;
            buffer.clear();
        }
        Page<? extends NylasObject> page = source.page(windowStart - OVERLAP_SECONDS, windowEnd, pageToken,
                settings.pageSize());
        long lowest = position == null ? windowStart : windowStart - OVERLAP_SECONDS;
        for (NylasObject o : page.data()) {
            Long time = source.time(o.json());
            String id = o.id();
            if (time == null || id == null) {
                log.warn("{}: skipping an object without id or time", partition);
                continue;
            }
            if (time >= lowest && time < windowEnd) {
                buffer.put(id, new Item(time, id, o.json()));
            }
        }
        if (buffer.size() > settings.maxWindowRecords() && windowEnd - windowStart > 1) {
            span = Math.max(1, (windowEnd - windowStart) / 2);
            log.info("{}: window [{}, {}) holds more than {} objects; halving it to {} s", partition, windowStart,
                    windowEnd, settings.maxWindowRecords(), span);
            restartWindow();
            dueNow();
            return List.of();
        }
        if (!page.isLast()) {
            pageToken = page.nextCursor();
            dueNow();
            return List.of();
        }
        finishWindow(nowMs);
        return drain(maxRecords);
    }

    private void finishWindow(long nowMs) {
        List<Item> items = new ArrayList<>(buffer.values());
        items.sort(ORDER);
        Set<String> skipped = new HashSet<>();
        for (Item item : items) {
            if (source.skip(item.json())) { // before any state changes: a failure here re-reads the last page
                skipped.add(item.id());
            }
        }
        for (Item item : items) {
            if (position != null && !position.precedes(item.time(), item.id())) {
                continue; // written before the restart
            }
            SourceOffset offset = new SourceOffset(item.time(), item.id());
            if (!skipped.contains(item.id())) {
                ready.add(records.object(partition.stream(), item.json(), source.changeType(item.json()),
                        NylasSchemas.VIA_WINDOW, partition, offset));
            }
            position = offset;
        }
        if (!items.isEmpty()) {
            activity(nowMs);
        }
        if (!items.isEmpty() || log.isDebugEnabled()) {
            log.debug("{}: window [{}, {}) read, {} object(s)", partition, windowStart, windowEnd, items.size());
        }
        if (items.size() < settings.maxWindowRecords() / 4 && span < settings.maxWindowSeconds()) {
            span = Math.min(settings.maxWindowSeconds(), span * 2);
        }
        windowStart = windowEnd;
        restartWindow();
        long edge = Math.floorDiv(nowMs - settings.lagMs(), 1000L);
        if (windowStart < edge) {
            dueNow();
        } else {
            waitAtEdge(nowMs);
        }
    }

    /**
     * At the lag edge: until the windows have passed the first step, the seconds left are a backlog no webhook
     * announced to this task (a backfill's tail, or a restart's), read after the short wait; then the pace decides.
     */
    private void waitAtEdge(long nowMs) {
        if (windowStart < firstStepSeconds) {
            waitAfterCatchingUp(nowMs);
        } else {
            waitForNextRead(nowMs);
        }
    }

    private List<SourceRecord> drain(int max) {
        List<SourceRecord> out = new ArrayList<>(Math.min(max, ready.size()));
        while (out.size() < max && !ready.isEmpty()) {
            out.add(ready.poll());
        }
        return out;
    }
}

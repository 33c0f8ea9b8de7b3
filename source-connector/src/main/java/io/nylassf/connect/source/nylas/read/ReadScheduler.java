package io.nylassf.connect.source.nylas.read;

import io.nylassf.connect.common.http.ApiException;
import io.nylassf.connect.common.http.Backoff;
import io.nylassf.connect.common.nylas.NylasApiException;
import io.nylassf.connect.common.schema.NylasSchemas;
import io.nylassf.connect.source.nylas.mapping.RecordFactory;
import io.nylassf.connect.source.nylas.offset.ObjectStream;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Drives a task's {@link StreamReader}s round-robin, one step each per pass, with per-grant state:
 * <ul>
 *   <li>a rate-limited or transient failure puts only that grant behind a backoff deadline (Retry-After wins);</li>
 *   <li>a 401 for the grant (expired or revoked) or a 404 (unknown grant) pauses it and writes a status record;
 *   it is tried again every {@code recheckInterval} (or at once after a {@code grant.updated} notification) and
 *   a status record says when it is valid again;</li>
 *   <li>a 401 for the API key fails the task with a clear message: no grant can be read.</li>
 * </ul>
 * Nothing here sleeps; the task waits for {@link #nextReadyAt()} instead.
 */
public final class ReadScheduler {
    private static final Logger log = LoggerFactory.getLogger(ReadScheduler.class);

    /** Listener for metrics: grants pausing and resuming. */
    public interface Listener {
        void grantPaused(String grantId);

        void grantResumed(String grantId);

        void recordsRead(int n);

        /** A read failed transiently; it is tried again after a backoff. */
        default void readRetried() {
        }
    }

    private static final class GrantState {
        final String grantId;
        final List<StreamReader> readers = new ArrayList<>();
        int next;
        long blockedUntil;
        int failures;
        boolean paused;

        GrantState(String grantId) {
            this.grantId = grantId;
        }
    }

    private final Map<String, GrantState> grants = new LinkedHashMap<>();
    private final List<GrantState> ring = new ArrayList<>();
    private final RecordFactory records;
    private final Backoff backoff;
    private final Duration recheckInterval;
    private final long passBudgetMs;
    private final Listener listener;
    private final ConcurrentLinkedQueue<String> wakeUps = new ConcurrentLinkedQueue<>();
    private int cursor;

    public ReadScheduler(List<StreamReader> readers, RecordFactory records, Backoff backoff, Duration recheckInterval,
                         long passBudgetMs, Listener listener) {
        for (StreamReader r : readers) {
            grants.computeIfAbsent(r.partition().grantId(), GrantState::new).readers.add(r);
        }
        ring.addAll(grants.values());
        this.records = records;
        this.backoff = backoff;
        this.recheckInterval = recheckInterval;
        this.passBudgetMs = passBudgetMs;
        this.listener = listener;
    }

    public boolean owns(String grantId) {
        return grants.containsKey(grantId);
    }

    /** A notification says the grant is valid again: try it on the next pass (thread-safe). */
    public void wakeUp(String grantId) {
        wakeUps.add(grantId);
    }

    /**
     * Cuts every stream's wait to at most its pace's wait from now, spread per grant (webhooks just stopped being
     * trusted, so reads stretched to the backstop interval come back to the short one at once).
     */
    public void shortenWaits(long nowMs, ReadPace windows, ReadPace contacts) {
        for (GrantState g : ring) {
            for (StreamReader r : g.readers) {
                ReadPace pace = r.partition().stream() == ObjectStream.CONTACTS ? contacts : windows;
                r.waitAtMost(nowMs, pace.waitMs(g.grantId, nowMs));
            }
        }
    }

    public int pausedGrants() {
        return (int) ring.stream().filter(g -> g.paused).count();
    }

    /** One pass over the grants: at most one step per grant, stopping early once {@code maxRecords} are ready. */
    public List<SourceRecord> poll(long nowMs, int maxRecords, java.util.function.LongSupplier clock) {
        String woken;
        while ((woken = wakeUps.poll()) != null) {
            GrantState g = grants.get(woken);
            if (g != null && g.paused) {
                g.blockedUntil = 0;
            }
        }
        List<SourceRecord> out = new ArrayList<>();
        int n = ring.size();
        for (int i = 0; i < n && out.size() < maxRecords; i++) {
            GrantState g = ring.get((cursor + i) % n);
            long now = clock.getAsLong();
            if (now - nowMs > passBudgetMs) {
                break;
            }
            if (g.blockedUntil > now) {
                continue;
            }
            StreamReader r = nextReady(g, now);
            if (r == null) {
                continue;
            }
            MDC.put("nylas.grant", g.grantId);
            try {
                List<SourceRecord> got = r.step(now, maxRecords - out.size());
                if (g.paused) {
                    g.paused = false;
                    log.info("Grant {} is readable again; resuming", g.grantId);
                    out.add(records.grantStatus(g.grantId, "valid", null, null, "reads succeed again",
                            NylasSchemas.VIA_WINDOW));
                    listener.grantResumed(g.grantId);
                }
                g.failures = 0;
                out.addAll(got);
                listener.recordsRead(got.size());
            } catch (NylasApiException e) {
                out.addAll(failed(g, r, e, now));
            } finally {
                MDC.remove("nylas.grant");
            }
        }
        cursor = n == 0 ? 0 : (cursor + 1) % n;
        return out;
    }

    /** The earliest time any grant has work. */
    public long nextReadyAt() {
        long min = Long.MAX_VALUE;
        for (GrantState g : ring) {
            for (StreamReader r : g.readers) {
                min = Math.min(min, Math.max(g.blockedUntil, r.readyAt()));
            }
        }
        return wakeUps.isEmpty() ? min : 0;
    }

    private static StreamReader nextReady(GrantState g, long now) {
        int n = g.readers.size();
        for (int i = 0; i < n; i++) {
            StreamReader r = g.readers.get((g.next + i) % n);
            if (r.readyAt() <= now) {
                g.next = (g.next + i + 1) % n;
                return r;
            }
        }
        return null;
    }

    private List<SourceRecord> failed(GrantState g, StreamReader r, NylasApiException e, long now) {
        ApiException.Kind kind = e.kind();
        if (kind == ApiException.Kind.AUTHENTICATION && !e.grantExpired()) {
            throw new ConnectException("Nylas rejected the API key (HTTP " + e.status() + "); check nylas.api.key", e);
        }
        if (kind == ApiException.Kind.AUTHENTICATION || kind == ApiException.Kind.NOT_FOUND
                || kind == ApiException.Kind.FORBIDDEN) {
            g.blockedUntil = now + recheckInterval.toMillis();
            if (g.paused) {
                log.debug("Grant {} still unreadable ({})", g.grantId, e.getMessage());
                return List.of();
            }
            g.paused = true;
            String status = kind == ApiException.Kind.NOT_FOUND ? "deleted"
                    : kind == ApiException.Kind.FORBIDDEN ? "forbidden" : "expired";
            log.warn("Grant {} paused ({}): {}; other grants continue, retrying every {}", g.grantId, status,
                    e.getMessage(), recheckInterval);
            listener.grantPaused(g.grantId);
            return List.of(records.grantStatus(g.grantId, status, null, null, e.getMessage(),
                    NylasSchemas.VIA_WINDOW));
        }
        if (kind == ApiException.Kind.BAD_REQUEST || kind == ApiException.Kind.CONFLICT) {
            // e.g. a page token Nylas no longer accepts: read the window again from its start
            r.restartWindow();
        }
        g.failures++;
        listener.readRetried();
        Duration wait = backoff.delay(g.failures, e);
        g.blockedUntil = now + wait.toMillis();
        if (g.failures == 1 || g.failures % 10 == 0) {
            log.info("Grant {}: {} failure #{} on {}; retrying in {} ms: {}", g.grantId, kind, g.failures,
                    r.partition(), wait.toMillis(), e.getMessage());
        }
        return List.of();
    }
}

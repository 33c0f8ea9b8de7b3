package io.nylassf.connect.sink.nylas.status;

import io.nylassf.connect.common.http.ApiException;
import io.nylassf.connect.common.http.Backoff;
import io.nylassf.connect.common.metrics.NamedCount;
import io.nylassf.connect.common.metrics.PluginMetricSet;
import io.nylassf.connect.common.salesforce.CompositeSubrequest;
import io.nylassf.connect.common.salesforce.CompositeSubresponse;
import io.nylassf.connect.common.salesforce.SalesforceClient;
import io.nylassf.connect.common.salesforce.SaveResult;
import io.nylassf.connect.sink.nylas.status.TaskStatusMapping.Update;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes send statuses to their Tasks beside the sends, never in their way. {@link #offer} only files the update
 * (coalesced per Task: the newest fields win, a success is never replaced by a failure) and returns; a thread of
 * its own writes what gathered for {@code linger}: one Composite call with up to five sObject Collections updates
 * of 200 Tasks (1,000 Tasks a call), tagged with the loop guard's {@code Sforce-Call-Options} client. A failing
 * call is retried with backoff (the updates stay filed, newer ones merge in), logged and counted; a Task that
 * refuses its update for good (deleted, a field the admin has not created) is logged and counted, never retried.
 * At most {@value #MAX_PENDING} Tasks wait; beyond that the oldest update is dropped and counted. Thread-safe.
 */
public final class SendStatusWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SendStatusWriter.class);
    /** sObject Collections records per subrequest. */
    static final int PER_COLLECTION = 200;
    /** Collections subrequests per Composite call (Salesforce's limit on heavy subrequests). */
    static final int COLLECTIONS_PER_CALL = 5;
    static final int MAX_PENDING = 10_000;
    private static final int REMEMBERED_SENT = 10_000;
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    private final SalesforceClient client;
    private final long lingerMs;
    private final ScheduledExecutorService thread;
    private final Map<String, Update> pending = new LinkedHashMap<>();
    /** Tasks marked sent: a later failure of the same Task (a replay refused, say) never overwrites it. */
    private final Map<String, Boolean> sent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_SENT;
        }
    };
    private final NamedCount written = new NamedCount("send-status-written-total",
            "Tasks whose send status was written to Salesforce");
    private final NamedCount refused = new NamedCount("send-status-failed-total",
            "Task send statuses Salesforce refused for good (Task deleted, field missing...) or dropped over the bound");
    private final NamedCount retried = new NamedCount("send-status-retries-total",
            "Send status writes that failed transiently and were retried");
    private final NamedCount calls = new NamedCount("send-status-calls-total",
            "Salesforce API calls spent on send statuses");
    private boolean scheduled;
    private int failures;
    private boolean closed;

    public SendStatusWriter(SalesforceClient client, Duration linger) {
        this.client = client;
        this.lingerMs = linger.toMillis();
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nylas-sink-send-status");
            t.setDaemon(true);
            return t;
        });
    }

    public SendStatusWriter publish(PluginMetricSet set) {
        set.gauges(written, refused, retried, calls);
        set.gauge("send-status-pending", "Task send statuses waiting to be written", this::pending);
        return this;
    }

    /** Files the update and returns at once; null is ignored. */
    public void offer(Update u) {
        if (u == null) {
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            boolean success = "Completed".equals(u.fields().get("Status"));
            if (success) {
                sent.put(u.taskId(), Boolean.TRUE);
            } else if (sent.containsKey(u.taskId())) {
                return; // sent already: a later failure of a replay does not undo that
            }
            pending.merge(u.taskId(), u, TaskStatusMapping::merge);
            if (pending.size() > MAX_PENDING) {
                Iterator<String> oldest = pending.keySet().iterator();
                log.warn("More than {} send statuses waiting: the status of Task {} is dropped", MAX_PENDING,
                        oldest.next());
                oldest.remove();
                refused.incrementAndGet();
            }
            scheduleLocked(lingerMs);
        }
    }

    public synchronized int pending() {
        return pending.size();
    }

    public long written() {
        return written.get();
    }

    public long failed() {
        return refused.get();
    }

    public long retries() {
        return retried.get();
    }

    public long calls() {
        return calls.get();
    }

    private void scheduleLocked(long delayMs) {
        if (!scheduled && !closed) {
            scheduled = true;
            thread.schedule(this::flush, delayMs, TimeUnit.MILLISECONDS);
        }
    }

    /** One call's worth of updates; reschedules itself while updates remain. */
    private void flush() {
        List<Update> batch;
        synchronized (this) {
            scheduled = false;
            batch = take(PER_COLLECTION * COLLECTIONS_PER_CALL);
        }
        if (batch.isEmpty()) {
            return;
        }
        long next = 0;
        try {
            List<Update> again = write(batch);
            if (!again.isEmpty()) {
                int n;
                synchronized (this) {
                    n = ++failures;
                    requeue(again);
                }
                retried.incrementAndGet();
                next = BACKOFF.delay(n, (Duration) null).toMillis();
                log.info("{} send status(es) failed transiently (row locked...); retrying in {} ms", again.size(),
                        next);
            } else {
                synchronized (this) {
                    failures = 0;
                }
            }
        } catch (ApiException e) {
            int n;
            synchronized (this) {
                n = ++failures;
                requeue(batch);
            }
            retried.incrementAndGet();
            next = BACKOFF.delay(n, e).toMillis();
            log.warn("Writing {} send status(es) to Salesforce failed ({} in a row, {}): {}; retrying in {} ms",
                    batch.size(), n, e.kind(), e.getMessage(), next);
        } catch (RuntimeException e) {
            int n;
            synchronized (this) {
                n = ++failures;
                requeue(batch);
            }
            retried.incrementAndGet();
            next = BACKOFF.delay(n, (Duration) null).toMillis();
            log.warn("Writing {} send status(es) to Salesforce failed ({} in a row): {}; retrying in {} ms",
                    batch.size(), n, e.toString(), next);
        }
        synchronized (this) {
            if (!pending.isEmpty()) {
                scheduleLocked(next);
            }
        }
    }

    private List<Update> take(int max) {
        List<Update> out = new ArrayList<>(Math.min(max, pending.size()));
        Iterator<Update> it = pending.values().iterator();
        while (it.hasNext() && out.size() < max) {
            out.add(it.next());
            it.remove();
        }
        return out;
    }

    /** Puts a batch back in front; updates filed meanwhile merge over it. */
    private void requeue(List<Update> batch) {
        Map<String, Update> again = new LinkedHashMap<>();
        for (Update u : batch) {
            again.put(u.taskId(), u);
        }
        for (Update newer : pending.values()) {
            again.merge(newer.taskId(), newer, TaskStatusMapping::merge);
        }
        pending.clear();
        pending.putAll(again);
    }

    /** One Composite call; returns the updates that failed transiently. Throws when the call itself fails. */
    private List<Update> write(List<Update> batch) {
        List<CompositeSubrequest> subs = new ArrayList<>();
        List<List<Update>> chunks = new ArrayList<>();
        for (int from = 0; from < batch.size(); from += PER_COLLECTION) {
            List<Update> chunk = batch.subList(from, Math.min(batch.size(), from + PER_COLLECTION));
            List<Map<String, Object>> records = new ArrayList<>(chunk.size());
            for (Update u : chunk) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("id", u.taskId());
                r.putAll(u.fields());
                records.add(r);
            }
            subs.add(client.updateRequest("s" + chunks.size(), "Task", records, false));
            chunks.add(chunk);
        }
        calls.incrementAndGet();
        List<CompositeSubresponse> responses = client.composite(subs, false);
        List<Update> again = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            List<Update> chunk = chunks.get(i);
            CompositeSubresponse resp = i < responses.size() ? responses.get(i) : null;
            if (resp == null || !resp.ok()) {
                ApiException e = resp == null ? null : resp.error();
                if (e == null || e.isRetriable()) {
                    again.addAll(chunk);
                } else {
                    refused.addAndGet(chunk.size());
                    log.warn("Salesforce refused {} send status(es): {}", chunk.size(), e.getMessage());
                }
                continue;
            }
            List<SaveResult> results = resp.saveResults();
            for (int j = 0; j < chunk.size(); j++) {
                SaveResult r = j < results.size() ? results.get(j) : null;
                if (r != null && r.success()) {
                    written.incrementAndGet();
                } else if (r == null || r.isTransientFailure()) {
                    again.add(chunk.get(j));
                } else {
                    refused.incrementAndGet();
                    log.warn("Salesforce refused the send status of Task {}: {}", chunk.get(j).taskId(),
                            r.firstError().describe());
                }
            }
        }
        return again;
    }

    /** Writes what is filed (for up to {@code grace}), then stops the thread and the client. */
    public void close(Duration grace) {
        synchronized (this) {
            closed = true;
        }
        thread.shutdown();
        try {
            thread.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
            long deadline = System.nanoTime() + grace.toNanos();
            while (System.nanoTime() < deadline) {
                List<Update> batch;
                synchronized (this) {
                    batch = take(PER_COLLECTION * COLLECTIONS_PER_CALL);
                }
                if (batch.isEmpty()) {
                    break;
                }
                try {
                    List<Update> again = write(batch);
                    if (!again.isEmpty()) {
                        log.warn("{} send status(es) not written at stop", again.size() + pending());
                        break;
                    }
                } catch (RuntimeException e) {
                    log.warn("{} send status(es) not written at stop: {}", batch.size() + pending(), e.getMessage());
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            thread.shutdownNow();
            client.close();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}

package io.nylassf.connect.source.nylas.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.connect.common.http.ApiException;
import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.source.nylas.mail.MailPolicy;
import io.nylassf.connect.source.nylas.mapping.RecordFactory;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The acknowledgement queue of the webhook path: holds the records of verified notifications (made by
 * {@link NotificationRouter}) within its bounds and hands them to {@code poll()}. Each notification's outcome
 * completes only when Kafka has acknowledged all of its records ({@link #acked}, called from
 * {@code commitRecord}); the endpoint answers 200 then, and 503 if it does not happen in time. Notifications whose
 * type carries no data for the sinks (send confirmations, tracking, folders...) complete at once.
 */
public final class WebhookIntake {
    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

    /** The intake holds as many records or bytes as it may: the endpoint answers 503 and Nylas retries. */
    public static final class IntakeFull extends Exception {
        public IntakeFull(String message) {
            super(message);
        }
    }

    /** A notification the endpoint must refuse with 400. */
    public static final class MalformedNotification extends Exception {
        public MalformedNotification(String message) {
            super(message);
        }
    }

    private record Pending(SourceRecord record, CompletableFuture<Void> acked) {
    }

    private final NotificationRouter router;
    private final NotificationDeduper deduper;
    private final Predicate<String> grantListed;
    private final int maxRecords;
    private final long maxBytes;
    private final AtomicInteger heldRecords = new AtomicInteger();
    private final AtomicLong heldBytes = new AtomicLong();
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Map<SourceRecord, CompletableFuture<Void>> inFlight =
            Collections.synchronizedMap(new IdentityHashMap<>());
    private volatile boolean closed;

    /**
     * @param grantValid  told the grant id when a notification says a grant is valid again
     * @param grantListed whether a grant is one the connector syncs; notifications of others are dropped
     * @param maxRecords  records held (waiting for {@code poll()} or for Kafka's acknowledgement) at most
     * @param maxBytes    bytes held at most (each record counts the larger of its notification's size and its own
     *                    estimated size, {@link RecordSize}), so a paused connector or a stuck producer cannot fill
     *                    the worker's heap
     */
    public WebhookIntake(RecordFactory records, NylasClient client, NotificationDeduper deduper,
                         Consumer<String> grantValid, Predicate<String> grantListed, int maxRecords, long maxBytes) {
        this(records, client, deduper, grantValid, grantListed, maxRecords, maxBytes, MailPolicy.NONE);
    }

    /** @param mail headers and skipped folders for messages (see {@link MailPolicy}) */
    public WebhookIntake(RecordFactory records, NylasClient client, NotificationDeduper deduper,
                         Consumer<String> grantValid, Predicate<String> grantListed, int maxRecords, long maxBytes,
                         MailPolicy mail) {
        this.grantListed = grantListed;
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
        this.router = new NotificationRouter(records, client, grantValid, mail);
        this.deduper = deduper;
    }

    /**
     * Has a notification about a series' master also bring that series' occurrences ({@code lookup}; null: the
     * windows bring them).
     */
    public WebhookIntake series(SeriesLookup lookup) {
        router.series(lookup);
        return this;
    }

    /** The result of accepting one notification; {@code unlisted}: for a grant the connector does not sync. */
    public record Accepted(CompletableFuture<Void> outcome, boolean duplicate, boolean unlisted) {
        Accepted(CompletableFuture<Void> outcome, boolean duplicate) {
            this(outcome, duplicate, false);
        }
    }

    /**
     * Accepts a verified notification. Throws for a malformed one; may throw {@link ApiException} when fetching a
     * truncated object fails (the caller answers 503 and Nylas retries).
     */
    public Accepted accept(JsonNode notification, int bytes) throws MalformedNotification, IntakeFull {
        String id = notification.path("id").asText(null);
        String type = notification.path("type").asText(null);
        JsonNode object = notification.path("data").path("object");
        if (id == null || id.isBlank() || type == null || type.isBlank() || !object.isObject()) {
            throw new MalformedNotification("a notification needs id, type and data.object");
        }
        String grant = object.path("grant_id").asText(null);
        if (grant == null && type.startsWith("grant.")) {
            grant = object.path("id").asText(null);
        }
        if (grant != null && !grantListed.test(grant)) {
            // acknowledged so Nylas does not retry it, but never written
            return new Accepted(CompletableFuture.completedFuture(null), false, true);
        }
        if (!fits(1, bytes)) {
            // full already: answer 503 before fetching anything from Nylas
            throw full();
        }
        NotificationDeduper.Claim claim = deduper.claim(id);
        if (!claim.owner()) {
            return new Accepted(claim.outcome(), true);
        }
        CompletableFuture<Void> outcome = claim.outcome();
        if (closed) {
            outcome.completeExceptionally(new IllegalStateException("task stopping"));
            return new Accepted(outcome, false);
        }
        List<SourceRecord> made;
        try {
            made = router.route(type, notification, object);
        } catch (RuntimeException e) {
            outcome.completeExceptionally(e);
            throw e;
        }
        if (made.isEmpty()) {
            outcome.complete(null);
            return new Accepted(outcome, false);
        }
        long share = Math.max(1, bytes / made.size());
        long[] sizes = made.stream().mapToLong(r -> Math.max(share, RecordSize.of(r))).toArray();
        if (!reserve(made.size(), Arrays.stream(sizes).sum())) {
            IntakeFull full = full();
            outcome.completeExceptionally(full); // forgotten by the deduper: Nylas' retry is processed afresh
            throw full;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(made.size());
        for (int i = 0; i < made.size(); i++) {
            SourceRecord r = made.get(i);
            long size = sizes[i];
            CompletableFuture<Void> ack = new CompletableFuture<>();
            ack.whenComplete((ok, failure) -> {
                heldRecords.decrementAndGet();
                heldBytes.addAndGet(-size);
            });
            acks.add(ack);
            queue.add(new Pending(r, ack));
        }
        CompletableFuture.allOf(acks.toArray(new CompletableFuture[0])).whenComplete((ok, failure) -> {
            if (failure == null) {
                outcome.complete(null);
            } else {
                outcome.completeExceptionally(failure);
            }
        });
        if (closed) {
            failAll();
        }
        return new Accepted(outcome, false);
    }

    /**
     * Whether {@code records} more records of {@code bytes} fit the bounds. A notification alone larger than the
     * byte bound is let in when nothing else is held, so that it is not refused for ever.
     */
    private boolean fits(int records, long bytes) {
        int r = heldRecords.get();
        return r + records <= maxRecords && (heldBytes.get() + bytes <= maxBytes || r == 0);
    }

    /** Takes room for records atomically, so concurrent requests cannot together pass the bounds. */
    private synchronized boolean reserve(int records, long bytes) {
        if (!fits(records, bytes)) {
            return false;
        }
        heldRecords.addAndGet(records);
        heldBytes.addAndGet(bytes);
        return true;
    }

    private IntakeFull full() {
        return new IntakeFull("webhook intake holds " + heldRecords.get() + " record(s), " + heldBytes.get()
                + " byte(s)");
    }

    /** Records waiting to be written, without blocking. */
    public List<SourceRecord> drain(int max) {
        List<Pending> got = new ArrayList<>();
        queue.drainTo(got, max);
        return track(got);
    }

    /** Waits up to {@code waitMs} for the first record, then takes what is there. */
    public List<SourceRecord> awaitAndDrain(long waitMs, int max) throws InterruptedException {
        Pending first = queue.poll(waitMs, TimeUnit.MILLISECONDS);
        if (first == null) {
            return List.of();
        }
        List<Pending> got = new ArrayList<>();
        got.add(first);
        queue.drainTo(got, max - 1);
        return track(got);
    }

    private List<SourceRecord> track(List<Pending> got) {
        List<SourceRecord> out = new ArrayList<>(got.size());
        for (Pending p : got) {
            inFlight.put(p.record(), p.acked());
            out.add(p.record());
        }
        return out;
    }

    /**
     * Connect is done with this record: {@code stored} when Kafka acknowledged it. Connect also reports a record it
     * failed to produce and skipped ({@code errors.tolerance=all}) without metadata; that notification is answered
     * 503, never acknowledged as stored, so Nylas delivers it again.
     */
    public void acked(SourceRecord record, boolean stored) {
        CompletableFuture<Void> f = inFlight.remove(record);
        if (f != null) {
            if (stored) {
                f.complete(null);
            } else {
                f.completeExceptionally(new IllegalStateException("Connect did not produce the record"));
            }
        }
    }

    public int pending() {
        return queue.size() + inFlight.size();
    }

    /** Records held now (waiting to be polled or acknowledged). */
    public int heldRecords() {
        return heldRecords.get();
    }

    /** Notification bytes held now. */
    public long heldBytes() {
        return heldBytes.get();
    }

    /** Fails every waiting notification (their endpoints answer 503) and refuses new ones. */
    public void close() {
        closed = true;
        failAll();
    }

    private void failAll() {
        IllegalStateException stopping = new IllegalStateException("task stopping");
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.acked().completeExceptionally(stopping));
        synchronized (inFlight) {
            inFlight.values().forEach(f -> f.completeExceptionally(stopping));
            inFlight.clear();
        }
    }
}

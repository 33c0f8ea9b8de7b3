package io.nylassf.connect.sink.nylas;

import io.nylassf.connect.common.http.Backoff;
import io.nylassf.connect.sink.nylas.NylasSinkConnectorConfig.GrantExpired;
import io.nylassf.connect.sink.nylas.exec.GrantLanes;
import io.nylassf.connect.sink.nylas.exec.HeldOffsets;
import io.nylassf.connect.sink.nylas.exec.InFlight;
import io.nylassf.connect.sink.nylas.exec.KeyedExecutor;
import io.nylassf.connect.sink.nylas.exec.NylasWriter;
import io.nylassf.connect.sink.nylas.exec.Outcome;
import io.nylassf.connect.sink.nylas.exec.OutcomeRouter;
import io.nylassf.connect.sink.nylas.exec.OutcomeRouter.Rejected;
import io.nylassf.connect.sink.nylas.exec.ParkedGrants;
import io.nylassf.connect.sink.nylas.exec.PendingAction;
import io.nylassf.connect.sink.nylas.exec.RetryBook;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Every action the task started and that has not ended: running or queued ({@link InFlight}), waiting for a
 * retry ({@link RetryBook}) or waiting for its grant ({@link ParkedGrants}). Routes the outcomes of ended actions,
 * bounds what may be committed, and says when the task should be called again. Task thread only.
 */
record UnfinishedActions(InFlight inFlight, RetryBook retries, ParkedGrants parked, OutcomeRouter router) {
    private static final long MIN_WAKE_MS = 50;
    /** While actions run, put() comes back this often to report their outcomes (DLQ, retries) promptly. */
    private static final long HARVEST_WAKE_MS = 100;

    /** Builds the bookkeeping from the task's settings; the writer skips the grants parked here. */
    static UnfinishedActions start(NylasSinkConnectorConfig config, NylasWriter writer,
                                   BiConsumer<PendingAction, Outcome> observer) {
        InFlight inFlight = new InFlight(new KeyedExecutor(config.maxInFlight(), "nylas-sink"),
                new GrantLanes(config.maxInFlightPerGrant()), writer, config.maxPending());
        RetryBook retries = new RetryBook(config.retryMaxAttempts(),
                new Backoff(config.retryBackoff(), Duration.ofMinutes(2)));
        ParkedGrants parked = new ParkedGrants(config.grantCheckInterval(), config.grantMaxAge(),
                config.grantMaxParked());
        writer.skipGrantsWhere(parked::isParked);
        OutcomeRouter router = new OutcomeRouter(retries, parked, config.grantExpired() != GrantExpired.DLQ,
                observer);
        return new UnfinishedActions(inFlight, retries, parked, router);
    }

    /** Throws when an action's outcome must fail the task (a refused API key). */
    void failIfFatal() {
        Outcome fatal = inFlight.fatal();
        if (fatal != null) {
            throw new ConnectException(fatal.detail(), fatal.error());
        }
    }

    /** Routes the outcomes of the actions that ended since the last call. */
    void harvest(long now, List<Rejected> rejected) {
        router.route(inFlight.harvest(), now, rejected);
    }

    /**
     * Backpressure: waits (at most {@code timeout}) until fewer than nylas.max.pending.actions are unfinished,
     * routing what ends meanwhile. Null when there is room; otherwise the exception that tells Connect to deliver
     * the batch again (nothing of it has started).
     */
    RetriableException awaitRoom(Duration timeout, long now, List<Rejected> rejected) {
        List<InFlight.Ended> meanwhile = new ArrayList<>();
        boolean room = false;
        InterruptedException interrupted = null;
        try {
            room = inFlight.awaitRoom(timeout, meanwhile);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            interrupted = e;
        }
        router.route(meanwhile, now, rejected);
        if (room) {
            return null;
        }
        return new RetriableException(interrupted != null ? "interrupted while waiting for room for Nylas calls"
                : inFlight.size() + " Nylas actions still unfinished after " + timeout.toMillis() + " ms ("
                + NylasSinkConnectorConfig.MAX_PENDING + "=" + inFlight.maxPending() + "): this batch is delivered again",
                interrupted);
    }

    /** The actions due again: retries whose backoff passed, and those of parked grants found valid again. */
    List<PendingAction> due(long now, Predicate<String> grantValid) {
        List<PendingAction> work = new ArrayList<>(retries.due(now));
        if (!parked.grants().isEmpty()) {
            work.addAll(parked.releaseValid(now, grantValid));
        }
        return work;
    }

    /** Starts the actions, in order (a record's older action runs before its newer one on the keyed pool). */
    void start(List<PendingAction> work) {
        work.forEach(inFlight::submit);
    }

    /** Parked actions that waited too long become DLQ entries. */
    void rejectExpired(long now, List<Rejected> rejected) {
        for (PendingAction p : parked.expired(now)) {
            rejected.add(new Rejected(p.record(), new ConnectException(p.describe() + ": its grant stayed expired "
                    + "longer than " + NylasSinkConnectorConfig.GRANT_MAX_AGE_MS + " or too many actions waited ("
                    + NylasSinkConnectorConfig.GRANT_MAX_PARKED + ")"), OutcomeRouter.sendTaskId(p)));
        }
    }

    /**
     * How long until put() should be called again (empty), or -1 for no need: as soon as the next waiting action
     * is due, and soon while actions run, so their outcomes are taken promptly even without new records.
     */
    long wakeDelayMs(long now) {
        long next = Math.min(retries.nextDueMs(), parked.nextCheckMs());
        if (inFlight.size() > 0) {
            next = Math.min(next, now + HARVEST_WAKE_MS);
        }
        return next == Long.MAX_VALUE ? -1 : Math.max(MIN_WAKE_MS, next - now);
    }

    /** {@code current} limited to offsets before any unfinished action (running, queued, waiting or parked). */
    Map<TopicPartition, OffsetAndMetadata> committable(Map<TopicPartition, OffsetAndMetadata> current,
                                                       Set<TopicPartition> assignment) {
        return HeldOffsets.limit(current, Stream.of(inFlight.held(), retries.held(), parked.held())
                .flatMap(s -> s), assignment);
    }

    /**
     * Revoked partitions (a rebalance, a restart): their unfinished, waiting and parked actions are forgotten,
     * and preCommit answers only for assigned partitions, so no offset of theirs is handed back after this. An
     * action of theirs that is already running may finish; its outcome is ignored. At least once, and still one
     * send per Task (version): the new owner reads the partition again from the last commit, and a send the old
     * action made is found by the writer's metadata lookup, or Nylas answers the same Idempotency-Key (same Task,
     * same grant, same payload) with the first send's response for an hour, or with concurrent_idempotent_request
     * (a transient failure, retried) while the first one still runs. In this task, a redelivered action also queues
     * behind the old one on its record key, and the {@code SentLedger} skips it.
     */
    void drop(Collection<TopicPartition> partitions) {
        inFlight.drop(partitions);
        retries.drop(partitions);
        parked.drop(partitions);
    }

    /** Actions submitted and not harvested yet. */
    int running() {
        return inFlight.size();
    }

    /** Actions queued behind their grant's running ones (nylas.max.in.flight.per.grant). */
    int waitingForGrant() {
        return inFlight.waitingForGrant();
    }

    /** Expired grants whose actions wait. */
    int parkedGrants() {
        return parked.grants().size();
    }

    void close(Duration grace) {
        inFlight.close(grace);
    }

    /** For the task's stop log: outcomes so far, then what is left. */
    String summary(long ignored) {
        return router.summary() + " ignored=" + ignored + " unfinished=" + inFlight.size() + " waiting="
                + retries.size() + " parked=" + parked.size();
    }
}

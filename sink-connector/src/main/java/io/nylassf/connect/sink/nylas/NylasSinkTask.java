package io.nylassf.connect.sink.nylas;

import io.nylassf.connect.common.Version;
import io.nylassf.connect.common.http.ApiException.Kind;
import io.nylassf.connect.common.http.Backoff;
import io.nylassf.connect.common.nylas.NylasApiException;
import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.sink.nylas.NylasSinkConnectorConfig.GrantExpired;
import io.nylassf.connect.sink.nylas.NylasSinkConnectorConfig.GrantResolution;
import io.nylassf.connect.sink.nylas.exec.GrantThrottle;
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
import io.nylassf.connect.sink.nylas.grant.GrantResolver;
import io.nylassf.connect.sink.nylas.plan.OutboundAction;
import io.nylassf.connect.sink.nylas.plan.OutboundPlanner;
import io.nylassf.connect.sink.nylas.record.ChangeDecoder;
import io.nylassf.connect.sink.record.RecordDecodeException;
import io.nylassf.connect.sink.nylas.record.SalesforceChange;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns Salesforce change records into Nylas sends and calendar writes: decode → plan (pure) → run on a keyed,
 * bounded pool. {@link #put} does not wait for the calls it starts: it submits each action (one record's actions
 * run in order, different records in parallel, at most {@code nylas.max.in.flight} calls), takes the outcomes of
 * the actions that ended since the last call ({@link InFlight}) and returns; it waits only for room when
 * {@code nylas.max.pending.actions} are unfinished. Each action ends on its own ({@link OutcomeRouter}): written,
 * a bad record (to the {@link ErrantRecordReporter} with the reason), a transient failure (only that action runs
 * again later, at most {@code nylas.retry.max.attempts} times: {@link RetryBook}), or an expired grant (its
 * actions wait in {@link ParkedGrants} while the other grants go on). {@link #preCommit} never commits past an
 * action that has not ended (running, queued, waiting or parked), so nothing is lost on a restart, and asks
 * Connect to call {@code put} again soon while any is pending. A refused API key fails the task.
 */
public class NylasSinkTask extends SinkTask {
    private static final Logger log = LoggerFactory.getLogger(NylasSinkTask.class);
    private static final long MIN_WAKE_MS = 50;
    /** While actions run, put() comes back this often to report their outcomes (DLQ, retries) promptly. */
    private static final long HARVEST_WAKE_MS = 100;
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final Clock clock = Clock.systemUTC();
    private NylasSinkConnectorConfig config;
    private NylasClient client;
    private ChangeDecoder decoder;
    private OutboundPlanner planner;
    private InFlight inFlight;
    private OutcomeRouter router;
    private RetryBook retries;
    private ParkedGrants parked;
    private DeadLetters deadLetters;
    private NylasSinkMetrics metrics;
    private long ignored;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new NylasSinkConnectorConfig(props);
        client = new NylasClient(config.connection().apiUrl(), config.connection().apiKey().value(),
                config.connection().requestTimeout());
        GrantResolver grants = new GrantResolver(config.grantMap(),
                config.grantResolution() == GrantResolution.OWNER_EMAIL, client::listGrants, clock);
        decoder = new ChangeDecoder(config.loopClientIds());
        planner = new OutboundPlanner(config, clock);
        NylasWriter writer = new NylasWriter(client, grants, new GrantThrottle(4), config.calendarId(),
                config.resendOnEdit(), planner.salesforceOwnsTimes(), config.notifyParticipants(), clock);
        metrics = new NylasSinkMetrics().register(props.get("name"), taskIndex(props));
        inFlight = new InFlight(new KeyedExecutor(config.maxInFlight(), "nylas-sink"), writer, config.maxPending());
        retries = new RetryBook(config.retryMaxAttempts(), new Backoff(config.retryBackoff(), Duration.ofMinutes(2)));
        parked = new ParkedGrants(config.grantCheckInterval(), config.grantMaxAge(), config.grantMaxParked());
        router = new OutcomeRouter(retries, parked, config.grantExpired() != GrantExpired.DLQ);
        writer.skipGrantsWhere(parked::isParked);
        ErrantRecordReporter reporter;
        try {
            reporter = context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            reporter = null;
        }
        deadLetters = new DeadLetters(reporter, metrics);
        log.info("Nylas sink task started: {} call(s) in flight, at most {} pending, grants by {}, expired grants "
                + "-> {}", config.maxInFlight(), config.maxPending(), config.grantResolution(), config.grantExpired());
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        failIfFatal();
        List<Rejected> rejected = new ArrayList<>();
        router.route(inFlight.harvest(), clock.millis(), rejected);
        if (!records.isEmpty()) {
            awaitRoom(rejected);
        }
        long now = clock.millis();
        // waiting work first, so a record's older action runs before its newer one on the keyed pool
        List<PendingAction> work = new ArrayList<>(retries.due(now));
        if (!parked.grants().isEmpty()) {
            work.addAll(parked.releaseValid(now, this::grantValid));
        }
        for (SinkRecord r : records) {
            plan(r, now, work, rejected);
        }
        work.forEach(inFlight::submit);
        for (PendingAction p : parked.expired(now)) {
            rejected.add(new Rejected(p.record(), new ConnectException(p.describe() + ": its grant stayed expired "
                    + "longer than " + NylasSinkConnectorConfig.GRANT_MAX_AGE_MS + " or too many actions waited ("
                    + NylasSinkConnectorConfig.GRANT_MAX_PARKED + ")")));
        }
        deadLetters.report(rejected);
        wakeUpForWaitingWork(clock.millis());
    }

    /**
     * Backpressure: waits (at most nylas.put.timeout.ms) until fewer than nylas.max.pending.actions are
     * unfinished. On timeout nothing of this batch has started, so Connect may simply deliver it again.
     */
    private void awaitRoom(List<Rejected> rejected) {
        List<InFlight.Ended> meanwhile = new ArrayList<>();
        boolean room = false;
        InterruptedException interrupted = null;
        try {
            room = inFlight.awaitRoom(config.putTimeout(), meanwhile);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            interrupted = e;
        }
        router.route(meanwhile, clock.millis(), rejected);
        if (room) {
            return;
        }
        deadLetters.report(rejected); // the outcomes taken while waiting are no longer held: report them first
        wakeUpForWaitingWork(clock.millis());
        throw new RetriableException(interrupted != null ? "interrupted while waiting for room for Nylas calls"
                : inFlight.size() + " Nylas actions still unfinished after " + config.putTimeout().toMillis()
                + " ms (" + NylasSinkConnectorConfig.MAX_PENDING + "=" + config.maxPending() + "): this batch is "
                + "delivered again", interrupted);
    }

    private void failIfFatal() {
        Outcome fatal = inFlight.fatal();
        if (fatal != null) {
            throw new ConnectException(fatal.detail(), fatal.error());
        }
    }

    /** Decodes and plans one record; anything malformed is that record's DLQ entry, never the batch's failure. */
    private void plan(SinkRecord r, long now, List<PendingAction> work, List<Rejected> reports) {
        try {
            for (SalesforceChange c : decoder.decode(r)) {
                OutboundAction a = planner.plan(c);
                if (a instanceof OutboundAction.Ignore i) {
                    ignored++;
                    log.trace("{} {}: ignored, {}", c.sobject(), c.id(), i.reason());
                } else if (a instanceof OutboundAction.Refused f) {
                    reports.add(new Rejected(r, new NotAuthorizedException(f.reason())));
                } else if (a instanceof OutboundAction.Invalid i) {
                    reports.add(new Rejected(r, new DataException(c.sobject() + " " + c.id() + ": " + i.reason())));
                } else {
                    work.add(PendingAction.fresh(r, a, now));
                }
            }
        } catch (RuntimeException e) {
            String why = e instanceof RecordDecodeException ? e.getMessage()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            reports.add(new Rejected(r, new DataException("malformed record " + r.topic() + "-" + r.kafkaPartition()
                    + "@" + r.kafkaOffset() + ": " + why, e)));
        }
    }

    /** One {@code GET /v3/grants/{id}}: valid again? A refused API key fails the task; other errors wait. */
    private boolean grantValid(String grant) {
        try {
            boolean valid = client.getGrant(grant).valid();
            if (valid) {
                log.info("Grant {} is valid again: replaying its waiting actions", grant);
            }
            return valid;
        } catch (NylasApiException e) {
            if (e.kind() == Kind.AUTHENTICATION && !e.grantExpired()) {
                throw new ConnectException("Nylas refused the API key set in nylas.api.key (invalid, rotated or "
                        + "revoked): set a valid key and restart the task; " + e.getMessage(), e);
            }
            log.debug("Grant {} check failed: {}", grant, e.getMessage());
            return false;
        }
    }

    /**
     * Connect calls put() again (empty) after the poll timeout: make it as short as the next waiting action, and
     * short while actions run, so their outcomes (DLQ, retries) are taken promptly even without new records.
     */
    private void wakeUpForWaitingWork(long now) {
        long next = Math.min(retries.nextDueMs(), parked.nextCheckMs());
        if (inFlight.size() > 0) {
            next = Math.min(next, now + HARVEST_WAKE_MS);
        }
        if (next != Long.MAX_VALUE) {
            context.timeout(Math.max(MIN_WAKE_MS, next - now));
        }
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> current) {
        failIfFatal(); // Connect then commits nothing; the next put() fails the task
        return HeldOffsets.limit(current, Stream.of(inFlight.held(), retries.held(), parked.held())
                .flatMap(s -> s), assignment());
    }

    /** The partitions this task owns, or null where the context cannot tell (then {@code current} decides). */
    private Set<TopicPartition> assignment() {
        try {
            return context.assignment();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Revoked partitions (a rebalance, a restart): their unfinished, waiting and parked actions are forgotten,
     * and {@link #preCommit} answers only for assigned partitions, so no offset of theirs is handed back after
     * this. An action of theirs that is already running may finish; its outcome is ignored. At least once, and
     * still one send per Task (version): the new owner reads the partition again from the last commit, and a send
     * the old action made is found by the writer's metadata lookup, or Nylas answers the same Idempotency-Key
     * (same Task, same grant, same payload) with the first send's response for an hour, or with
     * concurrent_idempotent_request (a transient failure, retried) while the first one still runs. In this task,
     * a redelivered action also queues behind the old one on its record key, and the {@code SentLedger} skips it.
     */
    @Override
    public void close(Collection<TopicPartition> partitions) {
        if (inFlight != null) {
            inFlight.drop(partitions);
            retries.drop(partitions);
            parked.drop(partitions);
        }
    }

    /** Actions submitted and not harvested yet (for tests). */
    int actionsInFlight() {
        return inFlight.size();
    }

    private static int taskIndex(Map<String, String> props) {
        try {
            return Integer.parseInt(props.getOrDefault(NylasSinkConnector.TASK_INDEX, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public void stop() {
        if (inFlight != null) {
            inFlight.close(STOP_GRACE);
        }
        if (client != null) {
            client.close();
        }
        if (metrics != null) {
            log.info("Nylas sink task stopped: not authorized={}", metrics.getActionsNotAuthorized());
            metrics.close();
        }
        log.info("Nylas sink task stopped: {} ignored={} unfinished={} waiting={} parked={}",
                router == null ? "" : router.summary(), ignored, inFlight == null ? 0 : inFlight.size(),
                retries == null ? 0 : retries.size(), parked == null ? 0 : parked.size());
    }
}

package io.nylassf.connect.sink.nylas;

import io.nylassf.connect.common.Version;
import io.nylassf.connect.common.http.ApiException.Kind;
import io.nylassf.connect.common.http.Backoff;
import io.nylassf.connect.common.nylas.NylasApiException;
import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.sink.nylas.NylasSinkConnectorConfig.GrantExpired;
import io.nylassf.connect.sink.nylas.NylasSinkConnectorConfig.GrantResolution;
import io.nylassf.connect.sink.nylas.exec.ActionRunner;
import io.nylassf.connect.sink.nylas.exec.ActionRunner.Ended;
import io.nylassf.connect.sink.nylas.exec.GrantThrottle;
import io.nylassf.connect.sink.nylas.exec.HeldOffsets;
import io.nylassf.connect.sink.nylas.exec.KeyedExecutor;
import io.nylassf.connect.sink.nylas.exec.NylasWriter;
import io.nylassf.connect.sink.nylas.exec.Outcome;
import io.nylassf.connect.sink.nylas.exec.ParkedGrants;
import io.nylassf.connect.sink.nylas.exec.PendingAction;
import io.nylassf.connect.sink.nylas.exec.RetryBook;
import io.nylassf.connect.sink.nylas.grant.GrantResolver;
import io.nylassf.connect.sink.nylas.plan.OutboundAction;
import io.nylassf.connect.sink.nylas.plan.OutboundPlanner;
import io.nylassf.connect.sink.nylas.record.ChangeDecoder;
import io.nylassf.connect.sink.nylas.record.RecordDecodeException;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Turns Salesforce change records into Nylas sends and calendar writes: decode → plan (pure) → run on a keyed,
 * bounded pool. Each action ends on its own: written, a bad record (to the {@link ErrantRecordReporter} with the
 * reason), a transient failure (only that action runs again later, at most {@code nylas.retry.max.attempts}
 * times: {@link RetryBook}), or an expired grant (its actions wait in {@link ParkedGrants} while the other
 * grants go on). {@link #preCommit} never commits past an action that still waits, so nothing is lost on a
 * restart. A refused API key fails the task.
 */
public class NylasSinkTask extends SinkTask {
    private static final Logger log = LoggerFactory.getLogger(NylasSinkTask.class);
    private static final long MIN_WAKE_MS = 50;

    private final Clock clock = Clock.systemUTC();
    private NylasSinkConnectorConfig config;
    private NylasClient client;
    private KeyedExecutor executor;
    private ChangeDecoder decoder;
    private OutboundPlanner planner;
    private ActionRunner runner;
    private RetryBook retries;
    private ParkedGrants parked;
    private ErrantRecordReporter reporter;
    private NylasSinkMetrics metrics;
    private final long[] counts = new long[Outcome.Status.values().length];
    private long ignored;

    private record Report(SinkRecord record, Throwable reason) {
    }

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
        executor = new KeyedExecutor(config.maxInFlight(), "nylas-sink");
        metrics = new NylasSinkMetrics().register(props.get("name"), taskIndex(props));
        runner = new ActionRunner(executor, writer, config.putTimeout());
        retries = new RetryBook(config.retryMaxAttempts(), new Backoff(config.retryBackoff(), Duration.ofMinutes(2)));
        parked = new ParkedGrants(config.grantCheckInterval(), config.grantMaxAge(), config.grantMaxParked());
        writer.skipGrantsWhere(parked::isParked);
        try {
            reporter = context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            reporter = null;
        }
        log.info("Nylas sink task started: {} call(s) in flight, grants by {}, expired grants -> {}",
                config.maxInFlight(), config.grantResolution(), config.grantExpired());
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        long now = clock.millis();
        List<Report> reports = new ArrayList<>();
        // waiting work first, so a record's older action runs before its newer one on the keyed pool
        List<PendingAction> work = new ArrayList<>(retries.due(now));
        if (!parked.grants().isEmpty()) {
            work.addAll(parked.releaseValid(now, this::grantValid));
        }
        for (SinkRecord r : records) {
            plan(r, now, work, reports);
        }
        if (!work.isEmpty()) {
            List<Ended> ended;
            try {
                ended = runner.run(work);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetriableException("interrupted while waiting for Nylas calls", e);
            }
            for (Ended e : ended) {
                route(e, now, reports);
            }
        }
        for (PendingAction p : parked.expired(now)) {
            reports.add(new Report(p.record(), new ConnectException(p.describe() + ": its grant stayed expired "
                    + "longer than " + NylasSinkConnectorConfig.GRANT_MAX_AGE_MS + " or too many actions waited ("
                    + NylasSinkConnectorConfig.GRANT_MAX_PARKED + ")")));
        }
        report(reports);
        wakeUpForWaitingWork(clock.millis());
    }

    /** Decodes and plans one record; anything malformed is that record's DLQ entry, never the batch's failure. */
    private void plan(SinkRecord r, long now, List<PendingAction> work, List<Report> reports) {
        try {
            for (SalesforceChange c : decoder.decode(r)) {
                OutboundAction a = planner.plan(c);
                if (a instanceof OutboundAction.Ignore i) {
                    ignored++;
                    log.trace("{} {}: ignored, {}", c.sobject(), c.id(), i.reason());
                } else if (a instanceof OutboundAction.Refused f) {
                    reports.add(new Report(r, new NotAuthorizedException(f.reason())));
                } else if (a instanceof OutboundAction.Invalid i) {
                    reports.add(new Report(r, new DataException(c.sobject() + " " + c.id() + ": " + i.reason())));
                } else {
                    work.add(PendingAction.fresh(r, a, now));
                }
            }
        } catch (RuntimeException e) {
            String why = e instanceof RecordDecodeException ? e.getMessage()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            reports.add(new Report(r, new DataException("malformed record " + r.topic() + "-" + r.kafkaPartition()
                    + "@" + r.kafkaOffset() + ": " + why, e)));
        }
    }

    private void route(Ended e, long now, List<Report> reports) {
        PendingAction p = e.action();
        Outcome o = e.outcome();
        counts[o.status().ordinal()]++;
        switch (o.status()) {
            case DONE, SKIPPED -> log.debug("{}: {}", p.describe(), o.detail());
            case FAILED -> reports.add(new Report(p.record(), new DataException(p.describe() + ": " + o.detail(),
                    o.error())));
            case RETRY -> {
                if (retries.schedule(p, o.retryAfter(), now)) {
                    log.info("{}: attempt {} of {} failed, will run again: {}", p.describe(), p.attempts(),
                            retries.maxAttempts(), o.detail());
                } else {
                    reports.add(new Report(p.record(), new ConnectException(p.describe() + ": gave up after "
                            + p.attempts() + " attempts (" + NylasSinkConnectorConfig.RETRY_MAX_ATTEMPTS + "): "
                            + o.detail(), o.error())));
                }
            }
            case GRANT_EXPIRED -> {
                String grant = o.error() instanceof NylasApiException n ? n.grantId() : null;
                if (config.grantExpired() == GrantExpired.DLQ || grant == null) {
                    reports.add(new Report(p.record(), new ConnectException(p.describe() + ": " + o.detail(),
                            o.error())));
                } else {
                    if (!parked.isParked(grant)) {
                        log.warn("Grant {} is expired or revoked: its actions wait until it is valid again", grant);
                    }
                    parked.park(grant, p, now);
                }
            }
            case NOT_AUTHORIZED -> reports.add(new Report(p.record(), new NotAuthorizedException(o.detail())));
            case FATAL -> throw new ConnectException(o.detail(), o.error());
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

    /** Connect calls put() again (empty) after the poll timeout: make it as short as the next waiting action. */
    private void wakeUpForWaitingWork(long now) {
        long next = Math.min(retries.nextDueMs(), parked.nextCheckMs());
        if (next != Long.MAX_VALUE) {
            context.timeout(Math.max(MIN_WAKE_MS, next - now));
        }
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> current) {
        return HeldOffsets.limit(current, Stream.concat(retries.held(), parked.held()));
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        if (retries != null) {
            retries.drop(partitions);
            parked.drop(partitions);
        }
    }

    private void report(List<Report> reports) {
        if (reports.isEmpty()) {
            return;
        }
        for (Report r : reports) {
            if (r.reason() instanceof NotAuthorizedException) {
                metrics.notAuthorized();
            }
        }
        if (reporter == null) {
            // a refusal is a decision, not a failure: without a DLQ it is logged and counted, so nobody can stop
            // the connector by writing a record they may not send
            List<Report> failures = new ArrayList<>();
            for (Report r : reports) {
                if (r.reason() instanceof NotAuthorizedException) {
                    log.warn("Refused (no DLQ configured): {}", r.reason().getMessage());
                } else {
                    failures.add(r);
                }
            }
            if (!failures.isEmpty()) {
                throw new ConnectException(failures.size() + " record(s) cannot be written and no dead-letter "
                        + "queue is available; first: " + failures.get(0).reason().getMessage(),
                        failures.get(0).reason());
            }
            return;
        }
        List<Future<Void>> acks = new ArrayList<>();
        for (Report r : reports) {
            log.warn("To the DLQ: {}", r.reason().getMessage());
            acks.add(reporter.report(r.record(), r.reason()));
            metrics.dlq();
        }
        for (Future<Void> f : acks) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetriableException("interrupted while reporting to the DLQ", e);
            } catch (ExecutionException e) {
                throw new ConnectException("could not write to the dead-letter queue", e.getCause());
            }
        }
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
        if (executor != null) {
            executor.close();
        }
        if (client != null) {
            client.close();
        }
        if (metrics != null) {
            log.info("Nylas sink task stopped: not authorized={}", metrics.getActionsNotAuthorized());
            metrics.close();
        }
        log.info("Nylas sink task stopped: done={} skipped={} retried={} failed={} grantExpired={} ignored={} "
                        + "waiting={} parked={}", counts[0], counts[1], counts[2], counts[3], counts[4], ignored,
                retries == null ? 0 : retries.size(), parked == null ? 0 : parked.size());
    }
}

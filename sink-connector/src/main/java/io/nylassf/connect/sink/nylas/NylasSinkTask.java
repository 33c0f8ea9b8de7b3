package io.nylassf.connect.sink.nylas;

import io.nylassf.connect.common.Version;
import io.nylassf.connect.common.http.Backoff;
import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.sink.nylas.NylasSinkConnectorConfig.GrantExpired;
import io.nylassf.connect.sink.nylas.NylasSinkConnectorConfig.GrantResolution;
import io.nylassf.connect.sink.nylas.exec.GrantThrottle;
import io.nylassf.connect.sink.nylas.exec.KeyedExecutor;
import io.nylassf.connect.sink.nylas.exec.NylasWriter;
import io.nylassf.connect.sink.nylas.exec.Outcome;
import io.nylassf.connect.sink.nylas.grant.GrantResolver;
import io.nylassf.connect.sink.nylas.plan.OutboundAction;
import io.nylassf.connect.sink.nylas.plan.OutboundPlanner;
import io.nylassf.connect.sink.nylas.record.ChangeDecoder;
import io.nylassf.connect.sink.nylas.record.RecordDecodeException;
import io.nylassf.connect.sink.nylas.record.SalesforceChange;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns one batch of Salesforce change records into Nylas sends and calendar writes: decode → plan (pure) →
 * execute on a keyed, bounded pool → wait for the whole batch. {@code put} returns only when every action ended,
 * so the offsets Connect commits afterwards are all written. Transient failures hand the batch back
 * ({@link RetriableException} with {@code context.timeout}); replays are idempotent. Bad records go to the
 * {@link ErrantRecordReporter} with the reason; without one the task fails rather than drop them.
 */
public class NylasSinkTask extends SinkTask {
    private static final Logger log = LoggerFactory.getLogger(NylasSinkTask.class);
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(2));

    private NylasSinkConnectorConfig config;
    private NylasClient client;
    private KeyedExecutor executor;
    private ChangeDecoder decoder;
    private OutboundPlanner planner;
    private NylasWriter writer;
    private ErrantRecordReporter reporter;
    private NylasSinkMetrics metrics;
    private int retries;
    private final long[] counts = new long[Outcome.Status.values().length];
    private long ignored;

    private record Pending(SinkRecord record, OutboundAction action, CompletableFuture<Outcome> outcome) {
    }

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
        Clock clock = Clock.systemUTC();
        GrantResolver grants = new GrantResolver(config.grantMap(),
                config.grantResolution() == GrantResolution.OWNER_EMAIL, client::listGrants, clock);
        decoder = new ChangeDecoder(config.loopClientIds());
        planner = new OutboundPlanner(config, clock);
        writer = new NylasWriter(client, grants, new GrantThrottle(4), config.calendarId(), config.resendOnEdit(),
                planner.salesforceOwnsTimes(), config.notifyParticipants(), clock);
        executor = new KeyedExecutor(config.maxInFlight(), "nylas-sink");
        metrics = new NylasSinkMetrics().register(props.get("name"), taskIndex(props));
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
        if (records.isEmpty()) {
            return;
        }
        List<Pending> pending = new ArrayList<>();
        List<Report> reports = new ArrayList<>();
        for (SinkRecord r : records) {
            List<SalesforceChange> changes;
            try {
                changes = decoder.decode(r);
            } catch (RecordDecodeException e) {
                reports.add(new Report(r, new DataException(e.getMessage(), e)));
                continue;
            }
            for (SalesforceChange c : changes) {
                OutboundAction a = planner.plan(c);
                if (a instanceof OutboundAction.Ignore i) {
                    ignored++;
                    log.trace("{} {}: ignored, {}", c.sobject(), c.id(), i.reason());
                } else if (a instanceof OutboundAction.Refused f) {
                    reports.add(new Report(r, new NotAuthorizedException(f.reason())));
                } else if (a instanceof OutboundAction.Invalid i) {
                    reports.add(new Report(r, new DataException(c.sobject() + " " + c.id() + ": " + i.reason())));
                } else {
                    pending.add(new Pending(r, a, executor.submit(c.recordKey(), () -> writer.execute(a))));
                }
            }
        }
        boolean retry = false;
        Duration retryAfter = null;
        long deadline = System.nanoTime() + config.putTimeout().toNanos();
        for (Pending p : pending) {
            Outcome o;
            try {
                o = p.outcome().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                o = Outcome.retry("batch timed out after " + config.putTimeout(), e, null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetriableException("interrupted while waiting for Nylas calls", e);
            } catch (ExecutionException e) {
                o = Outcome.retry("unexpected failure: " + e.getCause(), e.getCause(), null);
            }
            counts[o.status().ordinal()]++;
            switch (o.status()) {
                case DONE, SKIPPED -> log.debug("{} {}: {}", p.action().change().sobject(),
                        p.action().change().id(), o.detail());
                case RETRY -> {
                    retry = true;
                    if (o.retryAfter() != null && (retryAfter == null || o.retryAfter().compareTo(retryAfter) > 0)) {
                        retryAfter = o.retryAfter();
                    }
                    log.warn("{} {}: will retry, {}", p.action().change().sobject(), p.action().change().id(),
                            o.detail());
                }
                case GRANT_EXPIRED -> {
                    if (config.grantExpired() == GrantExpired.DLQ && reporter != null) {
                        reports.add(new Report(p.record(), new ConnectException(o.detail(), o.error())));
                    } else {
                        retry = true;
                    }
                    log.warn("{} {}: {}", p.action().change().sobject(), p.action().change().id(), o.detail());
                }
                case FAILED -> reports.add(new Report(p.record(), new DataException(
                        p.action().change().sobject() + " " + p.action().change().id() + ": " + o.detail(),
                        o.error())));
                case NOT_AUTHORIZED -> reports.add(new Report(p.record(), new NotAuthorizedException(o.detail())));
                case FATAL -> throw new ConnectException(o.detail(), o.error());
            }
        }
        if (retry) {
            // everything is redelivered: DLQ reports wait for the round that completes
            Duration wait = BACKOFF.delay(++retries, retryAfter);
            context.timeout(wait.toMillis());
            throw new RetriableException("Nylas writes of " + records.size() + " record(s) will be retried in "
                    + wait.toMillis() + " ms");
        }
        retries = 0;
        report(reports);
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
        log.info("Nylas sink task stopped: done={} skipped={} retried={} failed={} grantExpired={} ignored={}",
                counts[0], counts[1], counts[2], counts[3], counts[4], ignored);
    }
}

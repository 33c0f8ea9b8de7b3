package io.nylassf.connect.source.salesforce;

import io.nylassf.connect.common.Version;
import io.nylassf.connect.common.http.ApiException;
import io.nylassf.connect.common.http.Backoff;
import io.nylassf.connect.common.metrics.PluginMetricSet;
import io.nylassf.connect.common.config.ApiBudgetConfig;
import io.nylassf.connect.common.salesforce.ApiBudget;
import io.nylassf.connect.common.salesforce.SalesforceClient;
import io.nylassf.connect.common.salesforce.SalesforceSettings;
import io.nylassf.connect.common.schema.SalesforceSchemas;
import io.nylassf.connect.source.salesforce.SalesforceSourceConnectorConfig.OwnChanges;
import io.nylassf.connect.source.salesforce.mapping.ChangeRecordMapper;
import io.nylassf.connect.source.salesforce.mapping.ChangeRow;
import io.nylassf.connect.source.salesforce.offset.ObjectOffset;
import io.nylassf.connect.source.salesforce.read.IntegrationUsers;
import io.nylassf.connect.source.salesforce.read.CompositeWindows;
import io.nylassf.connect.source.salesforce.read.ObjectReader;
import io.nylassf.connect.source.salesforce.read.PollInterval;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads the SObjects assigned to it, one {@link ObjectReader} each, all due windows in one Composite call
 * ({@link CompositeWindows}), and writes their changes; changes made by the integration users are skipped or
 * marked ({@code salesforce.own.changes}). The wait between polls stretches while nothing changes
 * ({@link PollInterval}), and no call is made while the org's API allocation is down to the reserve
 * ({@link ApiBudget}). Transient failures back off per object (never sleeping beyond one second inside
 * {@code poll}); bad credentials or a bad field list fail the task with the reason.
 */
public class SalesforceSourceTask extends SourceTask {
    private static final Logger log = LoggerFactory.getLogger(SalesforceSourceTask.class);
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    private SalesforceSourceTaskConfig config;
    private SalesforceClient client;
    private IntegrationUsers users;
    private ChangeRecordMapper mapper;
    private final List<ObjectReader> readers = new ArrayList<>();
    private ApiBudget budget;
    private PollInterval interval;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private long usersRetryAtMs;
    private int usersFailures;
    private long skipped;
    private SalesforceSourceMetrics metrics = new SalesforceSourceMetrics();
    private Reconciliations reconciliations;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new SalesforceSourceTaskConfig(props);
        client = new SalesforceClient(SalesforceSettings.from(config.connection(), null, false));
        budget = new ApiBudget(client, ApiBudgetConfig.reserve(config), Clock.systemUTC(), "reads");
        interval = new PollInterval(config.pollIntervalMs(), config.pollMaxIntervalMs());
        metrics = new SalesforceSourceMetrics().publish(PluginMetricSet.of(() -> context == null ? null
                : context.pluginMetrics()), client, budget, interval);
        users = new IntegrationUsers(config.integrationUserIds(), config.integrationUsernames());
        mapper = new ChangeRecordMapper(config.topicPrefix(), id -> users.isIntegrationUser(id));
        for (String sobject : config.taskObjects()) {
            Map<String, Object> stored = context.offsetStorageReader().offset(ObjectOffset.partition(sobject));
            ObjectOffset offset = stored == null ? null : ObjectOffset.fromMap(stored);
            readers.add(new ObjectReader(sobject, config.fields().select(sobject), offset, config.startFrom(),
                    config.batchSize(), config.readLagMs()));
            log.info("Salesforce source reads {} from {}", sobject, offset == null
                    ? (config.startFrom() == null ? "the beginning" : config.startFrom()) : offset);
        }
        reconciliations = new Reconciliations(config, context.offsetStorageReader(), System.currentTimeMillis(),
                BACKOFF);
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        long now = System.currentTimeMillis();
        if (!users.resolved()) {
            if (now < usersRetryAtMs || !resolveUsers(now)) {
                stopped.await(Math.min(1_000, Math.max(1, usersRetryAtMs - now)), TimeUnit.MILLISECONDS);
                return null;
            }
        }
        List<ObjectReader> due = readers.stream().filter(r -> r.dueAtMs() <= now).toList();
        if (due.isEmpty() || !budget.hasRoom()) {
            long nextDue = due.isEmpty() ? readers.stream().mapToLong(ObjectReader::dueAtMs).min().orElse(now + 1_000)
                    : now + budget.checkInterval().toMillis();
            stopped.await(Math.max(1, Math.min(1_000, nextDue - now)), TimeUnit.MILLISECONDS);
            return null;
        }
        List<SourceRecord> out = new ArrayList<>();
        Instant observedAt = Instant.now();
        List<ObjectReader> windows = new ArrayList<>(due);
        windows.addAll(reconciliations.riders(due, now));
        List<CompositeWindows.Outcome> all = CompositeWindows.read(client, windows, now);
        List<CompositeWindows.Outcome> outcomes = new ArrayList<>();
        for (CompositeWindows.Outcome o : all) {
            if (reconciliations.rides(o.reader())) {
                reconciliations.read(o, now, mapper, this::written, row -> users.isIntegrationUser(
                        row.lastModifiedById()), observedAt, out);
            } else {
                outcomes.add(o);
                if (o.failure() == null) {
                    o.rows().forEach(row -> keep(row, observedAt, out));
                }
            }
        }
        long next = interval.after(outcomes.stream().anyMatch(o -> !o.rows().isEmpty()));
        for (CompositeWindows.Outcome o : outcomes) {
            if (o.failure() == null) {
                o.reader().schedule(now, next);
            } else {
                handle(o.reader(), o.failure(), now);
            }
        }
        if (!out.isEmpty()) {
            log.debug("Read {} change(s); {} own change(s) skipped so far", out.size(), skipped);
        }
        return out.isEmpty() ? null : out;
    }

    /** Whether a reconciled row is written: own changes are skipped as configured, as in the normal reads. */
    private boolean written(ChangeRow row) {
        return !(users.isIntegrationUser(row.lastModifiedById()) && config.ownChanges() == OwnChanges.SKIP);
    }

    private void keep(ChangeRow row, Instant observedAt, List<SourceRecord> out) {
        boolean own = users.isIntegrationUser(row.lastModifiedById());
        metrics.rowRead(own && config.ownChanges() == OwnChanges.SKIP);
        if (own && config.ownChanges() == OwnChanges.SKIP) {
            skipped++;
            return;
        }
        out.add(mapper.toRecord(row, own, observedAt));
    }

    private boolean resolveUsers(long now) {
        try {
            users.resolve(client::query);
            log.info("Changes by {} integration user(s) are {}", users.size(),
                    config.ownChanges() == OwnChanges.SKIP ? "skipped" : "marked own_change=true");
            return true;
        } catch (ApiException e) {
            if (!e.isRetriable()) {
                throw new ConnectException("Cannot resolve the integration users: " + e.getMessage(), e);
            }
            long wait = BACKOFF.delay(++usersFailures, e).toMillis();
            usersRetryAtMs = now + wait;
            log.warn("Resolving the integration users failed ({}); retrying in {} ms", e.getMessage(), wait);
            return false;
        } catch (IllegalStateException e) {
            throw new ConnectException(e.getMessage(), e);
        }
    }

    private void handle(ObjectReader r, ApiException e, long now) {
        switch (e.kind()) {
            case TRANSIENT, RATE_LIMITED, LIMIT_EXCEEDED -> {
                if (e.kind() == ApiException.Kind.LIMIT_EXCEEDED) {
                    budget.limitExceeded();
                }
                long wait = BACKOFF.delay(r.failures() + 1, e).toMillis();
                int n = r.failed(now, wait);
                metrics.retried();
                log.warn("Reading {} failed ({} in a row): {}; next window in {} ms", r.sobject(), n,
                        e.getMessage(), wait);
            }
            default -> throw new ConnectException("Reading " + r.sobject() + " failed permanently ("
                    + e.kind() + "): " + e.getMessage() + ". Check the credentials and " + 
                    SalesforceSourceConnectorConfig.FIELDS + ".", e);
        }
    }

    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        if (metadata != null) {
            metrics.acknowledged(record.value() instanceof Struct s
                    && s.get(SalesforceSchemas.SYSTEM_MODSTAMP) instanceof Date d ? d.toInstant() : null);
        }
    }

    @Override
    public void stop() {
        stopped.countDown();
        metrics.close();
        if (client != null) {
            client.close();
        }
    }
}

package io.nylassf.connect.source.salesforce;

import io.nylassf.connect.common.Version;
import io.nylassf.connect.common.http.ApiException;
import io.nylassf.connect.common.http.Backoff;
import io.nylassf.connect.common.metrics.PluginMetricSet;
import io.nylassf.connect.common.salesforce.SalesforceClient;
import io.nylassf.connect.common.salesforce.SalesforceSettings;
import io.nylassf.connect.common.schema.SalesforceSchemas;
import io.nylassf.connect.source.salesforce.SalesforceSourceConnectorConfig.OwnChanges;
import io.nylassf.connect.source.salesforce.mapping.ChangeRecordMapper;
import io.nylassf.connect.source.salesforce.mapping.ChangeRow;
import io.nylassf.connect.source.salesforce.offset.ObjectOffset;
import io.nylassf.connect.source.salesforce.read.IntegrationUsers;
import io.nylassf.connect.source.salesforce.read.ObjectReader;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads the SObjects assigned to it, one {@link ObjectReader} each, and writes their changes; changes made by
 * the integration users are skipped or marked ({@code salesforce.own.changes}). Transient failures back off per
 * object (never sleeping beyond one second inside {@code poll}); bad credentials or a bad field list fail the task
 * with the reason.
 */
public class SalesforceSourceTask extends SourceTask {
    private static final Logger log = LoggerFactory.getLogger(SalesforceSourceTask.class);
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    private SalesforceSourceTaskConfig config;
    private SalesforceClient client;
    private IntegrationUsers users;
    private ChangeRecordMapper mapper;
    private final List<ObjectReader> readers = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private long usersRetryAtMs;
    private int usersFailures;
    private long skipped;
    private SalesforceSourceMetrics metrics = new SalesforceSourceMetrics();

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new SalesforceSourceTaskConfig(props);
        client = new SalesforceClient(SalesforceSettings.from(config.connection(), null, false));
        metrics = new SalesforceSourceMetrics().publish(PluginMetricSet.of(() -> context == null ? null
                : context.pluginMetrics()), client);
        users = new IntegrationUsers(config.integrationUserIds(), config.integrationUsernames());
        mapper = new ChangeRecordMapper(config.topicPrefix());
        for (String sobject : config.taskObjects()) {
            Map<String, Object> stored = context.offsetStorageReader().offset(ObjectOffset.partition(sobject));
            ObjectOffset offset = stored == null ? null : ObjectOffset.fromMap(stored);
            readers.add(new ObjectReader(sobject, config.fields().select(sobject), offset, config.startFrom(),
                    config.batchSize(), config.readLagMs()));
            log.info("Salesforce source reads {} from {}", sobject, offset == null
                    ? (config.startFrom() == null ? "the beginning" : config.startFrom()) : offset);
        }
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
        List<SourceRecord> out = new ArrayList<>();
        Instant observedAt = Instant.now();
        for (ObjectReader r : readers) {
            if (r.dueAtMs() > now) {
                continue;
            }
            try {
                for (ChangeRow row : r.read(client::queryAll, now, config.pollIntervalMs())) {
                    boolean own = users.isIntegrationUser(row.lastModifiedById());
                    metrics.rowRead(own && config.ownChanges() == OwnChanges.SKIP);
                    if (own && config.ownChanges() == OwnChanges.SKIP) {
                        skipped++;
                        continue;
                    }
                    out.add(mapper.toRecord(row, own, observedAt));
                }
            } catch (ApiException e) {
                handle(r, e, now);
            }
        }
        if (!out.isEmpty()) {
            log.debug("Read {} change(s); {} own change(s) skipped so far", out.size(), skipped);
            return out;
        }
        long nextDue = readers.stream().mapToLong(ObjectReader::dueAtMs).min().orElse(now + 1_000);
        stopped.await(Math.max(1, Math.min(1_000, nextDue - now)), TimeUnit.MILLISECONDS);
        return null;
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

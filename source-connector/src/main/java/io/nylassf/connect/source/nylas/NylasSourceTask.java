package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.Version;
import io.nylassf.connect.common.config.NylasConnectionConfig;
import io.nylassf.connect.common.http.Backoff;
import io.nylassf.connect.common.metrics.PluginMetricSet;
import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.source.nylas.mapping.BodyPolicy;
import io.nylassf.connect.source.nylas.mapping.RecordFactory;
import io.nylassf.connect.source.nylas.mapping.RecordMapper;
import io.nylassf.connect.source.nylas.mapping.Topics;
import io.nylassf.connect.source.nylas.read.BackstopPace;
import io.nylassf.connect.source.nylas.read.ReadScheduler;
import io.nylassf.connect.source.nylas.read.SeriesOccurrences;
import io.nylassf.connect.source.nylas.read.StreamReader;
import io.nylassf.connect.source.nylas.webhook.NotificationDeduper;
import io.nylassf.connect.source.nylas.webhook.WebhookHealth;
import io.nylassf.connect.source.nylas.mail.MailPolicy;
import io.nylassf.connect.source.nylas.webhook.WebhookIntake;
import io.nylassf.connect.source.nylas.webhook.WebhookServer;
import io.nylassf.connect.source.nylas.webhook.WebhookVerifier;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the grants assigned to it. {@code start()} builds the collaborators (one {@link StreamReader} per grant and
 * object type, resumed from Connect's offsets; the webhook endpoint when this task hosts it); {@code poll()}
 * returns webhook records first, then one pass of the {@link ReadScheduler}, and otherwise waits at most a second
 * for a notification; {@code commitRecord} acknowledges webhook deliveries.
 */
public class NylasSourceTask extends SourceTask {
    private static final Logger log = LoggerFactory.getLogger(NylasSourceTask.class);
    private static final long MAX_WAIT_MS = 1_000;
    private static final long PASS_BUDGET_MS = 2_000;
    /** How often at most a grant missing from the email listing (created since) lists the grants again. */
    private static final java.time.Duration GRANT_RELIST = java.time.Duration.ofMinutes(5);

    private final Clock clock;
    private NylasSourceTaskConfig config;
    private NylasClient client;
    private ReadScheduler scheduler;
    private WebhookIntake intake;
    private WebhookServer webhookServer;
    private NylasSourceMetrics metrics;
    private GrantEmails grantEmails;
    private WebhookHealth health;
    private BackstopPace windows;
    private BackstopPace contacts;
    private boolean wasTrusted;
    private MissCounter misses;
    private volatile boolean stopping;

    public NylasSourceTask() {
        this(Clock.systemUTC());
    }

    NylasSourceTask(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new NylasSourceTaskConfig(props);
        NylasConnectionConfig conn = config.connection();
        client = new NylasClient(conn.apiUrl(), conn.apiKey().value(), conn.requestTimeout(), clock);
        grantEmails = new GrantEmails(client, clock, GRANT_RELIST);
        grantEmails.refresh();
        RecordFactory records = new RecordFactory(new Topics(config.topicPrefix()),
                new RecordMapper(new BodyPolicy(config.bodyMaxBytes(), config.dropOversizedBody())), clock,
                grantEmails::email);
        PluginMetricSet published = PluginMetricSet.of(() -> context == null ? null : context.pluginMetrics());
        metrics = new NylasSourceMetrics().publish(published);
        client.calls().publish(published, "Nylas");

        WebhookSettings webhook = config.webhook();
        BackstopConfig.Settings backstop = BackstopConfig.settings(config);
        health = new WebhookHealth(webhook.enabled(), webhook.publicUrl(), client, backstop.healthCheckMs(),
                backstop.intervalMs(), clock);
        if (webhook.enabled() && webhook.publicUrl() == null && config.hostsWebhook()) {
            log.warn("webhook.public.url is not set: the webhook subscription cannot be checked, and any active "
                    + "subscription of the application counts as delivering to this endpoint");
        }
        long started = clock.millis();
        windows = new BackstopPace(new BackstopPace.Intervals(config.pollIntervalMs(), backstop.intervalMs(),
                backstop.idleAfterMs()), health::healthy, started);
        contacts = new BackstopPace(new BackstopPace.Intervals(config.contactsScanIntervalMs(), backstop.intervalMs(),
                backstop.idleAfterMs()), health::healthy, started);
        misses = new MissCounter(config.hostsWebhook(), started, backstop.intervalMs(), metrics, health);
        metrics.watch(health, windows);
        ReconcileMetrics reconciled = new ReconcileMetrics().publish(published);
        MailPolicy mail = MessagesConfig.policy(config, client, clock);
        metrics.watch(mail);
        List<StreamReader> readers = new TaskStreams(config, client, records, clock, reconciled, mail)
                .readers(context.offsetStorageReader(), windows, contacts);
        scheduler = new ReadScheduler(readers, records, new Backoff(config.backoffInitial(), config.backoffMax()),
                config.grantRecheckInterval(), PASS_BUDGET_MS, metrics);
        Set<String> listed = Set.copyOf(config.grantIds());
        intake = new WebhookIntake(records, client, new NotificationDeduper(webhook.dedupSize()),
                scheduler::wakeUp, grant -> listed.isEmpty() || listed.contains(grant),
                webhook.intakeMaxRecords(), webhook.intakeMaxBytes(), mail);
        if (config.recurringHorizonDays() > 0) {
            intake.series((grant, calendar, master) -> new SeriesOccurrences(client, grant, calendar,
                    config.recurringHorizonDays(), config.pageSize(), clock).of(master));
        }
        metrics.watch(intake);
        if (config.hostsWebhook()) {
            webhookServer = new WebhookServer(webhook.bindAddress(), webhook.port(), webhook.path(),
                    new WebhookVerifier(webhook.secret()), intake, webhook.limits(), metrics).start();
        }
        log.info("Nylas source task {} reads {} grant(s) ({} streams){}", config.taskIndex(),
                config.taskGrants().size(), readers.size(), webhookServer == null ? "" : " and hosts the webhook endpoint");
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (stopping) {
            return null;
        }
        if (webhookServer != null && webhookServer.failure() != null) {
            throw new ConnectException(webhookServer.failure());
        }
        int max = config.maxBatchSize();
        grantEmails.refreshIfMissing();
        health.refresh();
        boolean trusted = health.healthy();
        if (wasTrusted && !trusted) {
            scheduler.shortenWaits(clock.millis(), windows, contacts);
        }
        wasTrusted = trusted;
        List<SourceRecord> out = new ArrayList<>(misses.announced(intake.drain(max)));
        if (out.size() < max) {
            long now = clock.millis();
            List<SourceRecord> read = scheduler.poll(now, max - out.size(), clock::millis);
            misses.windowRead(read, now);
            out.addAll(read);
        }
        if (out.isEmpty()) {
            long wait = Math.min(MAX_WAIT_MS, Math.max(0, scheduler.nextReadyAt() - clock.millis()));
            if (wait > 0) {
                out.addAll(misses.announced(intake.awaitAndDrain(wait, max)));
            }
        }
        return out.isEmpty() ? null : out;
    }

    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        intake.acked(record, metadata != null);
        if (metadata != null) {
            metrics.acknowledged(record);
        }
    }

    @Override
    public void stop() {
        stopping = true;
        if (intake != null) {
            intake.close();
        }
        if (webhookServer != null) {
            webhookServer.close();
        }
        if (client != null) {
            client.close();
        }
        if (metrics != null) {
            metrics.close();
        }
    }

    /** The webhook endpoint's bound port, or -1 (tests). */
    int webhookPort() {
        return webhookServer == null ? -1 : webhookServer.port();
    }
}

package io.nylassf.connect.sink.nylas;

import io.nylassf.connect.common.Version;
import io.nylassf.connect.common.metrics.PluginMetricSet;
import io.nylassf.connect.common.config.SalesforceConnectionConfig;
import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.common.salesforce.SalesforceClient;
import io.nylassf.connect.common.salesforce.SalesforceSettings;
import io.nylassf.connect.sink.nylas.NylasSinkConnectorConfig.GrantResolution;
import io.nylassf.connect.sink.nylas.exec.GrantThrottle;
import io.nylassf.connect.sink.nylas.exec.NylasWriter;
import io.nylassf.connect.sink.nylas.exec.OutcomeRouter;
import io.nylassf.connect.sink.nylas.exec.OutcomeRouter.Rejected;
import io.nylassf.connect.sink.nylas.exec.ParkedGrants;
import io.nylassf.connect.sink.nylas.exec.PendingAction;
import io.nylassf.connect.sink.nylas.exec.RetryBook;
import io.nylassf.connect.sink.nylas.grant.GrantResolver;
import io.nylassf.connect.sink.nylas.plan.OutboundPlanner;
import io.nylassf.connect.sink.nylas.record.ChangeDecoder;
import io.nylassf.connect.sink.nylas.status.SendStatusHook;
import io.nylassf.connect.sink.nylas.status.SendStatusWriter;
import io.nylassf.connect.sink.nylas.status.TaskStatusMapping;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
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

/**
 * Turns Salesforce change records into Nylas sends and calendar writes: decode → plan ({@link RecordTriage}) →
 * run on a keyed, bounded pool. {@link #put} does not wait for the calls it starts: it submits each action (one
 * record's actions run in order, different records in parallel, at most {@code nylas.max.in.flight} calls), takes
 * the outcomes of the actions that ended since the last call and returns; it waits only for room when
 * {@code nylas.max.pending.actions} are unfinished. Each action ends on its own ({@link OutcomeRouter}): written,
 * a bad record (to the {@link ErrantRecordReporter} with the reason), a transient failure (only that action runs
 * again later, at most {@code nylas.retry.max.attempts} times: {@link RetryBook}), or an expired grant (its
 * actions wait in {@link ParkedGrants} while the other grants go on). {@link #preCommit} never commits past an
 * action that has not ended ({@link UnfinishedActions}), so nothing is lost on a restart, and asks Connect to call
 * {@code put} again soon while any is pending. A refused API key fails the task.
 */
public class NylasSinkTask extends SinkTask {
    private static final Logger log = LoggerFactory.getLogger(NylasSinkTask.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final Clock clock = Clock.systemUTC();
    private NylasSinkConnectorConfig config;
    private NylasClient client;
    private RecordTriage triage;
    private GrantRecheck grantRecheck;
    private UnfinishedActions actions;
    private DeadLetters deadLetters;
    private NylasSinkMetrics metrics;
    private SendStatusHook sendStatus;

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
        OutboundPlanner planner = new OutboundPlanner(config, clock);
        metrics = new NylasSinkMetrics();
        triage = new RecordTriage(new ChangeDecoder(config.loopClientIds()), planner, metrics);
        grantRecheck = new GrantRecheck(client);
        NylasWriter writer = new NylasWriter(client, grants, new GrantThrottle(4), config.calendarId(),
                config.resendOnEdit(), planner.salesforceOwnsTimes(), config.notifyParticipants(), clock);
        PluginMetricSet published = PluginMetricSet.of(() -> context == null ? null : context.pluginMetrics());
        sendStatus = SendStatusConfig.enabled(config) ? sendStatus(published) : null;
        actions = UnfinishedActions.start(config, writer, (p, o) -> {
            metrics.ended(p, o);
            if (sendStatus != null) {
                sendStatus.ended(p, o);
            }
        });
        metrics.publish(published, actions::running, actions::waitingForGrant, actions::parkedGrants);
        client.calls().publish(published, "Nylas");
        deadLetters = new DeadLetters(errantRecordReporter(), metrics);
        log.info("Nylas sink task started: {} call(s) in flight ({} per grant), at most {} pending, grants by {}, "
                + "expired grants -> {}", config.maxInFlight(), config.maxInFlightPerGrant(), config.maxPending(),
                config.grantResolution(), config.grantExpired());
    }

    /** The Task statuses' writer, on its own Salesforce connection, tagged with the loop guard's client. */
    private SendStatusHook sendStatus(PluginMetricSet published) {
        String client = config.loopClientIds().isEmpty() ? null : config.loopClientIds().get(0).trim();
        SalesforceClient salesforce = new SalesforceClient(SalesforceSettings.from(
                new SalesforceConnectionConfig(config), client, false));
        TaskStatusMapping mapping = new TaskStatusMapping(SendStatusConfig.messageIdField(config),
                SendStatusConfig.sentAtField(config), SendStatusConfig.statusField(config),
                SendStatusConfig.errorField(config));
        log.info("Send statuses go to the Tasks in Salesforce (tagged client={})", client);
        return new SendStatusHook(mapping, new SendStatusWriter(salesforce, SendStatusConfig.linger(config))
                .publish(published));
    }

    /** The send statuses of the DLQ entries first (they never block), then the DLQ. */
    private void report(List<Rejected> rejected) {
        if (sendStatus != null) {
            sendStatus.rejected(rejected);
        }
        deadLetters.report(rejected);
    }

    private ErrantRecordReporter errantRecordReporter() {
        try {
            return context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            return null; // a Connect runtime older than 2.6
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        actions.failIfFatal();
        metrics.recordsIn(records.size());
        List<Rejected> rejected = new ArrayList<>();
        actions.harvest(clock.millis(), rejected);
        if (!records.isEmpty()) {
            RetriableException full = actions.awaitRoom(config.putTimeout(), clock.millis(), rejected);
            if (full != null) {
                report(rejected); // the outcomes taken while waiting are no longer held: report them
                wakeUpForWaitingWork();
                throw full;
            }
        }
        long now = clock.millis();
        // waiting work first, so a record's older action runs before its newer one on the keyed pool
        List<PendingAction> work = actions.due(now, grantRecheck::isValid);
        for (SinkRecord r : records) {
            triage.triage(r, now, work, rejected);
        }
        actions.start(work);
        actions.rejectExpired(now, rejected);
        report(rejected);
        wakeUpForWaitingWork();
    }

    /** Connect calls put() again (empty) after the poll timeout: as soon as waiting or running work needs it. */
    private void wakeUpForWaitingWork() {
        long delay = actions.wakeDelayMs(clock.millis());
        if (delay >= 0) {
            context.timeout(delay);
        }
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> current) {
        actions.failIfFatal(); // Connect then commits nothing; the next put() fails the task
        return actions.committable(current, assignment());
    }

    /** The partitions this task owns, or null where the context cannot tell (then {@code current} decides). */
    private Set<TopicPartition> assignment() {
        try {
            return context.assignment();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Revoked partitions: their actions are forgotten ({@link UnfinishedActions#drop}). */
    @Override
    public void close(Collection<TopicPartition> partitions) {
        if (actions != null) {
            actions.drop(partitions);
        }
    }

    /** Actions submitted and not harvested yet (for tests). */
    int actionsInFlight() {
        return actions.running();
    }

    @Override
    public void stop() {
        if (actions != null) {
            actions.close(STOP_GRACE);
        }
        if (client != null) {
            client.close();
        }
        if (sendStatus != null) {
            sendStatus.writer().close(STOP_GRACE);
        }
        if (metrics != null) {
            log.info("Nylas sink task stopped: not authorized={}", metrics.getActionsNotAuthorized());
            metrics.close();
        }
        log.info("Nylas sink task stopped: {}", actions == null ? "" : actions.summary(triage.ignored()));
    }
}

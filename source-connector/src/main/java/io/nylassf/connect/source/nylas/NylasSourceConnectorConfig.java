package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.config.ConfigDefBuilder;
import io.nylassf.connect.common.config.NylasConnectionConfig;
import io.nylassf.connect.common.config.Validators;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Settings of {@link NylasSourceConnector}. */
public class NylasSourceConnectorConfig extends AbstractConfig {
    public static final String GRANTS_GROUP = "Grants";
    public static final String GRANT_IDS = "nylas.grant.ids";
    private static final String GRANT_IDS_DOC = "Grant IDs to read. Grants are spread over min(tasks.max, grants) "
            + "tasks. Leave empty to read every grant of the application, listed at start and refreshed every "
            + "nylas.grants.refresh.interval.ms; tasks are reconfigured when the set changes.";
    public static final String GRANTS_REFRESH_INTERVAL_MS = "nylas.grants.refresh.interval.ms";
    private static final String GRANTS_REFRESH_INTERVAL_MS_DOC = "How often the connector lists the application's "
            + "grants when nylas.grant.ids is empty.";
    public static final String GRANT_RECHECK_INTERVAL_MS = "nylas.grant.recheck.interval.ms";
    private static final String GRANT_RECHECK_INTERVAL_MS_DOC = "How often a paused (expired, revoked or unknown) "
            + "grant is tried again. A grant.updated webhook resumes it sooner.";

    public static final String TOPICS_GROUP = "Topics";
    public static final String TOPIC_PREFIX = "topic.prefix";
    private static final String TOPIC_PREFIX_DOC = "Prefix of the topics written: <prefix>.messages, <prefix>.events, "
            + "<prefix>.contacts and <prefix>.grants.";
    public static final String TOPIC_PREFIX_DEFAULT = "nylas";

    public static final String POLLING_GROUP = "Polling";
    public static final String POLL_INTERVAL_MS = "poll.interval.ms";
    private static final String POLL_INTERVAL_MS_DOC = "Time between two incremental windowed reads of a grant, once "
            + "the backfill has caught up.";
    public static final int POLL_INTERVAL_MS_DEFAULT = 30_000;
    public static final String OBJECTS = "nylas.objects";
    private static final String OBJECTS_DOC = "Which object types are read through windows: any of messages, events, "
            + "contacts. Webhook notifications are accepted for all of them.";
    public static final String CALENDAR_IDS = "nylas.calendar.ids";
    private static final String CALENDAR_IDS_DOC = "Calendars whose events are read, for every grant ('primary' is "
            + "each grant's primary calendar). Each calendar has its own offset.";
    public static final String BACKFILL_DAYS = "backfill.days";
    private static final String BACKFILL_DAYS_DOC = "The first window of a grant with no offset starts this many days "
            + "ago (0 = start now). Ignored when backfill.start is set.";
    public static final String BACKFILL_START = "backfill.start";
    private static final String BACKFILL_START_DOC = "The first window of a grant with no offset starts at this "
            + "ISO-8601 date (2026-01-31) or instant (2026-01-31T08:00:00Z). Empty: use backfill.days.";
    public static final String WINDOW_LAG_MS = "window.lag.ms";
    private static final String WINDOW_LAG_MS_DOC = "A window ends this long before now, so objects still being "
            + "indexed by Nylas at the edge are read by the next window instead of being missed.";
    public static final String WINDOW_MAX_SECONDS = "window.max.seconds";
    private static final String WINDOW_MAX_SECONDS_DOC = "Longest time span one window covers; a backfill proceeds "
            + "in windows of at most this span.";
    public static final String WINDOW_MAX_RECORDS = "window.max.records";
    private static final String WINDOW_MAX_RECORDS_DOC = "Most objects one window may hold in memory. A window that "
            + "finds more is halved and read again, so memory stays bounded on busy mailboxes.";
    public static final String PAGE_SIZE = "nylas.page.size";
    private static final String PAGE_SIZE_DOC = "The limit of each list call (Nylas allows up to 200).";
    public static final String CONTACTS_SCAN_INTERVAL_MS = "contacts.scan.interval.ms";
    private static final String CONTACTS_SCAN_INTERVAL_MS_DOC = "Time between two full scans of a grant's contacts "
            + "(contacts have no modified-time filter: each scan pages through all of them and writes only the "
            + "created, changed and deleted ones).";
    public static final String MAX_BATCH_SIZE = "max.batch.size";
    private static final String MAX_BATCH_SIZE_DOC = "Most records one poll returns to the worker.";
    public static final String BACKOFF_INITIAL_MS = "backoff.initial.ms";
    private static final String BACKOFF_INITIAL_MS_DOC = "First wait after a rate-limited or transient failure of a "
            + "grant; doubles up to backoff.max.ms. Retry-After from Nylas wins. Other grants keep going meanwhile.";
    public static final String BACKOFF_MAX_MS = "backoff.max.ms";
    private static final String BACKOFF_MAX_MS_DOC = "Longest wait between retries of one grant.";

    public static final String RECORDS_GROUP = "Records";
    public static final String BODY_MAX_BYTES = "message.body.max.bytes";
    private static final String BODY_MAX_BYTES_DOC = "Largest message body (UTF-8 bytes) written into a record; "
            + "larger bodies are handled per message.body.oversize and flagged with body_truncated=true.";
    public static final String BODY_OVERSIZE = "message.body.oversize";
    private static final String BODY_OVERSIZE_DOC = "What to do with a body over message.body.max.bytes: 'truncate' "
            + "(keep the first bytes, on a character boundary) or 'drop' (no body).";

    public static final String WEBHOOK_GROUP = "Webhooks";
    public static final String WEBHOOK_ENABLED = "webhook.enabled";
    private static final String WEBHOOK_ENABLED_DOC = "Host an HTTP endpoint for Nylas webhook notifications in one "
            + "task (webhook.task). Windowed reads remain the backstop for anything missed.";
    public static final String WEBHOOK_TASK = "webhook.task";
    private static final String WEBHOOK_TASK_DOC = "Index of the task that hosts the endpoint (0 = the first task, "
            + "which always exists). Only that task binds webhook.port, on whichever worker runs it.";
    public static final String WEBHOOK_BIND_ADDRESS = "webhook.bind.address";
    private static final String WEBHOOK_BIND_ADDRESS_DOC = "Address the endpoint binds to.";
    public static final String WEBHOOK_PORT = "webhook.port";
    private static final String WEBHOOK_PORT_DOC = "TCP port of the endpoint (the same on every worker, so a load "
            + "balancer can health-check all of them). 0 picks a free port (tests only).";
    public static final String WEBHOOK_PATH = "webhook.path";
    private static final String WEBHOOK_PATH_DOC = "Path of the endpoint; '<path>/health' answers 200 while this "
            + "worker hosts it, for load-balancer health checks.";
    public static final String WEBHOOK_SECRET = "webhook.secret";
    private static final String WEBHOOK_SECRET_DOC = "The webhook secret Nylas returned when the webhook was created; "
            + "X-Nylas-Signature is checked against it. Until it is set the endpoint answers the challenge but rejects "
            + "every notification. A secret: use a config provider.";
    public static final String WEBHOOK_MAX_BODY_BYTES = "webhook.max.body.bytes";
    private static final String WEBHOOK_MAX_BODY_BYTES_DOC = "Largest notification body accepted; larger ones get 413.";
    public static final String WEBHOOK_ACK_TIMEOUT_MS = "webhook.ack.timeout.ms";
    private static final String WEBHOOK_ACK_TIMEOUT_MS_DOC = "How long a notification waits for Kafka to acknowledge "
            + "its record before the endpoint answers 503 so that Nylas retries (Nylas gives up after 10 s).";
    public static final String WEBHOOK_INTAKE_MAX_RECORDS = "webhook.intake.max.records";
    private static final String WEBHOOK_INTAKE_MAX_RECORDS_DOC = "Records from notifications held at most (waiting "
            + "for poll() or for Kafka's acknowledgement); beyond it the endpoint answers 503 at once and Nylas "
            + "retries, so a paused connector or a stuck producer cannot exhaust the worker's memory.";
    public static final String WEBHOOK_INTAKE_MAX_BYTES = "webhook.intake.max.bytes";
    private static final String WEBHOOK_INTAKE_MAX_BYTES_DOC = "Bytes held at most, each record counting the larger "
            + "of its notification's size and its own (a truncated notification's record holds the fetched body); "
            + "beyond it the endpoint answers 503 at once.";
    public static final String WEBHOOK_MAX_CONCURRENT = "webhook.max.concurrent.requests";
    private static final String WEBHOOK_MAX_CONCURRENT_DOC = "Notifications handled at once; when every slot is "
            + "taken (for example by slow clients) further requests get 503 at once and Nylas retries. The endpoint "
            + "has this many handler threads plus 8; with all of them taken (by clients stalled in their headers) "
            + "a new connection is closed at once rather than queued.";
    public static final String WEBHOOK_READ_TIMEOUT_MS = "webhook.read.timeout.ms";
    private static final String WEBHOOK_READ_TIMEOUT_MS_DOC = "How long a client may take to send a whole request "
            + "(line, headers and body); a slower or stalled one is disconnected, freeing its slot. Nylas sends a "
            + "notification at once and times out after 10 s itself.";
    public static final String WEBHOOK_BIND_ATTEMPTS = "webhook.bind.attempts";
    private static final String WEBHOOK_BIND_ATTEMPTS_DOC = "Attempts, one a second, to bind webhook.port while it "
            + "is busy (a task moving here from a worker that is still stopping); then the task fails naming the "
            + "port.";

    public static final String WEBHOOK_DEDUP_SIZE = "webhook.dedup.size";
    private static final String WEBHOOK_DEDUP_SIZE_DOC = "How many recent notification ids are remembered to drop "
            + "duplicate deliveries.";

    public static final ConfigDef CONFIG_DEF = configDef();

    public NylasSourceConnectorConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
    }

    protected NylasSourceConnectorConfig(ConfigDef def, Map<String, String> props) {
        super(def, props);
    }

    public static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        NylasConnectionConfig.addTo(def);
        new ConfigDefBuilder(def)
                .group(GRANTS_GROUP)
                .define(GRANT_IDS, Type.LIST, List.of(), null, Importance.HIGH, GRANT_IDS_DOC, Width.LONG,
                        "Grant IDs")
                .define(GRANTS_REFRESH_INTERVAL_MS, Type.LONG, 300_000L, Range.between(1_000L, 86_400_000L),
                        Importance.LOW, GRANTS_REFRESH_INTERVAL_MS_DOC, Width.SHORT, "Grant list refresh (ms)")
                .define(GRANT_RECHECK_INTERVAL_MS, Type.LONG, 60_000L, Range.between(100L, 86_400_000L),
                        Importance.LOW, GRANT_RECHECK_INTERVAL_MS_DOC, Width.SHORT, "Paused grant recheck (ms)")
                .group(TOPICS_GROUP)
                .define(TOPIC_PREFIX, Type.STRING, TOPIC_PREFIX_DEFAULT, Validators.topicPrefix(), Importance.MEDIUM,
                        TOPIC_PREFIX_DOC, Width.MEDIUM, "Topic prefix")
                .group(POLLING_GROUP)
                .define(POLL_INTERVAL_MS, Type.INT, POLL_INTERVAL_MS_DEFAULT, Range.between(100, 86_400_000),
                        Importance.MEDIUM, POLL_INTERVAL_MS_DOC, Width.SHORT, "Poll interval (ms)")
                .define(OBJECTS, Type.LIST, List.of("messages", "events", "contacts"), objectsValidator(),
                        Importance.MEDIUM, OBJECTS_DOC, Width.MEDIUM, "Object types")
                .define(CALENDAR_IDS, Type.LIST, List.of("primary"), nonEmptyList(), Importance.MEDIUM,
                        CALENDAR_IDS_DOC, Width.MEDIUM, "Calendars")
                .define(BACKFILL_DAYS, Type.INT, 30, Range.between(0, 36_500), Importance.MEDIUM, BACKFILL_DAYS_DOC,
                        Width.SHORT, "Backfill days")
                .define(BACKFILL_START, Type.STRING, "", backfillStartValidator(), Importance.MEDIUM,
                        BACKFILL_START_DOC, Width.MEDIUM, "Backfill start")
                .define(WINDOW_LAG_MS, Type.LONG, 30_000L, Range.between(0L, 86_400_000L), Importance.LOW,
                        WINDOW_LAG_MS_DOC, Width.SHORT, "Window lag (ms)")
                .define(WINDOW_MAX_SECONDS, Type.LONG, 86_400L, Range.between(1L, 31_536_000L), Importance.LOW,
                        WINDOW_MAX_SECONDS_DOC, Width.SHORT, "Longest window (s)")
                .define(WINDOW_MAX_RECORDS, Type.INT, 20_000, Range.between(10, 1_000_000), Importance.LOW,
                        WINDOW_MAX_RECORDS_DOC, Width.SHORT, "Most objects per window")
                .define(PAGE_SIZE, Type.INT, 200, Range.between(1, 200), Importance.LOW, PAGE_SIZE_DOC, Width.SHORT,
                        "Page size")
                .define(CONTACTS_SCAN_INTERVAL_MS, Type.LONG, 900_000L, Range.between(100L, 604_800_000L),
                        Importance.LOW, CONTACTS_SCAN_INTERVAL_MS_DOC, Width.SHORT, "Contacts scan interval (ms)")
                .define(MAX_BATCH_SIZE, Type.INT, 2_000, Range.between(1, 100_000), Importance.LOW,
                        MAX_BATCH_SIZE_DOC, Width.SHORT, "Max records per poll")
                .define(BACKOFF_INITIAL_MS, Type.LONG, 1_000L, Range.between(10L, 3_600_000L), Importance.LOW,
                        BACKOFF_INITIAL_MS_DOC, Width.SHORT, "Initial backoff (ms)")
                .define(BACKOFF_MAX_MS, Type.LONG, 300_000L, Range.between(10L, 86_400_000L), Importance.LOW,
                        BACKOFF_MAX_MS_DOC, Width.SHORT, "Max backoff (ms)")
                .group(RECORDS_GROUP)
                .define(BODY_MAX_BYTES, Type.INT, 262_144, Range.between(0, 50_000_000), Importance.MEDIUM,
                        BODY_MAX_BYTES_DOC, Width.SHORT, "Max body bytes")
                .define(BODY_OVERSIZE, Type.STRING, "truncate", ConfigDef.ValidString.in("truncate", "drop"),
                        Importance.LOW, BODY_OVERSIZE_DOC, Width.SHORT, "Oversized body")
                .group(WEBHOOK_GROUP)
                .define(WEBHOOK_ENABLED, Type.BOOLEAN, false, null, Importance.HIGH, WEBHOOK_ENABLED_DOC,
                        Width.SHORT, "Webhook endpoint enabled")
                .define(WEBHOOK_TASK, Type.INT, 0, Range.atLeast(0), Importance.LOW, WEBHOOK_TASK_DOC, Width.SHORT,
                        "Webhook task")
                .define(WEBHOOK_BIND_ADDRESS, Type.STRING, "0.0.0.0", new ConfigDef.NonEmptyString(),
                        Importance.LOW, WEBHOOK_BIND_ADDRESS_DOC, Width.MEDIUM, "Webhook bind address")
                .define(WEBHOOK_PORT, Type.INT, 8090, Range.between(0, 65_535), Importance.MEDIUM, WEBHOOK_PORT_DOC,
                        Width.SHORT, "Webhook port")
                .define(WEBHOOK_PATH, Type.STRING, "/nylas/webhook", pathValidator(), Importance.MEDIUM,
                        WEBHOOK_PATH_DOC, Width.MEDIUM, "Webhook path")
                .define(WEBHOOK_SECRET, Type.PASSWORD, null, null, Importance.HIGH, WEBHOOK_SECRET_DOC, Width.LONG,
                        "Webhook secret")
                .define(WEBHOOK_MAX_BODY_BYTES, Type.INT, 2_097_152, Range.between(1_024, 64_000_000),
                        Importance.LOW, WEBHOOK_MAX_BODY_BYTES_DOC, Width.SHORT, "Max notification bytes")
                .define(WEBHOOK_ACK_TIMEOUT_MS, Type.LONG, 8_000L, Range.between(100L, 60_000L), Importance.LOW,
                        WEBHOOK_ACK_TIMEOUT_MS_DOC, Width.SHORT, "Webhook ack timeout (ms)")
                .define(WEBHOOK_DEDUP_SIZE, Type.INT, 100_000, Range.between(1, 10_000_000), Importance.LOW,
                        WEBHOOK_DEDUP_SIZE_DOC, Width.SHORT, "Webhook de-dup size")
                .define(WEBHOOK_INTAKE_MAX_RECORDS, Type.INT, 10_000, Range.between(1, 10_000_000), Importance.LOW,
                        WEBHOOK_INTAKE_MAX_RECORDS_DOC, Width.SHORT, "Webhook intake max records")
                .define(WEBHOOK_INTAKE_MAX_BYTES, Type.LONG, 64L * 1024 * 1024, Range.between(1_024L, 1L << 34),
                        Importance.LOW, WEBHOOK_INTAKE_MAX_BYTES_DOC, Width.SHORT, "Webhook intake max bytes")
                .define(WEBHOOK_MAX_CONCURRENT, Type.INT, 32, Range.between(1, 1_024), Importance.LOW,
                        WEBHOOK_MAX_CONCURRENT_DOC, Width.SHORT, "Webhook concurrent requests")
                .define(WEBHOOK_READ_TIMEOUT_MS, Type.LONG, 10_000L, Range.between(100L, 600_000L), Importance.LOW,
                        WEBHOOK_READ_TIMEOUT_MS_DOC, Width.SHORT, "Webhook read timeout (ms)")
                .define(WEBHOOK_BIND_ATTEMPTS, Type.INT, 60, Range.between(1, 86_400), Importance.LOW,
                        WEBHOOK_BIND_ATTEMPTS_DOC, Width.SHORT, "Webhook bind attempts");
        return def;
    }

    // ---- typed getters ----

    public NylasConnectionConfig connection() {
        return new NylasConnectionConfig(this);
    }

    public List<String> grantIds() {
        return getList(GRANT_IDS).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public Duration grantsRefreshInterval() {
        return Duration.ofMillis(getLong(GRANTS_REFRESH_INTERVAL_MS));
    }

    public Duration grantRecheckInterval() {
        return Duration.ofMillis(getLong(GRANT_RECHECK_INTERVAL_MS));
    }

    public String topicPrefix() {
        return getString(TOPIC_PREFIX);
    }

    public int pollIntervalMs() {
        return getInt(POLL_INTERVAL_MS);
    }

    public List<String> objects() {
        return getList(OBJECTS).stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).distinct().toList();
    }

    public List<String> calendarIds() {
        return getList(CALENDAR_IDS).stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** Where a grant with no offset starts, in epoch seconds. */
    public long backfillStartSeconds(Clock clock) {
        String start = getString(BACKFILL_START);
        if (start != null && !start.isBlank()) {
            return parseStart(start.trim()).getEpochSecond();
        }
        return clock.instant().minus(Duration.ofDays(getInt(BACKFILL_DAYS))).getEpochSecond();
    }

    public long windowLagMs() {
        return getLong(WINDOW_LAG_MS);
    }

    public long windowMaxSeconds() {
        return getLong(WINDOW_MAX_SECONDS);
    }

    public int windowMaxRecords() {
        return getInt(WINDOW_MAX_RECORDS);
    }

    public int pageSize() {
        return getInt(PAGE_SIZE);
    }

    public long contactsScanIntervalMs() {
        return getLong(CONTACTS_SCAN_INTERVAL_MS);
    }

    public int maxBatchSize() {
        return getInt(MAX_BATCH_SIZE);
    }

    public Duration backoffInitial() {
        return Duration.ofMillis(getLong(BACKOFF_INITIAL_MS));
    }

    public Duration backoffMax() {
        return Duration.ofMillis(getLong(BACKOFF_MAX_MS));
    }

    public int bodyMaxBytes() {
        return getInt(BODY_MAX_BYTES);
    }

    public boolean dropOversizedBody() {
        return "drop".equals(getString(BODY_OVERSIZE));
    }

    public int webhookIntakeMaxRecords() {
        return getInt(WEBHOOK_INTAKE_MAX_RECORDS);
    }

    public long webhookIntakeMaxBytes() {
        return getLong(WEBHOOK_INTAKE_MAX_BYTES);
    }

    public int webhookMaxConcurrent() {
        return getInt(WEBHOOK_MAX_CONCURRENT);
    }

    public Duration webhookReadTimeout() {
        return Duration.ofMillis(getLong(WEBHOOK_READ_TIMEOUT_MS));
    }

    public int webhookBindAttempts() {
        return getInt(WEBHOOK_BIND_ATTEMPTS);
    }

    public boolean webhookEnabled() {
        return getBoolean(WEBHOOK_ENABLED);
    }

    public int webhookTask() {
        return getInt(WEBHOOK_TASK);
    }

    public String webhookBindAddress() {
        return getString(WEBHOOK_BIND_ADDRESS);
    }

    public int webhookPort() {
        return getInt(WEBHOOK_PORT);
    }

    public String webhookPath() {
        return getString(WEBHOOK_PATH);
    }

    /** The secret's value, or null when unset. */
    public String webhookSecret() {
        Password p = getPassword(WEBHOOK_SECRET);
        return p == null || p.value() == null || p.value().isEmpty() ? null : p.value();
    }

    public int webhookMaxBodyBytes() {
        return getInt(WEBHOOK_MAX_BODY_BYTES);
    }

    public Duration webhookAckTimeout() {
        return Duration.ofMillis(getLong(WEBHOOK_ACK_TIMEOUT_MS));
    }

    public int webhookDedupSize() {
        return getInt(WEBHOOK_DEDUP_SIZE);
    }

    // ---- validators ----

    static Instant parseStart(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notInstant) {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    private static ConfigDef.Validator backfillStartValidator() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            String s = value == null ? "" : value.toString().trim();
            if (s.isEmpty()) {
                return;
            }
            try {
                parseStart(s);
            } catch (DateTimeParseException e) {
                throw new ConfigException(name, value, "must be an ISO-8601 date (2026-01-31) or instant "
                        + "(2026-01-31T08:00:00Z)");
            }
        }, () -> "empty, an ISO-8601 date or an ISO-8601 instant");
    }

    private static ConfigDef.Validator objectsValidator() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            @SuppressWarnings("unchecked")
            List<String> list = (List<String>) value;
            for (String s : list) {
                if (!List.of("messages", "events", "contacts").contains(s.trim().toLowerCase(Locale.ROOT))) {
                    throw new ConfigException(name, value, "each entry must be messages, events or contacts");
                }
            }
        }, () -> "any of messages, events, contacts");
    }

    private static ConfigDef.Validator nonEmptyList() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            if (!(value instanceof List<?> list) || list.isEmpty()) {
                throw new ConfigException(name, value, "must list at least one calendar");
            }
        }, () -> "a non-empty list");
    }

    private static ConfigDef.Validator pathValidator() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            String s = value == null ? "" : value.toString();
            if (!s.matches("/[A-Za-z0-9._~/-]*") || s.endsWith("/") && s.length() > 1) {
                throw new ConfigException(name, value, "must be an absolute URL path such as /nylas/webhook");
            }
        }, () -> "an absolute URL path");
    }
}

package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.config.ConfigDefBuilder;
import io.nylassf.connect.common.config.NylasConnectionConfig;
import io.nylassf.connect.common.config.PollingConfig;
import io.nylassf.connect.common.config.TopicsConfig;
import io.nylassf.connect.source.nylas.offset.ObjectStream;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

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
    public static final String GRANTS_REFRESH_INTERVAL_MS = "nylas.grants.refresh.interval.ms";
    public static final String GRANT_RECHECK_INTERVAL_MS = "nylas.grant.recheck.interval.ms";

    private static final String TOPIC_PREFIX_DOC = "Prefix of the topics written: <prefix>.messages, <prefix>.events, "
            + "<prefix>.contacts and <prefix>.grants.";
    public static final String TOPIC_PREFIX_DEFAULT = "nylas";

    private static final String POLL_INTERVAL_MS_DOC = "Time between two incremental windowed reads of a grant, once "
            + "the backfill has caught up.";
    public static final String OBJECTS = "nylas.objects";
    public static final String CALENDAR_IDS = "nylas.calendar.ids";
    public static final String BACKFILL_DAYS = "backfill.days";
    public static final String BACKFILL_START = "backfill.start";
    public static final String WINDOW_LAG_MS = "window.lag.ms";
    public static final String WINDOW_MAX_SECONDS = "window.max.seconds";
    public static final String WINDOW_MAX_RECORDS = "window.max.records";
    public static final String PAGE_SIZE = "nylas.page.size";
    public static final String CONTACTS_SCAN_INTERVAL_MS = "contacts.scan.interval.ms";
    public static final String MAX_BATCH_SIZE = "max.batch.size";
    public static final String BACKOFF_INITIAL_MS = "backoff.initial.ms";
    public static final String BACKOFF_MAX_MS = "backoff.max.ms";
    public static final String RECORDS_GROUP = "Records";
    public static final String BODY_MAX_BYTES = "message.body.max.bytes";
    public static final String BODY_OVERSIZE = "message.body.oversize";

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
        ConfigDefBuilder builder = new ConfigDefBuilder(def);
        builder.group(GRANTS_GROUP)
                .define(GRANT_IDS, Type.LIST, List.of(), null, Importance.HIGH)
                .define(GRANTS_REFRESH_INTERVAL_MS, Type.LONG, 300_000L, Range.between(1_000L, 86_400_000L),
                        Importance.LOW)
                .define(GRANT_RECHECK_INTERVAL_MS, Type.LONG, 60_000L, Range.between(100L, 86_400_000L),
                        Importance.LOW);
        TopicsConfig.addTo(builder, TOPIC_PREFIX_DEFAULT, TOPIC_PREFIX_DOC);
        PollingConfig.addTo(builder, POLL_INTERVAL_MS_DOC)
                .define(OBJECTS, Type.LIST, ObjectStream.SETTING.values(), ObjectStream.SETTING, Importance.MEDIUM,
                        Width.MEDIUM)
                .define(CALENDAR_IDS, Type.LIST, List.of("primary"), nonEmptyList(), Importance.MEDIUM, Width.MEDIUM)
                .define(BACKFILL_DAYS, Type.INT, 30, Range.between(0, 36_500), Importance.MEDIUM)
                .define(BACKFILL_START, Type.STRING, "", backfillStartValidator(), Importance.MEDIUM)
                .define(WINDOW_LAG_MS, Type.LONG, 30_000L, Range.between(0L, 86_400_000L), Importance.LOW)
                .define(WINDOW_MAX_SECONDS, Type.LONG, 86_400L, Range.between(1L, 31_536_000L), Importance.LOW)
                .define(WINDOW_MAX_RECORDS, Type.INT, 20_000, Range.between(10, 1_000_000), Importance.LOW)
                .define(PAGE_SIZE, Type.INT, 200, Range.between(1, 200), Importance.LOW)
                .define(CONTACTS_SCAN_INTERVAL_MS, Type.LONG, 900_000L, Range.between(100L, 604_800_000L),
                        Importance.LOW)
                .define(MAX_BATCH_SIZE, Type.INT, 2_000, Range.between(1, 100_000), Importance.LOW)
                .define(BACKOFF_INITIAL_MS, Type.LONG, 1_000L, Range.between(10L, 3_600_000L), Importance.LOW)
                .define(BACKOFF_MAX_MS, Type.LONG, 300_000L, Range.between(10L, 86_400_000L), Importance.LOW)
                .group(RECORDS_GROUP)
                .define(BODY_MAX_BYTES, Type.INT, 262_144, Range.between(0, 50_000_000), Importance.MEDIUM)
                .define(BODY_OVERSIZE, Type.STRING, BodyOversize.TRUNCATE.configValue(), BodyOversize.SETTING,
                        Importance.LOW, Width.SHORT, BodyOversize.SETTING);
        WebhookConfig.addTo(builder);
        BackstopConfig.addTo(builder);
        ReconcileConfig.addTo(builder);
        MessagesConfig.addTo(builder);
        RecurringEventsConfig.addTo(builder);
        EventRangeConfig.addTo(builder);
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
        return TopicsConfig.topicPrefix(this);
    }

    public int pollIntervalMs() {
        return PollingConfig.pollIntervalMs(this);
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

    /** {@link RecurringEventsConfig#HORIZON_DAYS}. */
    public int recurringHorizonDays() {
        return RecurringEventsConfig.horizonDays(this);
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
        return BodyOversize.SETTING.parse(getString(BODY_OVERSIZE)) == BodyOversize.DROP;
    }

    /** The webhook endpoint's settings, defined and read by {@link WebhookConfig}. */
    public WebhookSettings webhook() {
        return WebhookConfig.settings(this);
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

    private static ConfigDef.Validator nonEmptyList() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            if (!(value instanceof List<?> list) || list.isEmpty()) {
                throw new ConfigException(name, value, "must list at least one calendar");
            }
        }, () -> "a non-empty list");
    }
}

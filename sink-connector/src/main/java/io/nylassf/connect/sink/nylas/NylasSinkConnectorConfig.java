package io.nylassf.connect.sink.nylas;

import io.nylassf.connect.common.config.ChoiceSetting;
import io.nylassf.connect.common.config.ConfigChoice;
import io.nylassf.connect.common.config.ConfigDefBuilder;
import io.nylassf.connect.common.config.NylasConnectionConfig;
import io.nylassf.connect.common.salesforce.SalesforceId;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Settings of {@link NylasSinkConnector}. */
public class NylasSinkConnectorConfig extends AbstractConfig {
    public static final String WRITES_GROUP = "Writes";
    public static final String MAX_IN_FLIGHT = "nylas.max.in.flight";
    public static final int MAX_IN_FLIGHT_DEFAULT = 128;
    public static final String MAX_IN_FLIGHT_PER_GRANT = "nylas.max.in.flight.per.grant";
    public static final int MAX_IN_FLIGHT_PER_GRANT_DEFAULT = 4;
    public static final String PUT_TIMEOUT_MS = "nylas.put.timeout.ms";
    public static final String MAX_PENDING = "nylas.max.pending.actions";
    public static final String RETRY_MAX_ATTEMPTS = "nylas.retry.max.attempts";
    public static final String RETRY_BACKOFF_MS = "nylas.retry.backoff.ms";
    public static final long RETRY_BACKOFF_MS_DEFAULT = 1_000L;
    public static final String GRANTS_GROUP = "Grants";
    public static final String GRANT_RESOLUTION = "grant.resolution";
    public static final String GRANT_MAP = "grant.map";
    public static final String GRANT_EMAIL_FIELD = "grant.owner.email.field";
    public static final String SEND_ON_BEHALF = "nylas.send.on.behalf.allowed.user.ids";
    public static final String GRANT_EXPIRED = "grant.expired.behavior";
    public static final String GRANT_CHECK_INTERVAL_MS = "grant.expired.check.interval.ms";
    public static final String GRANT_MAX_AGE_MS = "grant.expired.max.age.ms";
    public static final String GRANT_MAX_PARKED = "grant.expired.max.parked";
    public static final String EVENTS_GROUP = "Events";
    public static final String EVENTS_CALENDAR = "events.calendar.id";
    public static final String EVENTS_TIMES_OWNER = "events.times.owner";
    public static final String EVENTS_NOTIFY = "events.notify.participants";
    public static final String EVENTS_INVITE_WHO = "events.invite.who";
    public static final String LOOP_GROUP = "Loop guard";
    public static final String LOOP_CLIENT_IDS = "loop.client.ids";

    public static final ConfigDef CONFIG_DEF = configDef();

    public enum GrantResolution implements ConfigChoice {
        OWNER_EMAIL, STATIC;

        static final ChoiceSetting<GrantResolution> SETTING = ChoiceSetting.of(GrantResolution.class);
    }

    /** PARK: wait for the grant (RETRY is its former name); DLQ: dead-letter at once. */
    public enum GrantExpired implements ConfigChoice {
        PARK {
            @Override
            public List<String> aliases() {
                return List.of("retry");
            }
        },
        DLQ;

        static final ChoiceSetting<GrantExpired> SETTING = ChoiceSetting.of(GrantExpired.class);
    }

    public enum TimesOwner implements ConfigChoice {
        CALENDAR, SALESFORCE;

        static final ChoiceSetting<TimesOwner> SETTING = ChoiceSetting.of(TimesOwner.class);
    }

    public NylasSinkConnectorConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
    }

    public static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        NylasConnectionConfig.addTo(def);
        ConfigDefBuilder builder = new ConfigDefBuilder(def);
        builder.group(WRITES_GROUP)
                .define(MAX_IN_FLIGHT, Type.INT, MAX_IN_FLIGHT_DEFAULT, Range.between(1, 256), Importance.MEDIUM)
                .define(MAX_IN_FLIGHT_PER_GRANT, Type.INT, MAX_IN_FLIGHT_PER_GRANT_DEFAULT, Range.between(1, 64),
                        Importance.MEDIUM)
                .define(PUT_TIMEOUT_MS, Type.INT, 120_000, Range.between(1_000, 3_600_000), Importance.LOW)
                .define(MAX_PENDING, Type.INT, 500, Range.between(1, 100_000), Importance.LOW)
                .define(RETRY_MAX_ATTEMPTS, Type.INT, 10, Range.between(1, 1_000), Importance.MEDIUM)
                .define(RETRY_BACKOFF_MS, Type.LONG, RETRY_BACKOFF_MS_DEFAULT, Range.between(10L, 600_000L),
                        Importance.LOW)
                .group(GRANTS_GROUP)
                .define(GRANT_RESOLUTION, Type.STRING, "owner_email", GrantResolution.SETTING, Importance.HIGH,
                        Width.MEDIUM, GrantResolution.SETTING)
                .define(GRANT_MAP, Type.LIST, List.of(), grantMapEntries(), Importance.HIGH)
                .define(GRANT_EMAIL_FIELD, Type.STRING, "Owner.Email", ownerField(), Importance.MEDIUM)
                .define(SEND_ON_BEHALF, Type.LIST, List.of(), userIds(), Importance.HIGH)
                .define(GRANT_EXPIRED, Type.STRING, "park", GrantExpired.SETTING, Importance.MEDIUM, Width.SHORT,
                        GrantExpired.SETTING)
                .define(GRANT_CHECK_INTERVAL_MS, Type.LONG, 60_000L, Range.between(100L, 86_400_000L), Importance.LOW)
                .define(GRANT_MAX_AGE_MS, Type.LONG, Duration.ofHours(72).toMillis(), Range.atLeast(0L),
                        Importance.MEDIUM)
                .define(GRANT_MAX_PARKED, Type.INT, 10_000, Range.between(1, 1_000_000), Importance.LOW);
        SendConfig.addTo(builder)
                .group(EVENTS_GROUP)
                .define(EVENTS_CALENDAR, Type.STRING, "primary", new ConfigDef.NonEmptyString(), Importance.MEDIUM)
                .define(EVENTS_TIMES_OWNER, Type.STRING, "calendar", TimesOwner.SETTING, Importance.MEDIUM, Width.SHORT,
                        TimesOwner.SETTING)
                .define(EVENTS_NOTIFY, Type.BOOLEAN, false, null, Importance.LOW)
                .define(EVENTS_INVITE_WHO, Type.BOOLEAN, true, null, Importance.LOW);
        KickoffConfig.addTo(builder)
                .group(LOOP_GROUP)
                .define(LOOP_CLIENT_IDS, Type.LIST, List.of("nylas-kafka-sync"), null, Importance.MEDIUM, Width.MEDIUM);
        SendStatusConfig.addTo(def);
        return def;
    }

    private static ConfigDef.Validator grantMapEntries() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            for (Object o : (List<?>) value) {
                String[] kv = o.toString().split("=", 2);
                if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                    throw new ConfigException(name, value, "'" + o + "' is not key=grantId");
                }
            }
        }, () -> "list of <User ID or email>=<grant ID>");
    }

    private static ConfigDef.Validator ownerField() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            if (value == null || !value.toString().trim().matches("Owner\\.[A-Za-z][A-Za-z0-9_]*")) {
                throw new ConfigException(name, value, "must be a field of the owner's User record, "
                        + "Owner.<Field> (e.g. Owner.Email)");
            }
        }, () -> "Owner.<Field>");
    }

    private static ConfigDef.Validator userIds() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            for (Object o : (List<?>) value) {
                if (SalesforceId.canonical(o.toString()) == null) {
                    throw new ConfigException(name, value, "'" + o + "' is not a 15- or 18-character "
                            + "Salesforce User ID");
                }
            }
        }, () -> "list of Salesforce User IDs");
    }

    public NylasConnectionConfig connection() {
        return new NylasConnectionConfig(this);
    }

    public int maxInFlight() {
        return getInt(MAX_IN_FLIGHT);
    }

    public int maxInFlightPerGrant() {
        return getInt(MAX_IN_FLIGHT_PER_GRANT);
    }

    public int maxPending() {
        return getInt(MAX_PENDING);
    }

    public Duration putTimeout() {
        return Duration.ofMillis(getInt(PUT_TIMEOUT_MS));
    }

    public GrantResolution grantResolution() {
        return GrantResolution.SETTING.parse(getString(GRANT_RESOLUTION));
    }

    /** grant.map as key → grant, keys as written (User IDs or emails). */
    public Map<String, String> grantMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String e : getList(GRANT_MAP)) {
            String[] kv = e.split("=", 2);
            m.put(kv[0].trim(), kv[1].trim());
        }
        return m;
    }

    public String grantEmailField() {
        return getString(GRANT_EMAIL_FIELD).trim();
    }

    public List<String> sendOnBehalfAllowedUserIds() {
        return getList(SEND_ON_BEHALF);
    }

    public GrantExpired grantExpired() {
        return GrantExpired.SETTING.parse(getString(GRANT_EXPIRED));
    }

    public Duration grantCheckInterval() {
        return Duration.ofMillis(getLong(GRANT_CHECK_INTERVAL_MS));
    }

    public Duration grantMaxAge() {
        return Duration.ofMillis(getLong(GRANT_MAX_AGE_MS));
    }

    public int grantMaxParked() {
        return getInt(GRANT_MAX_PARKED);
    }

    public int retryMaxAttempts() {
        return getInt(RETRY_MAX_ATTEMPTS);
    }

    public Duration retryBackoff() {
        return Duration.ofMillis(getLong(RETRY_BACKOFF_MS));
    }

    public List<String> sendSubtypes() {
        return SendConfig.sendSubtypes(this);
    }

    public List<String> sendStatuses() {
        return SendConfig.sendStatuses(this);
    }

    public String sendFlagField() {
        return SendConfig.sendFlagField(this);
    }

    public String sendRecipientField() {
        return SendConfig.sendRecipientField(this);
    }

    public boolean resendOnEdit() {
        return SendConfig.resendOnEdit(this);
    }

    public Duration sendMaxAge() {
        return SendConfig.sendMaxAge(this);
    }

    public String calendarId() {
        return getString(EVENTS_CALENDAR);
    }

    public TimesOwner timesOwner() {
        return TimesOwner.SETTING.parse(getString(EVENTS_TIMES_OWNER));
    }

    public boolean notifyParticipants() {
        return getBoolean(EVENTS_NOTIFY);
    }

    public boolean inviteWho() {
        return getBoolean(EVENTS_INVITE_WHO);
    }

    public boolean kickoffEnabled() {
        return KickoffConfig.enabled(this);
    }

    public String kickoffStage() {
        return KickoffConfig.stage(this);
    }

    public int kickoffDelayDays() {
        return KickoffConfig.delayDays(this);
    }

    public int kickoffDurationMinutes() {
        return KickoffConfig.durationMinutes(this);
    }

    public String kickoffTitlePrefix() {
        return KickoffConfig.titlePrefix(this);
    }

    public List<String> loopClientIds() {
        return getList(LOOP_CLIENT_IDS);
    }
}

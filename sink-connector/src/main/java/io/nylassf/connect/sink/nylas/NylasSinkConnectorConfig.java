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
    private static final String MAX_IN_FLIGHT_DOC = "Nylas calls one task keeps in flight at once (sends and event "
            + "writes of different records, over all grants); one record's actions stay in order. Each send is "
            + "two calls (metadata lookup, send), so at 500 ms per call 128 give about 100 sends/s per task when "
            + "the work spreads over 32 or more grants (see nylas.max.in.flight.per.grant).";
    public static final int MAX_IN_FLIGHT_DEFAULT = 128;

    public static final String MAX_IN_FLIGHT_PER_GRANT = "nylas.max.in.flight.per.grant";
    private static final String MAX_IN_FLIGHT_PER_GRANT_DOC = "Nylas calls one task keeps in flight for one grant "
            + "at once (a grant's other actions wait without holding a slot of nylas.max.in.flight, so one busy or "
            + "rate-limited grant never takes the pool from the others). 4 is Microsoft Graph's limit of concurrent "
            + "requests per mailbox (Nylas passes provider limits through); Nylas itself allows 200 requests/s per "
            + "grant. A 429 from one grant (its Retry-After) delays only that grant's calls.";
    public static final int MAX_IN_FLIGHT_PER_GRANT_DEFAULT = 4;

    public static final String PUT_TIMEOUT_MS = "nylas.put.timeout.ms";
    private static final String PUT_TIMEOUT_MS_DOC = "put() never waits for the Nylas calls it starts; it waits "
            + "only for room when nylas.max.pending.actions actions are unfinished, at most this long. Then the "
            + "batch goes back to Connect, none of it started, and is delivered again.";

    public static final String MAX_PENDING = "nylas.max.pending.actions";
    private static final String MAX_PENDING_DOC = "Actions one task has started or queued and not finished (the "
            + "memory bound): put() waits for room beyond it (up to nylas.put.timeout.ms). Their offsets are not "
            + "committed until they end; below nylas.max.in.flight it also limits the calls in flight.";
    public static final int MAX_PENDING_DEFAULT = 500;
    public static final int PUT_TIMEOUT_MS_DEFAULT = 120_000;

    public static final String RETRY_MAX_ATTEMPTS = "nylas.retry.max.attempts";
    private static final String RETRY_MAX_ATTEMPTS_DOC = "Runs one action gets when it fails transiently (429 "
            + "beyond the per-grant waits, 5xx, timeouts) before its record goes to the dead-letter queue. Only "
            + "the failed action runs again, never the rest of its batch; its offset is not committed meanwhile.";
    public static final int RETRY_MAX_ATTEMPTS_DEFAULT = 10;

    public static final String RETRY_BACKOFF_MS = "nylas.retry.backoff.ms";
    private static final String RETRY_BACKOFF_MS_DOC = "Wait before the first retry of a failed action; it doubles "
            + "(with jitter) up to 2 minutes, and a Retry-After from Nylas wins.";
    public static final long RETRY_BACKOFF_MS_DEFAULT = 1_000L;

    public static final String GRANTS_GROUP = "Grants";
    public static final String GRANT_RESOLUTION = "grant.resolution";
    private static final String GRANT_RESOLUTION_DOC = "How a record's owner finds the Nylas grant that acts for "
            + "them: 'owner_email' (the grant whose email is the owner's email, read from grant.owner.email.field; "
            + "entries of grant.map win) or 'static' (grant.map only).";
    public static final String GRANT_MAP = "grant.map";
    private static final String GRANT_MAP_DOC = "Static owner-to-grant entries, key=grantId, where the key is a "
            + "Salesforce User ID (005...) or an email address.";
    public static final String GRANT_EMAIL_FIELD = "grant.owner.email.field";
    private static final String GRANT_EMAIL_FIELD_DOC = "Field of the owner's User record holding the owner's "
            + "email, as an Owner.<Field> path (the Salesforce source reads Owner.Email for Task, Event and "
            + "Opportunity). Only Owner.* is accepted: a field of the record itself could be typed by anyone who "
            + "edits the record and would choose another person's mailbox.";
    public static final String SEND_ON_BEHALF = "nylas.send.on.behalf.allowed.user.ids";
    private static final String SEND_ON_BEHALF_DOC = "Salesforce User IDs (15 or 18 characters) allowed to make the "
            + "sink act in another user's name. A message is sent, and a calendar event created, updated or deleted "
            + "(also the Opportunity kickoff), only when the record's creator (CreatedById) and last modifier "
            + "(LastModifiedById) are its owner or on this list; everything else goes to the DLQ as "
            + "'not_authorized: ...'. Empty (the default): the owner only. Typical entries: a sales-ops team that "
            + "prepares emails for reps, and the integration user, so that a person's edits of meetings the "
            + "Salesforce sink created reach their calendar.";
    public static final String GRANT_EXPIRED = "grant.expired.behavior";
    private static final String GRANT_EXPIRED_DOC = "A record whose grant is expired or revoked (Nylas 401 with a "
            + "provider_error): 'park' keeps its actions in memory, uncommitted, while the task's other grants go "
            + "on, checks the grant every grant.expired.check.interval.ms and replays them once it is valid again "
            + "(DLQ after grant.expired.max.age.ms); 'dlq' reports it to the dead-letter queue at once. 'retry' is "
            + "the former name of 'park' and means the same. A 401 without provider_error is a bad API key: the "
            + "task fails whatever this says.";

    public static final String GRANT_CHECK_INTERVAL_MS = "grant.expired.check.interval.ms";
    private static final String GRANT_CHECK_INTERVAL_MS_DOC = "How often a parked grant is checked "
            + "(GET /v3/grants/{id}, one call per parked grant) to see whether the user re-authenticated.";
    public static final long GRANT_CHECK_INTERVAL_MS_DEFAULT = 60_000L;

    public static final String GRANT_MAX_AGE_MS = "grant.expired.max.age.ms";
    private static final String GRANT_MAX_AGE_MS_DOC = "How long a record may wait for its expired grant before it "
            + "goes to the dead-letter queue with the reason. Nylas backfills a grant re-authenticated within 72 "
            + "hours; records wait uncommitted, so a restart replays the partition from the oldest waiting one.";
    public static final long GRANT_MAX_AGE_MS_DEFAULT = Duration.ofHours(72).toMillis();

    public static final String GRANT_MAX_PARKED = "grant.expired.max.parked";
    private static final String GRANT_MAX_PARKED_DOC = "At most this many actions wait for expired grants (memory "
            + "bound); beyond it the oldest go to the dead-letter queue.";
    public static final int GRANT_MAX_PARKED_DEFAULT = 10_000;

    public static final String EVENTS_GROUP = "Events";
    public static final String EVENTS_CALENDAR = "events.calendar.id";
    private static final String EVENTS_CALENDAR_DOC = "Calendar written on the owner's grant ('primary' or an ID).";
    public static final String EVENTS_TIMES_OWNER = "events.times.owner";
    private static final String EVENTS_TIMES_OWNER_DOC = "Who owns meeting times once the calendar event exists: "
            + "'calendar' (times are written on create only; people move meetings in their calendar) or "
            + "'salesforce' (Salesforce edits move the event too). Other fields are last-write-wins against the "
            + "calendar's updated_at.";
    public static final String EVENTS_NOTIFY = "events.notify.participants";
    private static final String EVENTS_NOTIFY_DOC = "Whether Nylas emails invitations/updates to participants.";
    public static final String EVENTS_INVITE_WHO = "events.invite.who";
    private static final String EVENTS_INVITE_WHO_DOC = "Add the Event's Who (Who.Email) as a participant.";

    public static final String LOOP_GROUP = "Loop guard";
    public static final String LOOP_CLIENT_IDS = "loop.client.ids";
    private static final String LOOP_CLIENT_IDS_DOC = "Sforce-Call-Options client IDs of this integration (the "
            + "Salesforce sink's salesforce.client.tag). Change events whose changeOrigin carries one (CDC input) "
            + "are ignored; records already marked own_change=true always are.";

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
                .define(MAX_IN_FLIGHT, Type.INT, MAX_IN_FLIGHT_DEFAULT, Range.between(1, 256), Importance.MEDIUM,
                        MAX_IN_FLIGHT_DOC, Width.SHORT, "Max in-flight calls")
                .define(MAX_IN_FLIGHT_PER_GRANT, Type.INT, MAX_IN_FLIGHT_PER_GRANT_DEFAULT, Range.between(1, 64),
                        Importance.MEDIUM, MAX_IN_FLIGHT_PER_GRANT_DOC, Width.SHORT, "Max in-flight calls per grant")
                .define(PUT_TIMEOUT_MS, Type.INT, PUT_TIMEOUT_MS_DEFAULT, Range.between(1_000, 3_600_000),
                        Importance.LOW, PUT_TIMEOUT_MS_DOC, Width.SHORT, "Backpressure wait (ms)")
                .define(MAX_PENDING, Type.INT, MAX_PENDING_DEFAULT, Range.between(1, 100_000), Importance.LOW,
                        MAX_PENDING_DOC, Width.SHORT, "Max pending actions")
                .define(RETRY_MAX_ATTEMPTS, Type.INT, RETRY_MAX_ATTEMPTS_DEFAULT, Range.between(1, 1_000),
                        Importance.MEDIUM, RETRY_MAX_ATTEMPTS_DOC, Width.SHORT, "Max attempts per action")
                .define(RETRY_BACKOFF_MS, Type.LONG, RETRY_BACKOFF_MS_DEFAULT, Range.between(10L, 600_000L),
                        Importance.LOW, RETRY_BACKOFF_MS_DOC, Width.SHORT, "Retry backoff (ms)")
                .group(GRANTS_GROUP)
                .define(GRANT_RESOLUTION, Type.STRING, "owner_email", GrantResolution.SETTING, Importance.HIGH,
                        GrantResolution.SETTING.doc(GRANT_RESOLUTION_DOC), Width.MEDIUM, "Grant resolution",
                        GrantResolution.SETTING)
                .define(GRANT_MAP, Type.LIST, List.of(), ConfigDef.LambdaValidator.with((name, value) -> {
                    for (Object o : (List<?>) value) {
                        String[] kv = o.toString().split("=", 2);
                        if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                            throw new ConfigException(name, value, "'" + o + "' is not key=grantId");
                        }
                    }
                }, () -> "list of <User ID or email>=<grant ID>"), Importance.HIGH, GRANT_MAP_DOC, Width.LONG,
                        "Owner to grant map")
                .define(GRANT_EMAIL_FIELD, Type.STRING, "Owner.Email", ConfigDef.LambdaValidator.with((name, value) -> {
                    if (value == null || !value.toString().trim().matches("Owner\\.[A-Za-z][A-Za-z0-9_]*")) {
                        throw new ConfigException(name, value, "must be a field of the owner's User record, "
                                + "Owner.<Field> (e.g. Owner.Email)");
                    }
                }, () -> "Owner.<Field>"), Importance.MEDIUM, GRANT_EMAIL_FIELD_DOC, Width.MEDIUM,
                        "Owner email field")
                .define(SEND_ON_BEHALF, Type.LIST, List.of(), ConfigDef.LambdaValidator.with((name, value) -> {
                    for (Object o : (List<?>) value) {
                        if (SalesforceId.canonical(o.toString()) == null) {
                            throw new ConfigException(name, value, "'" + o + "' is not a 15- or 18-character "
                                    + "Salesforce User ID");
                        }
                    }
                }, () -> "list of Salesforce User IDs"), Importance.HIGH, SEND_ON_BEHALF_DOC, Width.LONG,
                        "Allowed to act on behalf")
                .define(GRANT_EXPIRED, Type.STRING, "park", GrantExpired.SETTING, Importance.MEDIUM,
                        GrantExpired.SETTING.doc(GRANT_EXPIRED_DOC), Width.SHORT, "Expired grant",
                        GrantExpired.SETTING)
                .define(GRANT_CHECK_INTERVAL_MS, Type.LONG, GRANT_CHECK_INTERVAL_MS_DEFAULT,
                        Range.between(100L, 86_400_000L), Importance.LOW, GRANT_CHECK_INTERVAL_MS_DOC, Width.SHORT,
                        "Expired grant check (ms)")
                .define(GRANT_MAX_AGE_MS, Type.LONG, GRANT_MAX_AGE_MS_DEFAULT, Range.atLeast(0L), Importance.MEDIUM,
                        GRANT_MAX_AGE_MS_DOC, Width.SHORT, "Expired grant max wait (ms)")
                .define(GRANT_MAX_PARKED, Type.INT, GRANT_MAX_PARKED_DEFAULT, Range.between(1, 1_000_000),
                        Importance.LOW, GRANT_MAX_PARKED_DOC, Width.SHORT, "Max parked actions");
        SendConfig.addTo(builder)
                .group(EVENTS_GROUP)
                .define(EVENTS_CALENDAR, Type.STRING, "primary", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                        EVENTS_CALENDAR_DOC, Width.MEDIUM, "Calendar")
                .define(EVENTS_TIMES_OWNER, Type.STRING, "calendar", TimesOwner.SETTING, Importance.MEDIUM,
                        TimesOwner.SETTING.doc(EVENTS_TIMES_OWNER_DOC), Width.SHORT, "Meeting times owner",
                        TimesOwner.SETTING)
                .define(EVENTS_NOTIFY, Type.BOOLEAN, false, null, Importance.LOW, EVENTS_NOTIFY_DOC, Width.SHORT,
                        "Notify participants")
                .define(EVENTS_INVITE_WHO, Type.BOOLEAN, true, null, Importance.LOW, EVENTS_INVITE_WHO_DOC,
                        Width.SHORT, "Invite the Who");
        KickoffConfig.addTo(builder)
                .group(LOOP_GROUP)
                .define(LOOP_CLIENT_IDS, Type.LIST, List.of("nylas-kafka-sync"), null, Importance.MEDIUM,
                        LOOP_CLIENT_IDS_DOC, Width.MEDIUM, "Own client IDs");
        return def;
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

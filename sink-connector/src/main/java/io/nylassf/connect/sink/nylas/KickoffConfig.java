package io.nylassf.connect.sink.nylas;

import io.nylassf.connect.common.config.Validators;
import io.nylassf.connect.common.config.ConfigDefBuilder;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;


import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The Nylas sink's "Opportunity kickoff" group: the calendar event created when an Opportunity reaches a stage.
 * A config fragment: {@link #addTo} defines the settings, the accessors read them from any config built on that
 * definition.
 */
public final class KickoffConfig {
    public static final String GROUP = "Opportunity kickoff";
    public static final String KICKOFF_ENABLED = "opportunity.kickoff.enabled";
    public static final String KICKOFF_STAGE = "opportunity.kickoff.stage";
    public static final String KICKOFF_DELAY_DAYS = "opportunity.kickoff.delay.days";
    public static final String KICKOFF_DURATION = "opportunity.kickoff.duration.minutes";
    public static final String KICKOFF_TITLE = "opportunity.kickoff.title.prefix";
    public static final String KICKOFF_INVITE_PRIMARY = "opportunity.kickoff.invite.primary.contact";
    public static final String KICKOFF_LOCAL_HOUR = "opportunity.kickoff.local.hour";
    public static final String KICKOFF_WEEKDAYS_ONLY = "opportunity.kickoff.weekdays.only";
    public static final String KICKOFF_TIME_ZONE = "opportunity.kickoff.default.time.zone";

    /** Shown only while the kickoff is enabled. */
    private static final ConfigDef.Recommender KICKOFF_VISIBLE = new ConfigDef.Recommender() {
        @Override
        public List<Object> validValues(String name, Map<String, Object> parsed) {
            return List.of();
        }

        @Override
        public boolean visible(String name, Map<String, Object> parsed) {
            return !Boolean.FALSE.equals(parsed.get(KICKOFF_ENABLED));
        }
    };

    private KickoffConfig() {
    }

    public static ConfigDefBuilder addTo(ConfigDefBuilder builder) {
        return builder.group(GROUP)
                .define(KICKOFF_ENABLED, Type.BOOLEAN, true, null, Importance.MEDIUM)
                .define(KICKOFF_STAGE, Type.STRING, "Closed Won", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                        Width.MEDIUM, KICKOFF_VISIBLE)
                .define(KICKOFF_DELAY_DAYS, Type.INT, 1, Range.between(0, 365), Importance.LOW, Width.SHORT,
                        KICKOFF_VISIBLE)
                .define(KICKOFF_DURATION, Type.INT, 60, Range.between(5, 1_440), Importance.LOW, Width.SHORT,
                        KICKOFF_VISIBLE)
                .define(KICKOFF_TITLE, Type.STRING, "Kickoff:", null, Importance.LOW, Width.MEDIUM, KICKOFF_VISIBLE)
                .define(KICKOFF_INVITE_PRIMARY, Type.BOOLEAN, true, null, Importance.MEDIUM,
                        "Invite the Opportunity's primary contact (the OpportunityContactRole marked primary, read by "
                                + "the Salesforce source as PrimaryContact.Email) to the kickoff. Off: the kickoff is "
                                + "on the owner's calendar only.", Width.SHORT, "Invite the primary contact",
                        KICKOFF_VISIBLE)
                .define(KICKOFF_LOCAL_HOUR, Type.INT, 10, Range.between(0, 23), Importance.LOW,
                        "Hour of the day the kickoff starts, in the owner's time zone (User.TimeZoneSidKey, read "
                                + "by the Salesforce source as Owner.TimeZoneSidKey): 10 puts it mid-morning "
                                + "wherever the rep works.", Width.SHORT, "Kickoff local hour", KICKOFF_VISIBLE)
                .define(KICKOFF_WEEKDAYS_ONLY, Type.BOOLEAN, true, null, Importance.LOW,
                        "A kickoff that would fall on a Saturday or Sunday (in the owner's time zone) moves to the "
                                + "Monday after.", Width.SHORT, "Kickoff on weekdays only", KICKOFF_VISIBLE)
                .define(KICKOFF_TIME_ZONE, Type.STRING, "UTC", Validators.timeZone(), Importance.LOW,
                        "Time zone of the kickoff when the record does not carry the owner's "
                                + "(Owner.TimeZoneSidKey absent, e.g. CDC input, or unknown to Java).",
                        Width.MEDIUM, "Kickoff fallback time zone", KICKOFF_VISIBLE);
    }

    public static boolean enabled(AbstractConfig c) {
        return c.getBoolean(KICKOFF_ENABLED);
    }

    public static String stage(AbstractConfig c) {
        return c.getString(KICKOFF_STAGE);
    }

    public static int delayDays(AbstractConfig c) {
        return c.getInt(KICKOFF_DELAY_DAYS);
    }

    public static int durationMinutes(AbstractConfig c) {
        return c.getInt(KICKOFF_DURATION);
    }

    public static boolean invitePrimaryContact(AbstractConfig c) {
        return c.getBoolean(KICKOFF_INVITE_PRIMARY);
    }

    public static int localHour(AbstractConfig c) {
        return c.getInt(KICKOFF_LOCAL_HOUR);
    }

    public static boolean weekdaysOnly(AbstractConfig c) {
        return c.getBoolean(KICKOFF_WEEKDAYS_ONLY);
    }

    public static ZoneId defaultTimeZone(AbstractConfig c) {
        return ZoneId.of(c.getString(KICKOFF_TIME_ZONE).trim());
    }

    public static String titlePrefix(AbstractConfig c) {
        String p = c.getString(KICKOFF_TITLE);
        return p == null ? "" : p;
    }
}

package io.nylassf.connect.sink.nylas;

import io.nylassf.connect.common.config.ConfigDefBuilder;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

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
                .define(KICKOFF_TITLE, Type.STRING, "Kickoff:", null, Importance.LOW, Width.MEDIUM, KICKOFF_VISIBLE);
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

    public static String titlePrefix(AbstractConfig c) {
        String p = c.getString(KICKOFF_TITLE);
        return p == null ? "" : p;
    }
}

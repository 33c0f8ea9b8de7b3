package io.nylassf.connect.sink.nylas;

import io.nylassf.connect.common.config.ConfigDefBuilder;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

import java.time.Duration;
import java.util.List;

/**
 * The Nylas sink's "Send" group: which Salesforce Tasks are sent as emails, and to whom. A config fragment:
 * {@link #addTo} defines the settings, the accessors read them from any config built on that definition.
 */
public final class SendConfig {
    public static final String GROUP = "Send";
    public static final String SEND_SUBTYPES = "send.task.subtypes";
    public static final String SEND_STATUSES = "send.task.statuses";
    public static final String SEND_FLAG_FIELD = "send.task.flag.field";
    public static final String SEND_RECIPIENT_FIELD = "send.recipient.field";
    public static final String SEND_RESEND_ON_EDIT = "send.resend.on.edit";
    public static final String SEND_MAX_AGE_MS = "send.max.age.ms";

    private SendConfig() {
    }

    public static ConfigDefBuilder addTo(ConfigDefBuilder builder) {
        return builder.group(GROUP)
                .define(SEND_SUBTYPES, Type.LIST, List.of("Email"), null, Importance.HIGH, Width.MEDIUM)
                .define(SEND_STATUSES, Type.LIST, List.of("Not Started"), null, Importance.HIGH, Width.MEDIUM)
                .define(SEND_FLAG_FIELD, Type.STRING, "", null, Importance.MEDIUM)
                .define(SEND_RECIPIENT_FIELD, Type.STRING, "Who.Email", new ConfigDef.NonEmptyString(),
                        Importance.MEDIUM)
                .define(SEND_RESEND_ON_EDIT, Type.BOOLEAN, false, null, Importance.MEDIUM)
                .define(SEND_MAX_AGE_MS, Type.LONG, Duration.ofDays(7).toMillis(), Range.atLeast(0L), Importance.LOW);
    }

    public static List<String> sendSubtypes(AbstractConfig c) {
        return c.getList(SEND_SUBTYPES);
    }

    public static List<String> sendStatuses(AbstractConfig c) {
        return c.getList(SEND_STATUSES);
    }

    public static String sendFlagField(AbstractConfig c) {
        String f = c.getString(SEND_FLAG_FIELD);
        return f == null || f.isBlank() ? null : f.trim();
    }

    public static String sendRecipientField(AbstractConfig c) {
        return c.getString(SEND_RECIPIENT_FIELD);
    }

    public static boolean resendOnEdit(AbstractConfig c) {
        return c.getBoolean(SEND_RESEND_ON_EDIT);
    }

    public static Duration sendMaxAge(AbstractConfig c) {
        return Duration.ofMillis(c.getLong(SEND_MAX_AGE_MS));
    }
}

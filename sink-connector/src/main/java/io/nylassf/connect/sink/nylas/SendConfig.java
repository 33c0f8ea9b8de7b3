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
    private static final String SEND_SUBTYPES_DOC = "A Task is sent only when its TaskSubtype is one of these.";
    public static final String SEND_STATUSES = "send.task.statuses";
    private static final String SEND_STATUSES_DOC = "...and its Status is one of these (empty: any status).";
    public static final String SEND_FLAG_FIELD = "send.task.flag.field";
    private static final String SEND_FLAG_FIELD_DOC = "...and, when set, this checkbox field is true (e.g. "
            + "Send_Via_Nylas__c; add it to the source's salesforce.fields as Task.Send_Via_Nylas__c).";
    public static final String SEND_RECIPIENT_FIELD = "send.recipient.field";
    private static final String SEND_RECIPIENT_FIELD_DOC = "Field with the recipient address(es), comma or "
            + "semicolon separated. A Task marked for sending without one goes to the DLQ.";
    public static final String SEND_RESEND_ON_EDIT = "send.resend.on.edit";
    private static final String SEND_RESEND_ON_EDIT_DOC = "Whether a Task edited after it was sent is sent again "
            + "(once per version). By default a Task is sent at most once.";
    public static final String SEND_MAX_AGE_MS = "send.max.age.ms";
    private static final String SEND_MAX_AGE_MS_DOC = "Tasks created longer ago than this are never sent (a safety "
            + "net when the source starts from the beginning of an org); 0 disables the check.";

    private SendConfig() {
    }

    public static ConfigDefBuilder addTo(ConfigDefBuilder builder) {
        return builder.group(GROUP)
                .define(SEND_SUBTYPES, Type.LIST, List.of("Email"), null, Importance.HIGH, SEND_SUBTYPES_DOC,
                        Width.MEDIUM, "Task subtypes to send")
                .define(SEND_STATUSES, Type.LIST, List.of("Not Started"), null, Importance.HIGH, SEND_STATUSES_DOC,
                        Width.MEDIUM, "Task statuses to send")
                .define(SEND_FLAG_FIELD, Type.STRING, "", null, Importance.MEDIUM, SEND_FLAG_FIELD_DOC, Width.MEDIUM,
                        "Send checkbox field")
                .define(SEND_RECIPIENT_FIELD, Type.STRING, "Who.Email", new ConfigDef.NonEmptyString(),
                        Importance.MEDIUM, SEND_RECIPIENT_FIELD_DOC, Width.MEDIUM, "Recipient field")
                .define(SEND_RESEND_ON_EDIT, Type.BOOLEAN, false, null, Importance.MEDIUM, SEND_RESEND_ON_EDIT_DOC,
                        Width.SHORT, "Resend on edit")
                .define(SEND_MAX_AGE_MS, Type.LONG, Duration.ofDays(7).toMillis(), Range.atLeast(0L),
                        Importance.LOW, SEND_MAX_AGE_MS_DOC, Width.SHORT, "Max Task age (ms)");
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

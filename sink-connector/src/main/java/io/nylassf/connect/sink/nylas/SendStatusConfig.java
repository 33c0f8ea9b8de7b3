package io.nylassf.connect.sink.nylas;

import io.nylassf.connect.common.config.ConfigDefBuilder;
import io.nylassf.connect.common.config.SalesforceAuthValidator;
import io.nylassf.connect.common.config.SalesforceConnectionConfig;
import io.nylassf.connect.common.config.ValidationResults;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Nylas sink's "Send status in Salesforce" group: after a send, its Task is marked Completed with the Nylas
 * message id and the send time; a send that fails for good shows a status and a reason on the Task. It needs the
 * optional Salesforce connection (the shared {@code salesforce.*} settings, {@link SalesforceConnectionConfig}).
 * A config fragment: {@link #addTo} defines the settings, the accessors read them.
 */
public final class SendStatusConfig {
    public static final String GROUP = "Send status in Salesforce";
    public static final String ENABLED = "send.status.enabled";
    public static final String LINGER_MS = "send.status.linger.ms";
    public static final String MESSAGE_ID_FIELD = "send.status.message.id.field";
    public static final String SENT_AT_FIELD = "send.status.sent.at.field";
    public static final String STATUS_FIELD = "send.status.field";
    public static final String ERROR_FIELD = "send.status.error.field";

    /** Shown only while the send status is on. */
    private static final ConfigDef.Recommender VISIBLE = new ConfigDef.Recommender() {
        @Override
        public List<Object> validValues(String name, Map<String, Object> parsed) {
            return List.of();
        }

        @Override
        public boolean visible(String name, Map<String, Object> parsed) {
            return Boolean.TRUE.equals(parsed.get(ENABLED));
        }
    };

    private static final ConfigDef.Validator FIELD_NAME = ConfigDef.LambdaValidator.with((name, value) -> {
        if (value != null && !value.toString().isBlank()
                && !value.toString().trim().matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new org.apache.kafka.common.config.ConfigException(name, value, "not a Task field API name");
        }
    }, () -> "a Task field API name, or empty");

    private SendStatusConfig() {
    }

    /** Adds the group and the optional Salesforce connection settings to {@code def}. */
    public static ConfigDef addTo(ConfigDef def) {
        SalesforceConnectionConfig.addOptionalTo(def);
        new ConfigDefBuilder(def).group(GROUP)
                .define(ENABLED, Type.BOOLEAN, false, null, Importance.MEDIUM,
                        "Write each send's outcome to its Task in Salesforce: a sent Task becomes Status=Completed "
                                + "with the Nylas message id and the send time; a send that fails for good (refused "
                                + "recipients, not authorized, grant gone...) gets a status and a reason. Needs the "
                                + "salesforce.* connection settings (salesforce.client.id and the credentials of "
                                + "salesforce.auth.method). Off by default: the sink then needs no Salesforce access.",
                        Width.SHORT, "Send status in Salesforce")
                .define(LINGER_MS, Type.INT, 1_000, Range.between(0, 60_000), Importance.LOW,
                        "How long status updates are gathered before they are written: one Composite call carries "
                                + "up to 1,000 Task updates (five sObject Collections of 200), so a busy task spends "
                                + "about one API call a second on statuses, whatever its send rate.",
                        Width.SHORT, "Send status linger (ms)", VISIBLE)
                .define(MESSAGE_ID_FIELD, Type.STRING, "Nylas_Message_Id__c", FIELD_NAME, Importance.LOW,
                        "Task field that receives the sent message's Nylas id (the inbound direction's key, so the "
                                + "message coming back links to this Task). Empty: not written.",
                        Width.MEDIUM, "Message id field", VISIBLE)
                .define(SENT_AT_FIELD, Type.STRING, "Nylas_Sent_At__c", FIELD_NAME, Importance.LOW,
                        "Task Date/Time field that receives the send time (CompletedDateTime is read-only and "
                                + "records when the status was written). Empty: not written.",
                        Width.MEDIUM, "Sent-at field", VISIBLE)
                .define(STATUS_FIELD, Type.STRING, "Nylas_Send_Status__c", FIELD_NAME, Importance.LOW,
                        "Task Text field that receives Sent, Failed or Refused (not authorized). Empty: not "
                                + "written (a failure is then only in the DLQ).", Width.MEDIUM, "Send status field",
                        VISIBLE)
                .define(ERROR_FIELD, Type.STRING, "Nylas_Send_Error__c", FIELD_NAME, Importance.LOW,
                        "Task Text(255) field that receives why a send failed, cut to 255 characters (cleared on "
                                + "success). Empty: not written.", Width.MEDIUM, "Send error field", VISIBLE);
        return def;
    }

    /**
     * The cross-setting rules: with the send status on, {@code salesforce.client.id} and the auth method's
     * credentials are required; errors are attached to the setting to fix.
     */
    public static Config validate(Config config) {
        Map<String, ConfigValue> values = ValidationResults.byName(config);
        ConfigValue enabled = values.get(ENABLED);
        if (enabled == null || !Boolean.TRUE.equals(enabled.value())) {
            return config;
        }
        ConfigValue clientId = values.get(SalesforceConnectionConfig.CLIENT_ID);
        if (clientId != null && (clientId.value() == null || clientId.value().toString().isBlank())) {
            clientId.addErrorMessage(SalesforceConnectionConfig.CLIENT_ID + " is required when " + ENABLED + "=true");
        }
        return SalesforceAuthValidator.validate(config);
    }

    public static boolean enabled(AbstractConfig c) {
        return c.getBoolean(ENABLED);
    }

    public static Duration linger(AbstractConfig c) {
        return Duration.ofMillis(c.getInt(LINGER_MS));
    }

    public static String messageIdField(AbstractConfig c) {
        return field(c, MESSAGE_ID_FIELD);
    }

    public static String sentAtField(AbstractConfig c) {
        return field(c, SENT_AT_FIELD);
    }

    public static String statusField(AbstractConfig c) {
        return field(c, STATUS_FIELD);
    }

    public static String errorField(AbstractConfig c) {
        return field(c, ERROR_FIELD);
    }

    private static String field(AbstractConfig c, String name) {
        String v = c.getString(name);
        return v == null || v.isBlank() ? null : v.trim();
    }
}

package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.config.ConfigDefBuilder;
import io.nylassf.connect.common.config.NylasConnectionConfig;
import io.nylassf.connect.common.config.ValidationResults;
import io.nylassf.connect.common.config.Validators;
import io.nylassf.connect.sink.salesforce.files.AttachmentRules;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

import java.util.Map;

/**
 * Email attachments as Salesforce Files (opt-in): which files are copied (size cap, content types, inline
 * images), the ContentVersion field that makes the copy idempotent, and how to reach Nylas for the bytes (the
 * {@link NylasConnectionConfig} settings, here with the API key needed only when the option is on). A config
 * fragment: {@link #addTo} defines the settings, the static accessors read them.
 */
public final class AttachmentsConfig {
    public static final String GROUP = "Attachments";
    public static final String ENABLED = "salesforce.attachments.enabled";
    public static final String MAX_BYTES = "salesforce.attachments.max.bytes";
    /** A JSON insert carries at most 37.5 MB of base64-encoded data (REST API, Insert or Update Blob Data). */
    public static final int JSON_BLOB_MAX_BYTES = 37 * 1024 * 1024 + 512 * 1024;
    public static final int MAX_BYTES_DEFAULT = 5 * 1024 * 1024;
    public static final String CONTENT_TYPES = "salesforce.attachments.content.types";
    public static final String CONTENT_TYPES_DEFAULT = "application/pdf,image/png,image/jpeg,image/gif,text/plain,"
            + "text/csv,text/calendar,application/msword,application/vnd.ms-excel,application/vnd.ms-powerpoint,"
            + "application/vnd.openxmlformats-officedocument.*";
    public static final String INCLUDE_INLINE = "salesforce.attachments.include.inline";
    public static final String EXTERNAL_ID = "salesforce.attachments.external.id.field";

    private AttachmentsConfig() {
    }

    public static void addTo(ConfigDefBuilder b) {
        b.group(GROUP)
                .define(ENABLED, Type.BOOLEAN, false, null, Importance.MEDIUM)
                .define(MAX_BYTES, Type.INT, MAX_BYTES_DEFAULT, Range.between(1, JSON_BLOB_MAX_BYTES),
                        Importance.MEDIUM)
                .define(CONTENT_TYPES, Type.LIST, CONTENT_TYPES_DEFAULT, null, Importance.MEDIUM, Width.LONG)
                .define(INCLUDE_INLINE, Type.BOOLEAN, false, null, Importance.LOW)
                .define(EXTERNAL_ID, Type.STRING, "Nylas_Attachment_Id__c", Validators.fieldName(), Importance.LOW)
                .group(NylasConnectionConfig.GROUP)
                .define(NylasConnectionConfig.API_URL, Type.STRING, NylasConnectionConfig.API_URL_DEFAULT,
                        Validators.httpUrl(), Importance.MEDIUM, Width.LONG)
                .define(NylasConnectionConfig.API_KEY, Type.PASSWORD, null, null, Importance.MEDIUM)
                .define(NylasConnectionConfig.REQUEST_TIMEOUT_MS, Type.INT,
                        NylasConnectionConfig.REQUEST_TIMEOUT_MS_DEFAULT, Range.between(1_000, 600_000),
                        Importance.LOW);
    }

    public static boolean enabled(AbstractConfig c) {
        return c.getBoolean(ENABLED);
    }

    public static AttachmentRules rules(AbstractConfig c) {
        return new AttachmentRules(c.getInt(MAX_BYTES), c.getList(CONTENT_TYPES), c.getBoolean(INCLUDE_INLINE));
    }

    public static String externalIdField(AbstractConfig c) {
        return c.getString(EXTERNAL_ID);
    }

    /** How to reach Nylas; fails naming the key when the option is on without one. */
    public static NylasConnectionConfig nylas(AbstractConfig c) {
        String missing = missingKey(c.originalsStrings(), c.getPassword(NylasConnectionConfig.API_KEY) != null);
        if (missing != null) {
            throw new ConfigException(NylasConnectionConfig.API_KEY, null, missing);
        }
        return new NylasConnectionConfig(c);
    }

    /** Attaches "no API key" to {@code nylas.api.key} when attachments are on without one. */
    public static void validate(Map<String, String> props, Config config) {
        Map<String, ConfigValue> values = ValidationResults.byName(config);
        ConfigValue key = values.get(NylasConnectionConfig.API_KEY);
        String missing = missingKey(props, key != null && key.value() != null);
        if (missing != null && key != null && !key.errorMessages().contains(missing)) {
            key.addErrorMessage(missing);
        }
    }

    private static String missingKey(Map<String, String> props, boolean hasKey) {
        boolean on = Boolean.parseBoolean(String.valueOf(props.getOrDefault(ENABLED, "false")).trim());
        return on && !hasKey ? NylasConnectionConfig.API_KEY + " is required with " + ENABLED
                + "=true: the sink downloads the files from Nylas" : null;
    }
}

package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.config.ConfigDefBuilder;
import io.nylassf.connect.common.config.Validators;
import io.nylassf.connect.sink.salesforce.mapping.FieldOwnership;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/**
 * The Salesforce sink's "Conflicts and duplicates" group: last-write-wins, which fields Nylas owns, and how
 * duplicate rules are met.
 * A config fragment: {@link #addTo} defines the settings, the accessors read them from any config built on that
 * definition.
 */
public final class ConflictsConfig {
    public static final String GROUP = "Conflicts and duplicates";
    public static final String MODIFIED_AT_FIELD = "salesforce.modified.at.field";
    public static final String OWNED_CONTACT = "salesforce.nylas.owned.fields.contact";
    public static final String OWNED_LEAD = "salesforce.nylas.owned.fields.lead";
    public static final String OWNED_TASK = "salesforce.nylas.owned.fields.task";
    public static final String OWNED_EVENT = "salesforce.nylas.owned.fields.event";
    public static final String FOLLOW_OWN_WRITES = "salesforce.conflict.follow.own.writes";
    public static final String DUPLICATE_ALLOW_SAVE = "salesforce.duplicate.allow.save";

    private ConflictsConfig() {
    }

    public static ConfigDefBuilder addTo(ConfigDefBuilder builder) {
        return builder.group(GROUP)
                .define(MODIFIED_AT_FIELD, Type.STRING, "Nylas_Modified_At__c", Validators.optionalFieldName(),
                        Importance.MEDIUM)
                .define(OWNED_CONTACT, Type.LIST, "", null, Importance.MEDIUM)
                .define(OWNED_LEAD, Type.LIST, "", null, Importance.MEDIUM)
                .define(OWNED_TASK, Type.LIST, "*", null, Importance.LOW)
                .define(OWNED_EVENT, Type.LIST, "*", null, Importance.LOW)
                .define(FOLLOW_OWN_WRITES, Type.BOOLEAN, false, null, Importance.MEDIUM)
                .define(DUPLICATE_ALLOW_SAVE, Type.BOOLEAN, false, null, Importance.LOW);
    }

    public static String modifiedAtField(AbstractConfig c) {
        String s = c.getString(MODIFIED_AT_FIELD);
        return s == null || s.isBlank() ? null : s.trim();
    }

    public static boolean followOwnWrites(AbstractConfig c) {
        return c.getBoolean(FOLLOW_OWN_WRITES);
    }

    public static FieldOwnership ownership(AbstractConfig c) {
        return new FieldOwnership()
                .nylasOwns("Contact", c.getList(OWNED_CONTACT))
                .nylasOwns("Lead", c.getList(OWNED_LEAD))
                .nylasOwns("Task", c.getList(OWNED_TASK))
                .nylasOwns("EmailMessage", c.getList(OWNED_TASK))
                .nylasOwns("Event", c.getList(OWNED_EVENT));
    }
}

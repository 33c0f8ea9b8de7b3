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
    private static final String MODIFIED_AT_FIELD_DOC = "DateTime custom field (on every written object) storing the "
            + "source modified time of the change last written: last-write-wins compares against it, so an older "
            + "change never overwrites newer data and a replay changes nothing. Empty disables the time check "
            + "(values are still compared).";

    public static final String OWNED_CONTACT = "salesforce.nylas.owned.fields.contact";
    public static final String OWNED_LEAD = "salesforce.nylas.owned.fields.lead";
    public static final String OWNED_TASK = "salesforce.nylas.owned.fields.task";
    public static final String OWNED_EVENT = "salesforce.nylas.owned.fields.event";
    private static final String OWNED_DOC = "%s fields Nylas owns: updated whenever Nylas changes them. Every other "
            + "field is only filled when empty, so a value someone typed is never overwritten. '*' = all mapped "
            + "fields. Default: %s.";

    public static final String FOLLOW_OWN_WRITES = "salesforce.conflict.follow.own.writes";
    private static final String FOLLOW_OWN_WRITES_DOC = "Off (the default, the conservative rule): fields Nylas does "
            + "not own are only ever filled when empty, so a value someone typed is never overwritten. On: when the "
            + "record's LastModifiedById is the sink's own user, every mapped field follows Nylas, so values the "
            + "sink filled keep up with later changes; caveat: a value typed before the sink's last write to that "
            + "record (e.g. while the sink filled another field) may then be overwritten, since provenance is per "
            + "record, not per field.";

    public static final String DUPLICATE_ALLOW_SAVE = "salesforce.duplicate.allow.save";
    private static final String DUPLICATE_ALLOW_SAVE_DOC = "Send 'Sforce-Duplicate-Rule-Header: allowSave=true' so "
            + "duplicate rules that only alert let creates through. When false (default), a create blocked with "
            + "DUPLICATES_DETECTED updates the matched record instead.";

    private ConflictsConfig() {
    }

    public static ConfigDefBuilder addTo(ConfigDefBuilder builder) {
        return builder.group(GROUP)
                .define(MODIFIED_AT_FIELD, Type.STRING, "Nylas_Modified_At__c", Validators.optionalFieldName(),
                        Importance.MEDIUM, MODIFIED_AT_FIELD_DOC, Width.MEDIUM, "Modified-at field")
                .define(OWNED_CONTACT, Type.LIST, "", null, Importance.MEDIUM,
                        String.format(OWNED_DOC, "Contact", "none (conservative)"), Width.LONG,
                        "Nylas-owned Contact fields")
                .define(OWNED_LEAD, Type.LIST, "", null, Importance.MEDIUM,
                        String.format(OWNED_DOC, "Lead", "none (conservative)"), Width.LONG, "Nylas-owned Lead fields")
                .define(OWNED_TASK, Type.LIST, "*", null, Importance.LOW,
                        String.format(OWNED_DOC, "Task (and EmailMessage)", "* (the email is the source of an email "
                                + "activity)"), Width.LONG, "Nylas-owned Task fields")
                .define(OWNED_EVENT, Type.LIST, "*", null, Importance.LOW,
                        String.format(OWNED_DOC, "Event", "* (the calendar owns meeting times)"), Width.LONG,
                        "Nylas-owned Event fields")
                .define(FOLLOW_OWN_WRITES, Type.BOOLEAN, false, null, Importance.MEDIUM, FOLLOW_OWN_WRITES_DOC,
                        Width.SHORT, "Follow Nylas on records only the sink changed")
                .define(DUPLICATE_ALLOW_SAVE, Type.BOOLEAN, false, null, Importance.LOW, DUPLICATE_ALLOW_SAVE_DOC,
                        Width.SHORT, "Duplicate rules: allow save");
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

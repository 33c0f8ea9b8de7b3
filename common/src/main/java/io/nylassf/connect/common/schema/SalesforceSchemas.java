package io.nylassf.connect.common.schema;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Connect schemas of every record the Salesforce source writes ({@code salesforce.task},
 * {@code salesforce.event}, {@code salesforce.opportunity}, ...), named and versioned in one place.
 *
 * <p><b>One generic shape for every SObject.</b> The field list of each object is configurable (custom fields,
 * relationship paths such as {@code Who.Email} or {@code Owner.Email}), so the record does not carry a typed
 * struct per object: it carries {@link #FIELDS}, a map from the field's API name (relationship paths dotted) to
 * its value as Salesforce's REST JSON renders it, as text ({@code "2026-01-05T09:00:00.000+0000"} for date-times,
 * {@code "2026-01-05"} for dates, {@code "true"}, {@code "1500.0"}; null for an empty field). The schema therefore
 * never changes when someone adds a field to the configuration, and Avro/JSON registries see one stable subject.
 *
 * <p>The <b>change envelope</b> sits beside the fields: {@link #CHANGE_TYPE} (created, updated, deleted),
 * {@link #SYSTEM_MODSTAMP} (the Salesforce version of the row, which orders changes and decides last-write-wins),
 * {@link #LAST_MODIFIED_BY_ID}, {@link #OWNER_ID}, {@link #ORIGIN_CLIENT} (the {@code Sforce-Call-Options} client
 * when the input knew it, e.g. CDC's {@code changeOrigin}), {@link #OWN_CHANGE} (the change was made by this
 * integration: the Nylas sink ignores it) and {@link #OBSERVED_AT}.
 *
 * <p>Schemaless JSON with the same field names is read the same way by the Nylas sink.
 */
public final class SalesforceSchemas {
    public static final String NAMESPACE = "io.nylassf.salesforce";
    public static final int VERSION = 1;

    public static final String SOBJECT = "sobject";
    public static final String ID = "id";
    public static final String CHANGE_TYPE = "change_type";
    public static final String SYSTEM_MODSTAMP = "system_modstamp";
    public static final String LAST_MODIFIED_BY_ID = "last_modified_by_id";
    public static final String OWNER_ID = "owner_id";
    public static final String ORIGIN_CLIENT = "origin_client";
    public static final String OWN_CHANGE = "own_change";
    public static final String FIELDS = "fields";
    public static final String OBSERVED_VIA = "observed_via";
    public static final String OBSERVED_AT = "observed_at";

    /**
     * Keys of {@link #FIELDS} an Opportunity record carries beside its own fields: its primary contact
     * (OpportunityContactRole with IsPrimary = true → Contact), read by the source with one batched query per
     * poll that found Opportunities, and absent when it has none. Not real relationship paths (SOQL reaches the
     * role only through a subquery), hence a name no Salesforce field can have. The owner's time zone travels as
     * the ordinary relationship path {@link #OWNER_TIME_ZONE}.
     */
    public static final String PRIMARY_CONTACT_EMAIL = "PrimaryContact.Email";
    public static final String PRIMARY_CONTACT_NAME = "PrimaryContact.Name";
    /**
     * Key of {@link #FIELDS}, {@code "true"} when the record's creator ({@code CreatedById}) is one of the source's
     * integration users: the record is this plugin's own mirror of something in its owner's mailbox or calendar,
     * so the Nylas sink may act on the owner's later edits of it without the integration user being allow-listed.
     * No Salesforce field can have this name ({@code CreatedBy} has no such field, and custom ones end in __c).
     */
    public static final String CREATED_BY_INTEGRATION = "CreatedBy.IsIntegrationUser";
    /** The owner User's {@code TimeZoneSidKey} (e.g. {@code America/Los_Angeles}), a relationship path. */
    public static final String OWNER_TIME_ZONE = "Owner.TimeZoneSidKey";

    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String DELETED = "deleted";
    public static final String UNDELETED = "undeleted";

    /** Windowed SOQL ({@code queryAll} on SystemModstamp). */
    public static final String VIA_SOQL = "soql";
    /** A Change Data Capture event (converted by the sink's CDC decoder). */
    public static final String VIA_CDC = "cdc";
    /** Re-read by the scheduled reconciliation: the Nylas sink writes it only where Nylas misses or differs. */
    public static final String VIA_RECONCILE = "reconcile";

    public static final Schema OPTIONAL_TIMESTAMP = Timestamp.builder().optional().build();
    public static final Schema FIELD_MAP =
            SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA).build();

    /** Record key of every Salesforce topic: one record's changes stay in one partition, in order. */
    public static final Schema KEY = SchemaBuilder.struct().name(NAMESPACE + ".Key").version(VERSION)
            .doc("Identity of a Salesforce record: SObject API name and 18-character ID.")
            .field(SOBJECT, Schema.STRING_SCHEMA)
            .field(ID, Schema.STRING_SCHEMA)
            .build();

    /** The value of every Salesforce topic: one change of one record. */
    public static final Schema RECORD = SchemaBuilder.struct().name(NAMESPACE + ".Record").version(VERSION)
            .doc("One change of a Salesforce record: the configured fields as text and the change envelope.")
            .field(SOBJECT, Schema.STRING_SCHEMA)
            .field(ID, Schema.STRING_SCHEMA)
            .field(CHANGE_TYPE, Schema.STRING_SCHEMA)
            .field(SYSTEM_MODSTAMP, Timestamp.SCHEMA)
            .field(LAST_MODIFIED_BY_ID, Schema.OPTIONAL_STRING_SCHEMA)
            .field(OWNER_ID, Schema.OPTIONAL_STRING_SCHEMA)
            .field(ORIGIN_CLIENT, Schema.OPTIONAL_STRING_SCHEMA)
            .field(OWN_CHANGE, Schema.BOOLEAN_SCHEMA)
            .field(FIELDS, FIELD_MAP)
            .field(OBSERVED_VIA, Schema.STRING_SCHEMA)
            .field(OBSERVED_AT, Timestamp.SCHEMA)
            .build();

    private SalesforceSchemas() {
    }

    public static Struct key(String sobject, String id) {
        return new Struct(KEY).put(SOBJECT, sobject).put(ID, id);
    }

    /** Builds a {@link #RECORD} value; {@code fields} may hold nulls, the map is copied. */
    public static Struct record(String sobject, String id, String changeType, Instant systemModstamp,
                                String lastModifiedById, String ownerId, String originClient, boolean ownChange,
                                Map<String, String> fields, String observedVia, Instant observedAt) {
        return new Struct(RECORD)
                .put(SOBJECT, sobject)
                .put(ID, id)
                .put(CHANGE_TYPE, changeType)
                .put(SYSTEM_MODSTAMP, Date.from(systemModstamp))
                .put(LAST_MODIFIED_BY_ID, lastModifiedById)
                .put(OWNER_ID, ownerId)
                .put(ORIGIN_CLIENT, originClient)
                .put(OWN_CHANGE, ownChange)
                .put(FIELDS, new LinkedHashMap<>(fields))
                .put(OBSERVED_VIA, observedVia)
                .put(OBSERVED_AT, Date.from(observedAt));
    }

    /** Topic of an SObject: {@code <prefix>.<sobject in lower case>}. */
    public static String topic(String prefix, String sobject) {
        return prefix + "." + sobject.toLowerCase(java.util.Locale.ROOT);
    }
}

package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.config.Validators;
import io.nylassf.connect.common.http.Backoff;
import io.nylassf.connect.common.config.ApiBudgetConfig;
import io.nylassf.connect.common.config.ConfigDefBuilder;
import io.nylassf.connect.common.config.SalesforceConnectionConfig;
import io.nylassf.connect.common.salesforce.SalesforceSettings;
import io.nylassf.connect.sink.salesforce.mapping.FieldMapping;
import io.nylassf.connect.sink.salesforce.mapping.FieldOwnership;
import io.nylassf.connect.sink.salesforce.mapping.PersonRouter;
import io.nylassf.connect.sink.salesforce.options.DeletedEvent;
import io.nylassf.connect.sink.salesforce.options.MessageTarget;
import io.nylassf.connect.sink.salesforce.options.TaskWhat;
import io.nylassf.connect.sink.salesforce.options.UnmatchedMessage;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.nylassf.connect.common.config.Validators.fieldName;

/** Settings of {@link SalesforceSinkConnector}. */
public class SalesforceSinkConnectorConfig extends AbstractConfig {
    /** Named here too: the task's field checks refer to it with the other field settings. */
    public static final String MODIFIED_AT_FIELD = ConflictsConfig.MODIFIED_AT_FIELD;
    public static final String MAPPING_GROUP = "Mapping";

    // ---------------------------------------------------------------- Mapping
    public static final String CONTACT_ROUTING = "salesforce.contact.routing";
    public static final String ACCOUNT_CREATE = "salesforce.account.create";
    public static final String ACCOUNT_DOMAIN_FIELD = "salesforce.account.domain.field";
    public static final String ACCOUNT_EXTERNAL_ID = "salesforce.account.external.id.field";
    public static final String LEAD_EMAIL_KEY = "salesforce.lead.email.key.field";
    public static final String INTERNAL_DOMAINS = "salesforce.internal.domains";
    public static final String CONTACT_EXTERNAL_ID = "salesforce.contact.external.id.field";
    public static final String MESSAGE_EXTERNAL_ID = "salesforce.message.external.id.field";
    public static final String EVENT_EXTERNAL_ID = "salesforce.event.external.id.field";
    public static final String MESSAGE_TARGET = "salesforce.message.target";
    public static final String TASK_WHAT = "salesforce.task.what";
    public static final String UNMATCHED_MESSAGE = "behavior.on.unmatched.message";
    public static final String DELETED_EVENT = "behavior.on.deleted.event";
    public static final String TIMEZONE = "salesforce.activity.timezone";
    public static final String MAPPING_CONTACT = "salesforce.mapping.contact";
    public static final String MAPPING_LEAD = "salesforce.mapping.lead";
    public static final String MAPPING_TASK = "salesforce.mapping.task";
    public static final String MAPPING_EVENT = "salesforce.mapping.event";

    public static final ConfigDef CONFIG_DEF = configDef();

    public SalesforceSinkConnectorConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
    }

    protected SalesforceSinkConnectorConfig(ConfigDef def, Map<String, String> props) {
        super(def, props);
    }

    public static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        SalesforceConnectionConfig.addTo(def);
        BatchingConfig.addTo(def);
        ConfigDefBuilder builder = new ConfigDefBuilder(def);
        WritesConfig.addTo(builder)
                .group(MAPPING_GROUP)
                .define(CONTACT_ROUTING, Type.STRING, "account_domain", PersonRouter.Rule.SETTING, Importance.MEDIUM,
                        Width.MEDIUM, PersonRouter.Rule.SETTING)
                .define(ACCOUNT_CREATE, Type.BOOLEAN, false, null, Importance.MEDIUM)
                .define(ACCOUNT_DOMAIN_FIELD, Type.STRING, "Website", fieldName(), Importance.LOW)
                .define(ACCOUNT_EXTERNAL_ID, Type.STRING, "Nylas_Domain__c", fieldName(), Importance.LOW)
                .define(INTERNAL_DOMAINS, Type.LIST, "", null, Importance.MEDIUM)
                .define(CONTACT_EXTERNAL_ID, Type.STRING, "Nylas_Contact_Id__c", fieldName(), Importance.MEDIUM)
                .define(MESSAGE_EXTERNAL_ID, Type.STRING, "Nylas_Message_Id__c", fieldName(), Importance.MEDIUM)
                .define(EVENT_EXTERNAL_ID, Type.STRING, "Nylas_Event_Id__c", fieldName(), Importance.MEDIUM)
                .define(MESSAGE_TARGET, Type.STRING, "task", MessageTarget.SETTING, Importance.MEDIUM, Width.SHORT,
                        MessageTarget.SETTING)
                .define(TASK_WHAT, Type.STRING, "account", TaskWhat.SETTING, Importance.LOW, Width.SHORT,
                        TaskWhat.SETTING)
                .define(UNMATCHED_MESSAGE, Type.STRING, "skip", UnmatchedMessage.SETTING, Importance.MEDIUM,
                        Width.SHORT, UnmatchedMessage.SETTING)
                .define(LEAD_EMAIL_KEY, Type.STRING, "Nylas_Email_Key__c", fieldName(), Importance.LOW)
                .define(DELETED_EVENT, Type.STRING, "delete", DeletedEvent.SETTING, Importance.MEDIUM, Width.SHORT,
                        DeletedEvent.SETTING)
                .define(TIMEZONE, Type.STRING, "UTC", Validators.timeZone(), Importance.LOW, Width.SHORT)
                .define(MAPPING_CONTACT, Type.LIST, "", mappingValidator(), Importance.LOW)
                .define(MAPPING_LEAD, Type.LIST, "", mappingValidator(), Importance.LOW)
                .define(MAPPING_TASK, Type.LIST, "", mappingValidator(), Importance.LOW)
                .define(MAPPING_EVENT, Type.LIST, "", mappingValidator(), Importance.LOW);
        ConflictsConfig.addTo(builder);
        ApiBudgetConfig.addTo(builder);
        RecurringEventsSinkConfig.addTo(builder);
        LookupCacheConfig.addTo(builder);
        AttachmentsConfig.addTo(builder);
        OwnershipConfig.addTo(builder);
        EmailFidelityConfig.addTo(builder);
        return def;
    }

    // ---------------------------------------------------------------- validators

    static ConfigDef.Validator mappingValidator() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            if (value instanceof List<?> l) {
                for (Object o : l) {
                    try {
                        FieldMapping.parse(o.toString());
                    } catch (IllegalArgumentException e) {
                        throw new ConfigException(name, value, e.getMessage());
                    }
                }
            }
        }, () -> "nylas_field=SalesforceField pairs");
    }

    // ---------------------------------------------------------------- typed getters

    public SalesforceConnectionConfig connection() {
        return new SalesforceConnectionConfig(this);
    }

    public SalesforceSettings clientSettings() {
        return SalesforceSettings.from(connection(), clientTag(), getBoolean(ConflictsConfig.DUPLICATE_ALLOW_SAVE));
    }

    public String clientTag() {
        return WritesConfig.clientTag(this);
    }

    public int batchSize() {
        return WritesConfig.batchSize(this);
    }

    public String accountExternalId() {
        return getString(ACCOUNT_EXTERNAL_ID);
    }

    public String leadEmailKeyField() {
        return getString(LEAD_EMAIL_KEY);
    }

    public Backoff batchBackoff() {
        return WritesConfig.batchBackoff(this);
    }

    public PersonRouter.Rule routing() {
        return PersonRouter.Rule.fromConfig(getString(CONTACT_ROUTING));
    }

    public boolean createAccounts() {
        return getBoolean(ACCOUNT_CREATE);
    }

    public String accountDomainField() {
        return getString(ACCOUNT_DOMAIN_FIELD);
    }

    public Set<String> internalDomains() {
        return getList(INTERNAL_DOMAINS).stream().map(d -> d.trim().toLowerCase(Locale.ROOT))
                .filter(d -> !d.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    public String contactExternalId() {
        return getString(CONTACT_EXTERNAL_ID);
    }

    public String messageExternalId() {
        return getString(MESSAGE_EXTERNAL_ID);
    }

    public String eventExternalId() {
        return getString(EVENT_EXTERNAL_ID);
    }

    /** {@link RecurringEventsSinkConfig#SERIES_FIELD}, or null. */
    public String eventSeriesField() {
        return RecurringEventsSinkConfig.seriesField(this);
    }

    public MessageTarget messageTarget() {
        return MessageTarget.fromConfig(getString(MESSAGE_TARGET));
    }

    public boolean emailMessageMode() {
        return messageTarget() == MessageTarget.EMAIL_MESSAGE;
    }

    public TaskWhat taskWhat() {
        return TaskWhat.fromConfig(getString(TASK_WHAT));
    }

    public boolean relateToOpportunity() {
        return taskWhat() == TaskWhat.OPPORTUNITY;
    }

    public UnmatchedMessage unmatchedMessage() {
        return UnmatchedMessage.fromConfig(getString(UNMATCHED_MESSAGE));
    }

    public DeletedEvent deletedEvent() {
        return DeletedEvent.fromConfig(getString(DELETED_EVENT));
    }

    public ZoneId activityZone() {
        return ZoneId.of(getString(TIMEZONE).trim());
    }

    public FieldMapping mapping(String sobject) {
        return switch (sobject) {
            case "Contact" -> FieldMapping.of(FieldMapping.CONTACT_DEFAULTS, getList(MAPPING_CONTACT));
            case "Lead" -> FieldMapping.of(FieldMapping.LEAD_DEFAULTS, getList(MAPPING_LEAD));
            case "Task" -> FieldMapping.of(FieldMapping.TASK_DEFAULTS, getList(MAPPING_TASK));
            case "Event" -> FieldMapping.of(FieldMapping.EVENT_DEFAULTS, getList(MAPPING_EVENT));
            default -> throw new IllegalArgumentException(sobject);
        };
    }

    public String modifiedAtField() {
        return ConflictsConfig.modifiedAtField(this);
    }

    public boolean followOwnWrites() {
        return ConflictsConfig.followOwnWrites(this);
    }

    public FieldOwnership ownership() {
        return ConflictsConfig.ownership(this);
    }


    /** Entries of the per-task lookup cache; 0 when it is off. */
    public int lookupCacheMaxEntries() {
        return LookupCacheConfig.lookupCacheMaxEntries(this);
    }

    public Duration lookupCacheTtl() {
        return LookupCacheConfig.lookupCacheTtl(this);
    }

    /** Grant id or email (lower case) → the User Id that owns the grant's activities. */
    public java.util.Map<String, String> ownerMap() {
        return OwnershipConfig.ownerMap(this);
    }

    public io.nylassf.connect.sink.salesforce.options.PersonOwner personOwner() {
        return OwnershipConfig.personOwner(this);
    }
}

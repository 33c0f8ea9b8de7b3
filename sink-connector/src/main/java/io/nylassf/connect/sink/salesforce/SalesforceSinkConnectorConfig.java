package io.nylassf.connect.sink.salesforce;

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

import java.time.DateTimeException;
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
    private static final String CONTACT_ROUTING_DOC = "Where a new person goes: 'account_domain' (a Contact under the "
            + "Account whose website domain matches the email's, otherwise a Lead), 'lead' (always a Lead) or "
            + "'contact' (always a Contact, linked to a matching Account when there is one). A person who already "
            + "exists as a Contact or Lead is updated where it is.";

    public static final String ACCOUNT_CREATE = "salesforce.account.create";
    private static final String ACCOUNT_CREATE_DOC = "Create an Account (Name from company_name, else the domain; "
            + "Website = the domain) when a person's company domain matches none, and file the person as a Contact "
            + "under it. Free-mail and internal domains never create Accounts.";

    public static final String ACCOUNT_DOMAIN_FIELD = "salesforce.account.domain.field";
    private static final String ACCOUNT_DOMAIN_FIELD_DOC = "Account field holding the company's website or domain; "
            + "matched after normalisation (lower case, no scheme, no www., no path).";

    public static final String ACCOUNT_EXTERNAL_ID = "salesforce.account.external.id.field";
    private static final String ACCOUNT_EXTERNAL_ID_DOC = "External-ID field on Account holding the normalised "
            + "domain of the Accounts the sink creates (salesforce.account.create=true): the upsert key, so tasks "
            + "that meet the same new domain at the same moment create one Account. Make it Unique.";

    public static final String LEAD_EMAIL_KEY = "salesforce.lead.email.key.field";
    private static final String LEAD_EMAIL_KEY_DOC = "External-ID field on Lead holding the normalised email of the "
            + "Leads the sink creates for unmatched senders (behavior.on.unmatched.message=create_lead): the upsert "
            + "key, so tasks that meet the same new sender at the same moment create one Lead. Make it Unique.";

    public static final String INTERNAL_DOMAINS = "salesforce.internal.domains";
    private static final String INTERNAL_DOMAINS_DOC = "Your own email domains: their addresses are never matched "
            + "as a message's or event's counterpart, never become Leads and never create Accounts.";

    public static final String CONTACT_EXTERNAL_ID = "salesforce.contact.external.id.field";
    private static final String CONTACT_EXTERNAL_ID_DOC = "External-ID field (on Contact and Lead) holding the Nylas "
            + "contact ID: the upsert key.";

    public static final String MESSAGE_EXTERNAL_ID = "salesforce.message.external.id.field";
    private static final String MESSAGE_EXTERNAL_ID_DOC = "External-ID field (on Task, or EmailMessage) holding the "
            + "Nylas message ID.";

    public static final String EVENT_EXTERNAL_ID = "salesforce.event.external.id.field";
    private static final String EVENT_EXTERNAL_ID_DOC = "External-ID field on Event holding the Nylas event ID.";

    public static final String MESSAGE_TARGET = "salesforce.message.target";
    private static final String MESSAGE_TARGET_DOC = "What a message becomes: 'task' (a completed Task with "
            + "TaskSubtype=Email) or 'email_message' (an EmailMessage, for orgs with Enhanced Email; written once, as "
            + "Salesforce only lets drafts change).";

    public static final String TASK_WHAT = "salesforce.task.what";
    private static final String TASK_WHAT_DOC = "What a Task or Event is related to (WhatId): 'account' (the "
            + "matched Contact's Account) or 'opportunity' (the Contact's most recently modified open Opportunity "
            + "through OpportunityContactRole, else the Account).";

    public static final String UNMATCHED_MESSAGE = "behavior.on.unmatched.message";
    private static final String UNMATCHED_MESSAGE_DOC = "A message none of whose counterparts is a Contact or Lead: "
            + "'skip' it (counted), 'create_lead' from its first external counterpart and attach the Task to it, or "
            + "'fail' it to the dead-letter queue (reason NO_MATCHING_PERSON).";

    public static final String DELETED_EVENT = "behavior.on.deleted.event";
    private static final String DELETED_EVENT_DOC = "A deleted or cancelled event: 'delete' the Salesforce Event, "
            + "'mark' it (Subject prefixed 'Cancelled: ', shown as Free) or 'ignore' it.";

    public static final String TIMEZONE = "salesforce.activity.timezone";
    private static final String TIMEZONE_DOC = "Time zone in which a message's date becomes the Task's ActivityDate.";

    public static final String MAPPING_CONTACT = "salesforce.mapping.contact";
    public static final String MAPPING_LEAD = "salesforce.mapping.lead";
    public static final String MAPPING_TASK = "salesforce.mapping.task";
    public static final String MAPPING_EVENT = "salesforce.mapping.event";
    private static final String MAPPING_DOC = "Field mapping overrides for %s, as nylas_field=SalesforceField "
            + "pairs (custom fields welcome, e.g. office_location=Office__c); nylas_field= removes a default. "
            + "Defaults: %s.";

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
                        PersonRouter.Rule.SETTING.doc(CONTACT_ROUTING_DOC), Width.MEDIUM, "Contact routing",
                        PersonRouter.Rule.SETTING)
                .define(ACCOUNT_CREATE, Type.BOOLEAN, false, null, Importance.MEDIUM, ACCOUNT_CREATE_DOC, Width.SHORT,
                        "Create Accounts")
                .define(ACCOUNT_DOMAIN_FIELD, Type.STRING, "Website", fieldName(), Importance.LOW,
                        ACCOUNT_DOMAIN_FIELD_DOC, Width.MEDIUM, "Account domain field")
                .define(ACCOUNT_EXTERNAL_ID, Type.STRING, "Nylas_Domain__c", fieldName(), Importance.LOW,
                        ACCOUNT_EXTERNAL_ID_DOC, Width.MEDIUM, "Account external ID field")
                .define(INTERNAL_DOMAINS, Type.LIST, "", null, Importance.MEDIUM, INTERNAL_DOMAINS_DOC, Width.LONG,
                        "Internal email domains")
                .define(CONTACT_EXTERNAL_ID, Type.STRING, "Nylas_Contact_Id__c", fieldName(), Importance.MEDIUM,
                        CONTACT_EXTERNAL_ID_DOC, Width.MEDIUM, "Contact external ID field")
                .define(MESSAGE_EXTERNAL_ID, Type.STRING, "Nylas_Message_Id__c", fieldName(), Importance.MEDIUM,
                        MESSAGE_EXTERNAL_ID_DOC, Width.MEDIUM, "Message external ID field")
                .define(EVENT_EXTERNAL_ID, Type.STRING, "Nylas_Event_Id__c", fieldName(), Importance.MEDIUM,
                        EVENT_EXTERNAL_ID_DOC, Width.MEDIUM, "Event external ID field")
                .define(MESSAGE_TARGET, Type.STRING, "task", MessageTarget.SETTING, Importance.MEDIUM,
                        MessageTarget.SETTING.doc(MESSAGE_TARGET_DOC), Width.SHORT, "Message target",
                        MessageTarget.SETTING)
                .define(TASK_WHAT, Type.STRING, "account", TaskWhat.SETTING, Importance.LOW,
                        TaskWhat.SETTING.doc(TASK_WHAT_DOC), Width.SHORT, "Activity related-to", TaskWhat.SETTING)
                .define(UNMATCHED_MESSAGE, Type.STRING, "skip", UnmatchedMessage.SETTING, Importance.MEDIUM,
                        UnmatchedMessage.SETTING.doc(UNMATCHED_MESSAGE_DOC), Width.SHORT,
                        "Unmatched message behavior", UnmatchedMessage.SETTING)
                .define(LEAD_EMAIL_KEY, Type.STRING, "Nylas_Email_Key__c", fieldName(), Importance.LOW,
                        LEAD_EMAIL_KEY_DOC, Width.MEDIUM, "Lead email key field")
                .define(DELETED_EVENT, Type.STRING, "delete", DeletedEvent.SETTING, Importance.MEDIUM,
                        DeletedEvent.SETTING.doc(DELETED_EVENT_DOC), Width.SHORT, "Deleted event behavior",
                        DeletedEvent.SETTING)
                .define(TIMEZONE, Type.STRING, "UTC", zoneValidator(), Importance.LOW, TIMEZONE_DOC, Width.SHORT,
                        "Activity date time zone")
                .define(MAPPING_CONTACT, Type.LIST, "", mappingValidator(), Importance.LOW,
                        String.format(MAPPING_DOC, "Contact", FieldMapping.CONTACT_DEFAULTS), Width.LONG,
                        "Contact field mapping")
                .define(MAPPING_LEAD, Type.LIST, "", mappingValidator(), Importance.LOW,
                        String.format(MAPPING_DOC, "Lead", FieldMapping.LEAD_DEFAULTS), Width.LONG, "Lead field mapping")
                .define(MAPPING_TASK, Type.LIST, "", mappingValidator(), Importance.LOW,
                        String.format(MAPPING_DOC, "Task", FieldMapping.TASK_DEFAULTS), Width.LONG, "Task field mapping")
                .define(MAPPING_EVENT, Type.LIST, "", mappingValidator(), Importance.LOW,
                        String.format(MAPPING_DOC, "Event", FieldMapping.EVENT_DEFAULTS), Width.LONG,
                        "Event field mapping");
        ConflictsConfig.addTo(builder);
        ApiBudgetConfig.addTo(builder);
        LookupCacheConfig.addTo(builder);
        return def;
    }

    // ---------------------------------------------------------------- validators

    static ConfigDef.Validator zoneValidator() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            try {
                ZoneId.of(String.valueOf(value));
            } catch (DateTimeException e) {
                throw new ConfigException(name, value, "must be a time zone ID such as UTC or Europe/Paris");
            }
        }, () -> "a time zone ID");
    }

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

    public int bulkThreshold() {
        return WritesConfig.bulkThreshold(this);
    }

    public Duration bulkPollInitial() {
        return WritesConfig.bulkPollInitial(this);
    }

    public Duration bulkTimeout() {
        return WritesConfig.bulkTimeout(this);
    }

    public int itemRetryAttempts() {
        return WritesConfig.itemRetryAttempts(this);
    }

    public Duration itemRetryBackoff() {
        return WritesConfig.itemRetryBackoff(this);
    }

    public String accountExternalId() {
        return getString(ACCOUNT_EXTERNAL_ID);
    }

    public String leadEmailKeyField() {
        return getString(LEAD_EMAIL_KEY);
    }

    public Duration retryBackoff() {
        return WritesConfig.retryBackoff(this);
    }

    public Duration retryBackoffMax() {
        return WritesConfig.retryBackoffMax(this);
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
        return ZoneId.of(getString(TIMEZONE));
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

    public int apiReservePercent() {
        return ApiBudgetConfig.apiReservePercent(this);
    }

    public Duration budgetCheckInterval() {
        return ApiBudgetConfig.budgetCheckInterval(this);
    }

    /** Entries of the per-task lookup cache; 0 when it is off. */
    public int lookupCacheMaxEntries() {
        return LookupCacheConfig.lookupCacheMaxEntries(this);
    }

    public Duration lookupCacheTtl() {
        return LookupCacheConfig.lookupCacheTtl(this);
    }
}

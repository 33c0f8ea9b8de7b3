package io.nylassf.testkit.salesforce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.nylassf.testkit.salesforce.FieldDef.externalId;
import static io.nylassf.testkit.salesforce.FieldDef.of;
import static io.nylassf.testkit.salesforce.FieldDef.picklist;
import static io.nylassf.testkit.salesforce.FieldDef.reference;
import static io.nylassf.testkit.salesforce.FieldDef.text;

/**
 * The standard objects the connectors touch, with the fields and save rules they rely on, plus exactly the custom
 * fields docs/salesforce-sink.md tells an admin to create ({@code DocumentedOrgTest} keeps the two equal).
 */
final class StandardSchemas {
    private StandardSchemas() {}

    static Map<String, SObjectSchema> create(Clock clock) {
        Map<String, SObjectSchema> m = new LinkedHashMap<>();
        add(m, new SObjectSchema("Account", "001", "Account", null, fields(
                text("Name", 255).asRequired(), of("Website", FieldType.URL), of("Phone", FieldType.PHONE),
                picklist("Industry", "Technology", "Finance", "Healthcare", "Retail", "Other"),
                picklist("Type", "Prospect", "Customer - Direct", "Customer - Channel", "Partner", "Other"),
                text("BillingCity", 40), text("BillingCountry", 80), of("Description", FieldType.TEXTAREA),
                owner(), externalId("Nylas_Domain__c", 255))));
        add(m, new SObjectSchema("Contact", "003", "Contact", StandardSchemas::personName, fields(
                text("FirstName", 40), text("LastName", 80).asRequired(), text("Name", 121).readOnly(),
                of("Email", FieldType.EMAIL), of("Phone", FieldType.PHONE), of("MobilePhone", FieldType.PHONE),
                text("Title", 128), reference("AccountId", "Account"),
                of("MailingStreet", FieldType.TEXTAREA).withLength(255), text("MailingCity", 40),
                text("MailingState", 80), text("MailingPostalCode", 20), text("MailingCountry", 80),
                of("Description", FieldType.TEXTAREA), picklist("LeadSource", "Web", "Phone Inquiry", "Partner Referral", "Other"),
                owner(), externalId("Nylas_Contact_Id__c", 255), modifiedAt())));
        add(m, new SObjectSchema("Lead", "00Q", "Lead", StandardSchemas::personName, fields(
                text("FirstName", 40), text("LastName", 80).asRequired(), text("Name", 121).readOnly(),
                text("Company", 255).asRequired(), of("Email", FieldType.EMAIL), of("Phone", FieldType.PHONE),
                of("MobilePhone", FieldType.PHONE), text("Title", 128),
                picklist("Status", "Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted")
                        .withDefault("Open - Not Contacted"),
                of("Website", FieldType.URL), picklist("LeadSource", "Web", "Phone Inquiry", "Partner Referral", "Other"),
                of("Description", FieldType.TEXTAREA), of("IsConverted", FieldType.BOOLEAN).readOnly(),
                owner(), externalId("Nylas_Contact_Id__c", 255), externalId("Nylas_Email_Key__c", 255), modifiedAt())));
        add(m, new SObjectSchema("Task", "00T", "Task", StandardSchemas.taskRule(clock), fields(
                text("Subject", 255), of("Description", FieldType.TEXTAREA).withLength(32_000),
                who(), what(), of("ActivityDate", FieldType.DATE),
                picklist("Status", "Not Started", "In Progress", "Completed", "Waiting on someone else", "Deferred")
                        .withDefault("Not Started"),
                picklist("Priority", "High", "Normal", "Low").withDefault("Normal"),
                picklist("Type", "Call", "Email", "Meeting", "Other"),
                picklist("TaskSubtype", "Task", "Email", "ListEmail", "Cadence", "Call", "LinkedIn").createOnly(),
                of("IsClosed", FieldType.BOOLEAN).readOnly(), of("CompletedDateTime", FieldType.DATETIME).readOnly(),
                owner(), externalId("Nylas_Message_Id__c", 255), modifiedAt(),
                text("Nylas_Send_Status__c", 40), text("Nylas_Send_Error__c", 255),
                of("Nylas_Sent_At__c", FieldType.DATETIME))));
        add(m, new SObjectSchema("Event", "00U", "Event", StandardSchemas::eventRule, fields(
                text("Subject", 255), of("StartDateTime", FieldType.DATETIME), of("EndDateTime", FieldType.DATETIME),
                of("DurationInMinutes", FieldType.INT), of("IsAllDayEvent", FieldType.BOOLEAN),
                of("ActivityDate", FieldType.DATE), of("ActivityDateTime", FieldType.DATETIME).readOnly(),
                text("Location", 255), of("Description", FieldType.TEXTAREA).withLength(32_000),
                picklist("ShowAs", "Busy", "Free", "OutOfOffice").withDefault("Busy"),
                who(), what(), owner(), externalId("Nylas_Event_Id__c", 255), modifiedAt(),
                text("Nylas_Series_Id__c", 255),
                // recurring events: the series master has IsRecurrence and the pattern; Salesforce stores each
                // occurrence as an Event of its own whose RecurrenceActivityId is the master
                of("IsRecurrence", FieldType.BOOLEAN).createOnly(),
                reference("RecurrenceActivityId", "Event").readOnly(),
                picklist("RecurrenceType", "RecursDaily", "RecursEveryWeekday", "RecursMonthly", "RecursMonthlyNth",
                        "RecursWeekly", "RecursYearly", "RecursYearlyNth"),
                of("RecurrenceInterval", FieldType.INT), of("RecurrenceStartDateTime", FieldType.DATETIME),
                of("RecurrenceEndDateOnly", FieldType.DATE), of("RecurrenceDayOfWeekMask", FieldType.INT),
                of("RecurrenceDayOfMonth", FieldType.INT),
                picklist("RecurrenceInstance", "First", "Second", "Third", "Fourth", "Last"),
                picklist("RecurrenceMonthOfYear", "January", "February", "March", "April", "May", "June", "July",
                        "August", "September", "October", "November", "December"),
                text("RecurrenceTimeZoneSidKey", 40))));
        add(m, new SObjectSchema("Opportunity", "006", "Opportunity", StandardSchemas::opportunityRule, fields(
                text("Name", 120).asRequired(),
                picklist("StageName", "Prospecting", "Qualification", "Negotiation/Review", "Closed Won", "Closed Lost").asRequired(),
                of("CloseDate", FieldType.DATE).asRequired(), reference("AccountId", "Account"),
                of("Amount", FieldType.CURRENCY), of("IsClosed", FieldType.BOOLEAN).readOnly(),
                of("IsWon", FieldType.BOOLEAN).readOnly(), of("Description", FieldType.TEXTAREA), owner())));
        add(m, new SObjectSchema("OpportunityContactRole", "00K", "Opportunity Contact Role", null, fields(
                reference("OpportunityId", "Opportunity").asRequired(), reference("ContactId", "Contact").asRequired(),
                picklist("Role", "Business User", "Decision Maker", "Economic Buyer", "Influencer", "Other"),
                of("IsPrimary", FieldType.BOOLEAN))));
        add(m, new SObjectSchema("User", "005", "User", StandardSchemas::personName, fields(
                text("Username", 80).asRequired(), of("Email", FieldType.EMAIL).asRequired(), text("FirstName", 40),
                text("LastName", 80).asRequired(), text("Name", 121).readOnly(), text("Alias", 8),
                of("IsActive", FieldType.BOOLEAN).withDefault(Boolean.TRUE),
                text("TimeZoneSidKey", 40).withDefault("America/Los_Angeles"))));
        add(m, new SObjectSchema("EmailMessage", "02s", "Email Message", null, fields(
                text("Subject", 3000), of("TextBody", FieldType.TEXTAREA).withLength(131_072),
                of("HtmlBody", FieldType.TEXTAREA).withLength(131_072), of("FromAddress", FieldType.EMAIL),
                text("FromName", 1000), text("ToAddress", 4000), text("CcAddress", 4000), text("BccAddress", 4000),
                of("MessageDate", FieldType.DATETIME), of("Incoming", FieldType.BOOLEAN),
                picklist("Status", "0", "1", "2", "3", "4", "5").asRequired(),
                // non-person records only: people are linked through EmailMessageRelation
                reference("RelatedToId", "Account", "Opportunity"),
                reference("ActivityId", "Task").readOnly(), text("MessageIdentifier", 255), text("ThreadIdentifier", 255),
                externalId("Nylas_Message_Id__c", 255), modifiedAt())));
        add(m, new SObjectSchema("ContentVersion", "068", "Content Version", contentVersionRule(), fields(
                text("Title", 255).asRequired(), text("PathOnClient", 500).asRequired().createOnly(),
                of("VersionData", FieldType.BASE64).withLength(VERSION_DATA_MAX).asRequired().createOnly(),
                reference("FirstPublishLocationId", "Task", "Event", "EmailMessage", "Account", "Contact", "Lead",
                        "Opportunity", "User").createOnly(),
                reference("ContentDocumentId", "ContentDocument").readOnly(), of("ContentSize", FieldType.INT).readOnly(),
                text("FileExtension", 40).readOnly(), of("IsLatest", FieldType.BOOLEAN).readOnly(),
                of("Description", FieldType.TEXTAREA).withLength(1000), owner(),
                externalId("Nylas_Attachment_Id__c", 255))));
        add(m, new SObjectSchema("ContentDocument", "069", "Content Document", null, fields(
                text("Title", 255), reference("LatestPublishedVersionId", "ContentVersion").readOnly(),
                text("FileExtension", 40).readOnly(), of("ContentSize", FieldType.INT).readOnly(), owner())));
        add(m, new SObjectSchema("ContentDocumentLink", "06A", "Content Document Link", null, fields(
                reference("ContentDocumentId", "ContentDocument").asRequired().createOnly(),
                reference("LinkedEntityId", "Task", "Event", "EmailMessage", "Account", "Contact", "Lead",
                        "Opportunity", "User").asRequired().createOnly(),
                picklist("ShareType", "V", "C", "I").asRequired(),
                picklist("Visibility", "AllUsers", "InternalUsers", "SharedUsers").withDefault("AllUsers"))));
        // who sent or received an email: create() sets everything but RelationId, the only updateable field
        add(m, new SObjectSchema("EmailMessageRelation", "0Em", "Email Message Relation",
                StandardSchemas::emailRelationRule, fields(
                reference("EmailMessageId", "EmailMessage").asRequired().createOnly(),
                reference("RelationId", "Contact", "Lead", "User"),
                text("RelationAddress", 255).createOnly(), text("RelationObjectType", 50).readOnly(),
                picklist("RelationType", "ToAddress", "CcAddress", "BccAddress", "FromAddress").asRequired()
                        .createOnly())));
        return m;
    }

    /**
     * Blob data in a JSON (non-multipart) request: "limited to 50 MB of text data or 37.5 MB of base64-encoded data"
     * (REST API Developer Guide, Insert or Update Blob Data).
     */
    static final int VERSION_DATA_MAX = 37 * 1024 * 1024 + 512 * 1024;

    /**
     * A new ContentVersion's size and extension come from its data and path (its ContentDocument and the links that
     * share it are made by the org when it is stored).
     */
    private static SObjectSchema.SaveRule contentVersionRule() {
        return (r, changed, create, errors) -> {
            if (!create) {
                return;
            }
            r.put("ContentSize", java.util.Base64.getMimeDecoder().decode((String) r.get("VersionData")).length);
            String path = (String) r.get("PathOnClient");
            int dot = path.lastIndexOf('.');
            r.put("FileExtension", dot < 0 ? null : path.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
            r.put("IsLatest", true);
        };
    }

    /** The last-write-wins stamp an admin creates on the objects the sink writes. */
    private static FieldDef modifiedAt() {
        return of("Nylas_Modified_At__c", FieldType.DATETIME);
    }

    private static void add(Map<String, SObjectSchema> m, SObjectSchema s) {
        m.put(s.name().toLowerCase(java.util.Locale.ROOT), s);
    }

    private static List<FieldDef> fields(FieldDef... specific) {
        List<FieldDef> all = new ArrayList<>();
        all.add(of("Id", FieldType.ID).readOnly());
        all.add(of("IsDeleted", FieldType.BOOLEAN).readOnly());
        all.addAll(Arrays.asList(specific));
        all.add(of("CreatedDate", FieldType.DATETIME).readOnly());
        all.add(reference("CreatedById", "User").readOnly());
        all.add(of("LastModifiedDate", FieldType.DATETIME).readOnly());
        all.add(reference("LastModifiedById", "User").readOnly());
        all.add(of("SystemModstamp", FieldType.DATETIME).readOnly());
        return all;
    }

    private static FieldDef owner() {
        return reference("OwnerId", "User");
    }

    private static FieldDef who() {
        return new FieldDef("WhoId", FieldType.REFERENCE, 18, false, true, true, false, false,
                List.of("Contact", "Lead"), "Who", null, null);
    }

    private static FieldDef what() {
        return new FieldDef("WhatId", FieldType.REFERENCE, 18, false, true, true, false, false,
                List.of("Account", "Opportunity"), "What", null, null);
    }

    private static void personName(Map<String, Object> r, Set<String> changed, boolean create, List<ApiError> errors) {
        Object first = r.get("FirstName");
        Object last = r.get("LastName");
        r.put("Name", first == null ? last : last == null ? first : first + " " + last);
    }

    private static SObjectSchema.SaveRule taskRule(Clock clock) {
        return (r, changed, create, errors) -> {
            boolean closed = "Completed".equals(r.get("Status"));
            r.put("IsClosed", closed);
            if (closed && r.get("CompletedDateTime") == null) {
                r.put("CompletedDateTime", clock.instant());
            } else if (!closed) {
                r.put("CompletedDateTime", null);
            }
        };
    }

    /** RelationObjectType follows RelationId; RelationAddress, when not given, is the person's email. */
    private static void emailRelationRule(Map<String, Object> r, Set<String> changed, boolean create,
                                          List<ApiError> errors) {
        Object id = r.get("RelationId");
        String prefix = id == null ? null : id.toString().substring(0, 3);
        r.put("RelationObjectType", prefix == null ? null : switch (prefix) {
            case "003" -> "Contact";
            case "00Q" -> "Lead";
            case "005" -> "User";
            default -> null;
        });
        Object type = r.get("RelationType");
        if (type != null && !List.of("ToAddress", "CcAddress", "BccAddress", "FromAddress").contains(type)) {
            errors.add(ApiError.of(400, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                    "Relation Type: bad value for restricted picklist field: " + type, "RelationType"));
        }
        if (create && id == null && r.get("RelationAddress") == null) {
            errors.add(ApiError.of(400, "REQUIRED_FIELD_MISSING",
                    "Required fields are missing: [RelationId, RelationAddress]", "RelationAddress"));
        }
    }

    private static void opportunityRule(Map<String, Object> r, Set<String> changed, boolean create, List<ApiError> errors) {
        Object stage = r.get("StageName");
        r.put("IsClosed", "Closed Won".equals(stage) || "Closed Lost".equals(stage));
        r.put("IsWon", "Closed Won".equals(stage));
    }

    /** Event times: all-day events span whole days; others need an end or a duration, and end ≥ start. */
    private static void eventRule(Map<String, Object> r, Set<String> changed, boolean create, List<ApiError> errors) {
        boolean allDay = Boolean.TRUE.equals(r.get("IsAllDayEvent"));
        Instant start = (Instant) r.get("StartDateTime");
        if (allDay) {
            LocalDate day = r.get("ActivityDate") instanceof LocalDate d ? d
                    : start == null ? null : start.atOffset(ZoneOffset.UTC).toLocalDate();
            if (day == null) {
                errors.add(ApiError.of(400, "REQUIRED_FIELD_MISSING", "Required fields are missing: [ActivityDate]", "ActivityDate"));
                return;
            }
            r.put("ActivityDate", day);
            r.put("StartDateTime", day.atStartOfDay().toInstant(ZoneOffset.UTC));
            if (r.get("EndDateTime") == null) {
                r.put("EndDateTime", day.atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            r.put("DurationInMinutes", 1440);
            r.put("ActivityDateTime", null);
            return;
        }
        if (start == null) {
            errors.add(ApiError.of(400, "REQUIRED_FIELD_MISSING", "Required fields are missing: [StartDateTime]", "StartDateTime"));
            return;
        }
        Instant end = (Instant) r.get("EndDateTime");
        Object duration = r.get("DurationInMinutes");
        boolean durationChanged = changed.contains("DurationInMinutes") && !changed.contains("EndDateTime");
        if (duration != null && (end == null || durationChanged)) {
            end = start.plus(Duration.ofMinutes(((Number) duration).longValue()));
        }
        if (end == null) {
            errors.add(ApiError.of(400, "REQUIRED_FIELD_MISSING", "Required fields are missing: [DurationInMinutes]", "DurationInMinutes"));
            return;
        }
        if (end.isBefore(start)) {
            errors.add(ApiError.of(400, "FIELD_INTEGRITY_EXCEPTION", "End Date Time: End time can't be before start time", "EndDateTime"));
            return;
        }
        r.put("EndDateTime", end);
        r.put("DurationInMinutes", (int) Duration.between(start, end).toMinutes());
        r.put("ActivityDateTime", start);
        r.put("ActivityDate", start.atOffset(ZoneOffset.UTC).toLocalDate());
    }
}

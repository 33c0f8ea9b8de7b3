package io.nylassf.connect.sink.salesforce.mapping;

import java.util.Map;

/**
 * Lengths of the standard fields the sink writes, so values are truncated before Salesforce would reject them
 * with STRING_TOO_LONG. Custom fields are not truncated: their failures go to the DLQ.
 */
public final class FieldLimits {
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("FirstName", 40), Map.entry("LastName", 80), Map.entry("Email", 80), Map.entry("Phone", 40),
            Map.entry("MobilePhone", 40), Map.entry("Title", 128), Map.entry("Company", 255),
            Map.entry("MailingStreet", 255), Map.entry("MailingCity", 40), Map.entry("MailingState", 80),
            Map.entry("MailingPostalCode", 20), Map.entry("MailingCountry", 80), Map.entry("Street", 255),
            Map.entry("City", 40), Map.entry("State", 80), Map.entry("PostalCode", 20), Map.entry("Country", 80),
            Map.entry("Subject", 255), Map.entry("Location", 255), Map.entry("Description", 32_000),
            Map.entry("Name", 255), Map.entry("Website", 255), Map.entry("FromName", 1000),
            Map.entry("ToAddress", 4000), Map.entry("CcAddress", 4000), Map.entry("BccAddress", 4000),
            Map.entry("TextBody", 131_072), Map.entry("HtmlBody", 131_072), Map.entry("MessageIdentifier", 255),
            Map.entry("ThreadIdentifier", 255));
    /** EmailMessage.Subject is longer than the activity objects' 255. */
    private static final int EMAIL_MESSAGE_SUBJECT = 3000;

    private FieldLimits() {
    }

    public static String truncate(String sobject, String field, String value) {
        if (value == null) {
            return null;
        }
        Integer max = "EmailMessage".equals(sobject) && "Subject".equals(field) ? Integer.valueOf(EMAIL_MESSAGE_SUBJECT)
                : LENGTHS.get(field);
        return max == null ? value : truncate(value, max);
    }

    /** Cuts at a code-point boundary, ending in an ellipsis when something was cut. */
    public static String truncate(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "…";
    }
}

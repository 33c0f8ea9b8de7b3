package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.http.ApiException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which setting puts a field into the sink's queries and writes, so that a failure no record can be blamed for
 * (a field deleted from the org or hidden from the integration user: {@code INVALID_FIELD} on a lookup query, an
 * unknown external-ID field on an upsert) stops the task with a message naming the field and the setting to fix,
 * instead of dead-lettering every record.
 */
final class FieldSettings {
    /** Salesforce's wording: query ("on entity 'X'"), write ("on sobject of type X"), upsert URL ("accessible: X"). */
    private static final Pattern NO_SUCH_COLUMN = Pattern.compile(
            "No such column '([A-Za-z0-9_]+)' on (?:entity|sobject of type) '?([A-Za-z0-9_]+)'?");
    private static final Pattern NO_EXTERNAL_ID = Pattern.compile("not accessible: ([A-Za-z0-9_]+)");

    private final Map<String, String> settingByField = new LinkedHashMap<>();

    FieldSettings(SalesforceSinkConnectorConfig c) {
        put(c.contactExternalId(), SalesforceSinkConnectorConfig.CONTACT_EXTERNAL_ID);
        put(c.messageExternalId(), SalesforceSinkConnectorConfig.MESSAGE_EXTERNAL_ID);
        put(c.eventExternalId(), SalesforceSinkConnectorConfig.EVENT_EXTERNAL_ID);
        put(c.modifiedAtField(), SalesforceSinkConnectorConfig.MODIFIED_AT_FIELD);
        put(c.accountDomainField(), SalesforceSinkConnectorConfig.ACCOUNT_DOMAIN_FIELD);
        put(c.accountExternalId(), SalesforceSinkConnectorConfig.ACCOUNT_EXTERNAL_ID);
        put(c.leadEmailKeyField(), SalesforceSinkConnectorConfig.LEAD_EMAIL_KEY);
        Map<String, String> mappings = Map.of("Contact", SalesforceSinkConnectorConfig.MAPPING_CONTACT,
                "Lead", SalesforceSinkConnectorConfig.MAPPING_LEAD, "Task", SalesforceSinkConnectorConfig.MAPPING_TASK,
                "Event", SalesforceSinkConnectorConfig.MAPPING_EVENT);
        for (String o : List.of("Contact", "Lead", "Task", "Event")) {
            c.mapping(o).targets().forEach(f -> put(f, mappings.get(o)));
        }
    }

    private void put(String field, String setting) {
        if (field != null) {
            settingByField.putIfAbsent(field.toLowerCase(Locale.ROOT), setting);
        }
    }

    /** The setting that names {@code field}, or null. */
    String settingFor(String field) {
        return field == null ? null : settingByField.get(field.toLowerCase(Locale.ROOT));
    }

    /** A message for a failure of a whole request: the field and the setting at fault when the error names one. */
    String explain(ApiException e) {
        String text = e.getMessage() == null ? "" : e.getMessage();
        String field = null;
        String object = null;
        Matcher m = NO_SUCH_COLUMN.matcher(text);
        if (m.find()) {
            field = m.group(1);
            object = m.group(2);
        } else {
            Matcher x = NO_EXTERNAL_ID.matcher(text);
            if (x.find()) {
                field = x.group(1);
            }
        }
        if (field == null) {
            return "Salesforce request failed for the whole batch, not one record (is every configured field "
                    + "present in the org and visible to the integration user?): " + text;
        }
        String where = (object == null ? "" : object + ".") + field;
        String setting = settingFor(field);
        if (setting == null) {
            return "Salesforce does not know the field " + where + " (" + text + "); no setting of this connector "
                    + "names it";
        }
        return "Salesforce does not know the field " + where + ", which " + setting + " names: it was deleted, "
                + "renamed or hidden from the integration user. Create it (see 'Fields an admin creates' in "
                + "docs/salesforce-sink.md) or change " + setting + ". (" + text + ")";
    }
}

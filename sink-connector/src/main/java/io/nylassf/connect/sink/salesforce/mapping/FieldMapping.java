package io.nylassf.connect.sink.salesforce.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which Nylas field (snake_case, as in the record) fills which Salesforce field. Built from defaults plus
 * {@code nylas_field=SalesforceField} overrides; {@code nylas_field=} (empty target) removes a default.
 */
public final class FieldMapping {
    public static final Map<String, String> CONTACT_DEFAULTS = ordered(
            "given_name", "FirstName", "surname", "LastName", "email", "Email", "phone", "Phone",
            "mobile_phone", "MobilePhone", "job_title", "Title", "notes", "Description",
            "street_address", "MailingStreet", "city", "MailingCity", "state", "MailingState",
            "postal_code", "MailingPostalCode", "country", "MailingCountry");
    public static final Map<String, String> LEAD_DEFAULTS = ordered(
            "given_name", "FirstName", "surname", "LastName", "email", "Email", "phone", "Phone",
            "mobile_phone", "MobilePhone", "job_title", "Title", "company_name", "Company", "notes", "Description");
    public static final Map<String, String> TASK_DEFAULTS = ordered("subject", "Subject", "body", "Description");
    public static final Map<String, String> EVENT_DEFAULTS = ordered("title", "Subject", "location", "Location",
            "description", "Description");

    private final Map<String, String> map;

    private FieldMapping(Map<String, String> map) {
        this.map = Map.copyOf(map);
    }

    public static FieldMapping of(Map<String, String> defaults, List<String> overrides) {
        Map<String, String> m = new LinkedHashMap<>(defaults);
        for (String o : overrides == null ? List.<String>of() : overrides) {
            String[] kv = parse(o);
            if (kv[1].isEmpty()) {
                m.remove(kv[0]);
            } else {
                m.put(kv[0], kv[1]);
            }
        }
        return new FieldMapping(m);
    }

    /** {@code source=Target} → {source, Target}; throws IllegalArgumentException for anything else. */
    public static String[] parse(String entry) {
        int eq = entry.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("'" + entry + "' is not nylas_field=SalesforceField");
        }
        String source = entry.substring(0, eq).trim();
        String target = entry.substring(eq + 1).trim();
        if (!source.matches("[a-z][a-z0-9_]*") || !(target.isEmpty() || target.matches("[A-Za-z][A-Za-z0-9_]*"))) {
            throw new IllegalArgumentException("'" + entry + "' is not nylas_field=SalesforceField");
        }
        return new String[] {source, target};
    }

    /** Source field → Salesforce field. */
    public Map<String, String> entries() {
        return map;
    }

    public String target(String source) {
        return map.get(source);
    }

    /** The Salesforce fields this mapping writes. */
    public java.util.Collection<String> targets() {
        return map.values();
    }

    /** Applies the mapping to attributes, truncating standard fields; null values are left out. */
    public Map<String, Object> apply(String sobject, Map<String, String> attributes) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((source, target) -> {
            String v = attributes.get(source);
            if (v != null && !v.isBlank()) {
                out.put(target, FieldLimits.truncate(sobject, target, v.trim()));
            }
        });
        return out;
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}

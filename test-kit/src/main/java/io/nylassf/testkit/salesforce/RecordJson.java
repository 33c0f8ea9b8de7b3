package io.nylassf.testkit.salesforce;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stored rows in REST JSON form: dates as strings, with or without the {@code attributes} block. */
final class RecordJson {
    private final String apiVersion;

    RecordJson(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    /** The REST JSON form with {@code attributes}, restricted to {@code fields} if given. */
    Map<String, Object> rest(SObjectSchema s, Map<String, Object> row, List<String> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("attributes", attributes(s.name(), (String) row.get("Id")));
        if (fields == null || fields.isEmpty()) {
            out.putAll(plain(s, row));
            return out;
        }
        for (String name : fields) {
            FieldDef f = s.field(name.trim());
            if (f == null) {
                throw SalesforceException.of(400, "INVALID_FIELD", "No such column '" + name.trim()
                        + "' on entity '" + s.name() + "'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.");
            }
            out.put(f.name(), FieldValues.toJson(row.get(f.name())));
        }
        return out;
    }

    /** Every field of the row, no {@code attributes}. */
    Map<String, Object> plain(SObjectSchema s, Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (FieldDef f : s.fields()) {
            out.put(f.name(), FieldValues.toJson(row.get(f.name())));
        }
        return out;
    }

    Map<String, Object> attributes(String type, String id) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("type", type);
        a.put("url", "/services/data/" + apiVersion + "/sobjects/" + type + "/" + id);
        return a;
    }
}

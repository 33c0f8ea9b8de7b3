package io.nylassf.testkit.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.testkit.http.EmulatorResponse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * sObject Collections ({@code /composite/sobjects}): up to 200 records per call; a well-formed request always
 * answers 200 with one result per record in request order. With allOrNone, one failure rolls back the rest,
 * which then report ALL_OR_NONE_OPERATION_ROLLED_BACK.
 */
final class CollectionsEndpoint {
    static final int MAX_RECORDS = 200;

    private final Org org;

    CollectionsEndpoint(Org org) {
        this.org = org;
    }

    void register(SalesforceRouter r) {
        r.add("POST", "composite/sobjects", this::create)
         .add("PATCH", "composite/sobjects", this::update)
         .add("DELETE", "composite/sobjects", this::delete)
         .add("GET", "composite/sobjects/{sobject}", this::retrieve)
         .add("PATCH", "composite/sobjects/{sobject}/{field}", this::upsert);
    }

    private EmulatorResponse create(ApiCall call) {
        JsonNode body = call.json();
        List<JsonNode> records = records(body);
        return Json.ok(200, apply(records, body.path("allOrNone").asBoolean(false), rec -> {
            Map<String, Object> fields = SObjectEndpoint.fields(rec);
            String type = type(rec, null);
            if (fields.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("Id"))) {
                throw SalesforceException.of(400, "INVALID_FIELD", "cannot specify Id in an insert call", "Id");
            }
            return SObjectEndpoint.saveResult(org.create(type, fields, false, call.ctx()), null);
        }));
    }

    private EmulatorResponse update(ApiCall call) {
        JsonNode body = call.json();
        List<JsonNode> records = records(body);
        return Json.ok(200, apply(records, body.path("allOrNone").asBoolean(false), rec -> {
            Map<String, Object> fields = SObjectEndpoint.fields(rec);
            Object id = fields.containsKey("id") ? fields.remove("id") : fields.remove("Id");
            if (id == null) {
                throw SalesforceException.of(400, "MISSING_ARGUMENT", "Id not specified in an update call", "Id");
            }
            String type = type(rec, org.tableForId(String.valueOf(id)).schema.name());
            org.update(type, String.valueOf(id), fields, false, call.ctx(), null);
            return SObjectEndpoint.saveResult(SalesforceIds.normalize(String.valueOf(id)), null);
        }));
    }

    private EmulatorResponse upsert(ApiCall call) {
        SObjectSchema s = org.schemaOrNull(call.param("sobject"));
        if (s == null) {
            throw SalesforceException.of(404, "NOT_FOUND", "The requested resource does not exist");
        }
        FieldDef f = s.field(call.param("field"));
        if (f == null || !(f.externalId() || f.type() == FieldType.ID)) {
            throw SalesforceException.of(404, "NOT_FOUND", "Provided external ID field does not exist or is not accessible: " + call.param("field"));
        }
        JsonNode body = call.json();
        List<JsonNode> records = records(body);
        return Json.ok(200, apply(records, body.path("allOrNone").asBoolean(false), rec -> {
            Map<String, Object> fields = SObjectEndpoint.fields(rec);
            String type = type(rec, s.name());
            if (!type.equalsIgnoreCase(s.name())) {
                throw SalesforceException.of(400, "INVALID_TYPE", "Upsert records must all be of type " + s.name());
            }
            Object value = null;
            for (String k : List.copyOf(fields.keySet())) {
                if (k.equalsIgnoreCase(f.name())) {
                    value = fields.remove(k);
                }
            }
            if (value == null) {
                throw SalesforceException.of(400, "MISSING_ARGUMENT", f.name() + " not specified", f.name());
            }
            Org.UpsertResult r = org.upsert(s.name(), f.name(), String.valueOf(value), fields, false, call.ctx());
            if (r.matches().size() > 1) {
                throw SalesforceException.of(300, "DUPLICATE_EXTERNAL_ID", f.name()
                        + ": more than one record found for external id field: " + r.matches(), f.name());
            }
            return SObjectEndpoint.saveResult(r.id(), r.created());
        }));
    }

    private EmulatorResponse delete(ApiCall call) {
        String idsParam = call.query("ids");
        if (idsParam == null || idsParam.isBlank()) {
            throw SalesforceException.of(400, "MISSING_ARGUMENT", "ids parameter is required");
        }
        List<String> ids = Arrays.asList(idsParam.split(","));
        if (ids.size() > MAX_RECORDS) {
            throw tooMany();
        }
        boolean allOrNone = Boolean.parseBoolean(call.query("allOrNone"));
        return Json.ok(200, apply(ids, allOrNone, id -> {
            org.deleteById(id.trim(), call.ctx());
            return SObjectEndpoint.saveResult(SalesforceIds.normalize(id.trim()), null);
        }));
    }

    private EmulatorResponse retrieve(ApiCall call) {
        SObjectSchema s = org.schemaOrNull(call.param("sobject"));
        if (s == null) {
            throw SalesforceException.of(404, "NOT_FOUND", "The requested resource does not exist");
        }
        String idsParam = call.query("ids");
        String fieldsParam = call.query("fields");
        if (idsParam == null || fieldsParam == null) {
            throw SalesforceException.of(400, "MISSING_ARGUMENT", "ids and fields parameters are required");
        }
        List<String> ids = Arrays.asList(idsParam.split(","));
        if (ids.size() > 2000) {
            throw tooMany();
        }
        List<String> fields = Arrays.asList(fieldsParam.split(","));
        List<Object> out = new ArrayList<>();
        for (String id : ids) {
            try {
                out.add(org.read(s.name(), id.trim(), fields));
            } catch (SalesforceException e) {
                if (e.first().errorCode().equals("INVALID_FIELD") || e.first().errorCode().equals("MALFORMED_ID")) {
                    throw e;
                }
                out.add(null);
            }
        }
        return Json.ok(200, out);
    }

    /** Runs {@code op} on each item inside one org transaction, collecting per-item results in order. */
    private <T> List<Map<String, Object>> apply(List<T> items, boolean allOrNone, Function<T, Map<String, Object>> op) {
        return org.atomically(() -> {
            Org.Savepoint sp = org.savepoint();
            List<Map<String, Object>> results = new ArrayList<>(items.size());
            boolean failed = false;
            for (T item : items) {
                if (failed && allOrNone) {
                    results.add(null); // filled in below: never attempted
                    continue;
                }
                try {
                    results.add(op.apply(item));
                } catch (SalesforceException e) {
                    failed = true;
                    results.add(failure(e.errors()));
                }
            }
            if (failed && allOrNone) {
                org.rollbackTo(sp);
                ApiError rolledBack = ApiError.of(400, "ALL_OR_NONE_OPERATION_ROLLED_BACK",
                        "Record rolled back because not all records were valid and the request was using AllOrNone header");
                for (int i = 0; i < results.size(); i++) {
                    Map<String, Object> r = results.get(i);
                    if (r == null || Boolean.TRUE.equals(r.get("success"))) {
                        results.set(i, failure(List.of(rolledBack)));
                    }
                }
            }
            return results;
        });
    }

    static Map<String, Object> failure(List<ApiError> errors) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("success", false);
        List<Object> list = new ArrayList<>();
        for (ApiError e : errors) {
            list.add(e.toItemBody());
        }
        m.put("errors", list);
        return m;
    }

    private static List<JsonNode> records(JsonNode body) {
        JsonNode records = body.path("records");
        if (!records.isArray()) {
            throw SalesforceException.of(400, "JSON_PARSER_ERROR", "The request body must contain a records array");
        }
        if (records.size() > MAX_RECORDS) {
            throw tooMany();
        }
        List<JsonNode> out = new ArrayList<>();
        records.forEach(out::add);
        return out;
    }

    private static SalesforceException tooMany() {
        return SalesforceException.of(400, "EXCEEDED_ID_LIMIT",
                "record limit reached. cannot submit more than " + MAX_RECORDS + " records into this call");
    }

    private String type(JsonNode rec, String fallback) {
        String t = rec.path("attributes").path("type").asText(null);
        if (t == null) {
            if (fallback != null) {
                return fallback;
            }
            throw SalesforceException.of(400, "INVALID_TYPE", "Must send a concrete entity type.");
        }
        if (org.schemaOrNull(t) == null) {
            throw SalesforceException.of(400, "INVALID_TYPE", "sObject type '" + t + "' is not supported.");
        }
        return org.schemaOrNull(t).name();
    }
}

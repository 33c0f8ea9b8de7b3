package io.nylassf.testkit.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.testkit.http.EmulatorResponse;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Single-record resources under {@code /sobjects}: create, read, update, delete, upsert and describe. */
final class SObjectEndpoint {
    private final Org org;

    SObjectEndpoint(Org org) {
        this.org = org;
    }

    void register(SalesforceRouter r) {
        r.add("GET", "sobjects", this::list)
         .add("GET", "sobjects/{sobject}", this::basicInfo)
         .add("POST", "sobjects/{sobject}", this::create)
         .add("GET", "sobjects/{sobject}/describe", this::describe)
         .add("GET", "sobjects/{sobject}/{id}", this::read)
         .add("PATCH", "sobjects/{sobject}/{id}", this::update)
         .add("DELETE", "sobjects/{sobject}/{id}", this::delete)
         .add("GET", "sobjects/{sobject}/{field}/{value}", this::readByExternalId)
         .add("PATCH", "sobjects/{sobject}/{field}/{value}", this::upsert);
    }

    /** The schema named in the URL; an unknown object is a missing resource (404), not a bad request. */
    private SObjectSchema schema(ApiCall call) {
        SObjectSchema s = org.schemaOrNull(call.param("sobject"));
        if (s == null) {
            throw SalesforceException.of(404, "NOT_FOUND", "The requested resource does not exist");
        }
        return s;
    }

    private EmulatorResponse create(ApiCall call) {
        SObjectSchema s = schema(call);
        Map<String, Object> body = fields(call.json());
        for (String k : body.keySet()) {
            if (k.equalsIgnoreCase("Id")) {
                throw SalesforceException.of(400, "INVALID_FIELD", "cannot specify Id in an insert call", "Id");
            }
        }
        String id = org.create(s.name(), body, false, call.ctx());
        return Json.ok(201, saveResult(id, null));
    }

    private EmulatorResponse read(ApiCall call) {
        SObjectSchema s = schema(call);
        return Json.ok(200, org.read(s.name(), call.param("id"), fieldsParam(call)));
    }

    private EmulatorResponse update(ApiCall call) {
        SObjectSchema s = schema(call);
        org.update(s.name(), call.param("id"), fields(call.json()), false, call.ctx(), ifUnmodifiedSince(call));
        return EmulatorResponse.empty(204);
    }

    private EmulatorResponse delete(ApiCall call) {
        SObjectSchema s = schema(call);
        org.delete(s.name(), call.param("id"), call.ctx(), ifUnmodifiedSince(call));
        return EmulatorResponse.empty(204);
    }

    private EmulatorResponse readByExternalId(ApiCall call) {
        SObjectSchema s = schema(call);
        FieldDef f = s.field(call.param("field"));
        if (f == null || !f.externalId()) {
            throw SalesforceException.of(404, "NOT_FOUND", "Provided external ID field does not exist or is not accessible: " + call.param("field"));
        }
        Org.QueryResult r = org.query("SELECT Id FROM " + s.name() + " WHERE " + f.name() + " = '"
                + call.param("value").replace("\\", "\\\\").replace("'", "\\'") + "'", false);
        if (r.records().isEmpty()) {
            throw SalesforceException.of(404, "NOT_FOUND", "The requested resource does not exist");
        }
        if (r.records().size() > 1) {
            return Json.ok(300, urls(s, r.records().stream().map(m -> (String) m.get("Id")).toList()));
        }
        return Json.ok(200, org.read(s.name(), (String) r.records().get(0).get("Id"), fieldsParam(call)));
    }

    private EmulatorResponse upsert(ApiCall call) {
        SObjectSchema s = schema(call);
        Org.UpsertResult r = org.upsert(s.name(), call.param("field"), call.param("value"), fields(call.json()), false, call.ctx());
        if (r.matches().size() > 1) {
            return Json.ok(300, urls(s, r.matches()));
        }
        if (!r.created() && call.versionNumber() < 46.0) {
            return EmulatorResponse.empty(204);
        }
        return Json.ok(r.created() ? 201 : 200, saveResult(r.id(), r.created()));
    }

    private List<String> urls(SObjectSchema s, List<String> ids) {
        return ids.stream().map(id -> "/services/data/" + org.apiVersion() + "/sobjects/" + s.name() + "/" + id).toList();
    }

    static Map<String, Object> saveResult(String id, Boolean created) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("success", true);
        m.put("errors", List.of());
        if (created != null) {
            m.put("created", created);
        }
        return m;
    }

    /** The record body as a map; Salesforce rejects anything but a JSON object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> fields(JsonNode body) {
        if (!body.isObject()) {
            throw SalesforceException.of(400, "JSON_PARSER_ERROR", "Cannot deserialize instance of " + body.getNodeType()
                    + " into an SObject: expected a JSON object");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        body.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isContainerNode() && !e.getKey().equals("attributes")) {
                throw SalesforceException.of(400, "JSON_PARSER_ERROR", "Cannot deserialize instance of string from "
                        + (v.isArray() ? "START_ARRAY" : "START_OBJECT") + " value for field " + e.getKey(), e.getKey());
            }
            out.put(e.getKey(), Json.toJava(v));
        });
        return out;
    }

    private static List<String> fieldsParam(ApiCall call) {
        String f = call.query("fields");
        return f == null || f.isBlank() ? null : new ArrayList<>(Arrays.asList(f.split(",")));
    }

    private static Instant ifUnmodifiedSince(ApiCall call) {
        String h = call.request().header("If-Unmodified-Since");
        if (h == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(h.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (RuntimeException e) {
            return null; // like HTTP servers generally, an unparseable date is ignored
        }
    }

    // ------------------------------------------------------------------ describe

    private EmulatorResponse list(ApiCall call) {
        List<Object> objects = new ArrayList<>();
        for (SObjectSchema s : org.schemas()) {
            objects.add(summary(s, call.version()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("encoding", "UTF-8");
        body.put("maxBatchSize", 200);
        body.put("sobjects", objects);
        return Json.ok(200, body);
    }

    private EmulatorResponse basicInfo(ApiCall call) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("objectDescribe", summary(schema(call), call.version()));
        body.put("recentItems", List.of());
        return Json.ok(200, body);
    }

    private static Map<String, Object> summary(SObjectSchema s, String version) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("label", s.label());
        m.put("labelPlural", s.label() + "s");
        m.put("keyPrefix", s.keyPrefix());
        m.put("custom", false);
        m.put("createable", true);
        m.put("updateable", true);
        m.put("deletable", true);
        m.put("queryable", true);
        m.put("retrieveable", true);
        m.put("searchable", true);
        m.put("undeletable", true);
        String base = "/services/data/" + version + "/sobjects/" + s.name();
        m.put("urls", Map.of("sobject", base, "describe", base + "/describe", "rowTemplate", base + "/{ID}"));
        return m;
    }

    private EmulatorResponse describe(ApiCall call) {
        SObjectSchema s = schema(call);
        Map<String, Object> body = summary(s, call.version());
        List<Object> fields = new ArrayList<>();
        for (FieldDef f : s.fields()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("label", label(f.name()));
            m.put("type", f.type().describeName());
            m.put("length", f.type().isText() || f.type().isIdLike() ? f.length() : 0);
            m.put("nillable", f.nillable());
            m.put("createable", f.createable());
            m.put("updateable", f.updateable());
            m.put("defaultedOnCreate", f.defaultValue() != null || f.type() == FieldType.BOOLEAN || !f.createable());
            m.put("externalId", f.externalId());
            m.put("idLookup", f.externalId() || f.type() == FieldType.ID);
            m.put("unique", f.unique());
            m.put("custom", f.custom());
            m.put("calculated", false);
            m.put("filterable", true);
            m.put("sortable", f.type() != FieldType.TEXTAREA || f.length() <= 255);
            m.put("referenceTo", f.referenceTo());
            m.put("relationshipName", f.relationshipName());
            m.put("defaultValue", f.defaultValue());
            List<Object> picklist = new ArrayList<>();
            for (String v : f.picklistValues()) {
                picklist.add(Map.of("value", v, "label", v, "active", true, "defaultValue", v.equals(f.defaultValue())));
            }
            m.put("picklistValues", picklist);
            m.put("soapType", soapType(f.type()));
            fields.add(m);
        }
        body.put("fields", fields);
        body.put("childRelationships", List.of());
        body.put("recordTypeInfos", List.of());
        return Json.ok(200, body);
    }

    private static String label(String name) {
        String base = name.endsWith("__c") ? name.substring(0, name.length() - 3).replace('_', ' ') : name;
        return base.endsWith("Id") && base.length() > 2 ? base.substring(0, base.length() - 2) + " ID" : base;
    }

    private static String soapType(FieldType t) {
        return switch (t) {
            case ID, REFERENCE -> "tns:ID";
            case BOOLEAN -> "xsd:boolean";
            case DATE -> "xsd:date";
            case DATETIME -> "xsd:dateTime";
            case DOUBLE, CURRENCY -> "xsd:double";
            case INT -> "xsd:int";
            default -> "xsd:string";
        };
    }
}

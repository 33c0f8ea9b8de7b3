package io.nylassf.connect.common.salesforce;

import io.nylassf.connect.common.http.ApiException;
import io.nylassf.connect.common.http.ApiException.Kind;
import io.nylassf.connect.common.http.PathSegments;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The URLs and bodies of REST calls (SOQL query, sObject Collections, Composite, describe) for one API version.
 * Builds requests only; sending is {@link SalesforceHttp}'s job. Object and field names and record ids are
 * checked here, before they become part of a URL.
 */
final class SalesforceRequests {
    static final int MAX_COLLECTION = 200;
    static final int MAX_SUBREQUESTS = 25;
    static final int MAX_HEAVY_SUBREQUESTS = 5;

    private final String base;

    SalesforceRequests(String apiVersion) {
        this.base = basePath(apiVersion);
    }

    /** {@code /services/data/vNN.0}: the prefix of every REST resource of that version. */
    static String basePath(String apiVersion) {
        return "/services/data/" + apiVersion;
    }

    /** {@code /query} or {@code /queryAll} (deleted rows included) with the statement as {@code q}. */
    static String queryPath(String resource, String soql) {
        return resource + "?q=" + encode(soql);
    }

    CompositeSubrequest queryRequest(String referenceId, String soql) {
        return new CompositeSubrequest("GET", base + queryPath("/query", soql), referenceId, null, true);
    }

    /** A {@code queryAll} (deleted rows included) as a Composite subrequest. */
    CompositeSubrequest queryAllRequest(String referenceId, String soql) {
        return new CompositeSubrequest("GET", base + queryPath("/queryAll", soql), referenceId, null, true);
    }

    /** {@code GET /sobjects/{sobject}/describe/} as a (light) Composite subrequest. */
    CompositeSubrequest describeRequest(String referenceId, String sobject) {
        return new CompositeSubrequest("GET", base + "/sobjects/" + apiName(sobject) + "/describe/", referenceId,
                null, false);
    }

    /** {@code PATCH /composite/sobjects/{sobject}/{extIdField}}: records carry the external ID value. */
    CompositeSubrequest upsertRequest(String referenceId, String sobject, String extIdField,
                                             List<Map<String, Object>> records, boolean allOrNone) {
        return new CompositeSubrequest("PATCH", base + "/composite/sobjects/" + apiName(sobject) + "/"
                + apiName(extIdField), referenceId, collectionBody(sobject, records, allOrNone), true);
    }

    CompositeSubrequest createRequest(String referenceId, String sobject, List<Map<String, Object>> records,
                                             boolean allOrNone) {
        return new CompositeSubrequest("POST", base + "/composite/sobjects", referenceId,
                collectionBody(sobject, records, allOrNone), true);
    }

    /** Records carry {@code Id}. */
    CompositeSubrequest updateRequest(String referenceId, String sobject, List<Map<String, Object>> records,
                                             boolean allOrNone) {
        return new CompositeSubrequest("PATCH", base + "/composite/sobjects", referenceId,
                collectionBody(sobject, records, allOrNone), true);
    }

    CompositeSubrequest deleteRequest(String referenceId, Collection<String> ids, boolean allOrNone) {
        if (ids.isEmpty() || ids.size() > MAX_COLLECTION) {
            throw new IllegalArgumentException("a collection delete takes 1-" + MAX_COLLECTION + " ids");
        }
        ids.forEach(SalesforceRequests::recordId);
        return new CompositeSubrequest("DELETE", base + "/composite/sobjects?ids=" + String.join(",", ids)
                + "&allOrNone=" + allOrNone, referenceId, null, true);
    }

    private static Map<String, Object> collectionBody(String sobject, List<Map<String, Object>> records,
                                                      boolean allOrNone) {
        if (records.isEmpty() || records.size() > MAX_COLLECTION) {
            throw new IllegalArgumentException("a collection call takes 1-" + MAX_COLLECTION + " records, not "
                    + records.size());
        }
        List<Map<String, Object>> withType = new ArrayList<>(records.size());
        for (Map<String, Object> r : records) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("attributes", Map.of("type", sobject));
            m.putAll(r);
            withType.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("allOrNone", allOrNone);
        body.put("records", withType);
        return body;
    }

    /** The body of {@code POST /composite}, once the call is within Salesforce's subrequest limits. */
    static Map<String, Object> compositeBody(List<CompositeSubrequest> subrequests, boolean allOrNone) {
        if (subrequests.size() > MAX_SUBREQUESTS
                || subrequests.stream().filter(CompositeSubrequest::heavy).count() > MAX_HEAVY_SUBREQUESTS) {
            throw new IllegalArgumentException("a Composite call carries at most " + MAX_SUBREQUESTS
                    + " subrequests, " + MAX_HEAVY_SUBREQUESTS + " of them collections or queries");
        }
        List<Map<String, Object>> subs = new ArrayList<>();
        for (CompositeSubrequest s : subrequests) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("method", s.method());
            m.put("url", s.url());
            m.put("referenceId", s.referenceId());
            if (s.body() != null) {
                m.put("body", s.body());
            }
            if (!s.httpHeaders().isEmpty()) {
                m.put("httpHeaders", new java.util.TreeMap<>(s.httpHeaders()));
            }
            subs.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("allOrNone", allOrNone);
        body.put("compositeRequest", subs);
        return body;
    }

    /** An object or field API name, checked before it becomes part of a URL (it cannot walk the path). */
    static String apiName(String name) {
        if (!PathSegments.isApiName(name)) {
            throw new ApiException(Kind.BAD_REQUEST, 0, "INVALID_TYPE", "not a Salesforce API name: "
                    + PathSegments.describe(name));
        }
        return name;
    }

    /** A record (or job) id: 15 or 18 alphanumerics, checked before it becomes part of a URL. */
    static String recordId(String id) {
        if (!SalesforceId.hasShape(id)) {
            throw new ApiException(Kind.BAD_REQUEST, 0, "MALFORMED_ID", "not a Salesforce id: "
                    + PathSegments.describe(id));
        }
        return id;
    }

    /** A query parameter value, URL-encoded with spaces as {@code %20}. */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

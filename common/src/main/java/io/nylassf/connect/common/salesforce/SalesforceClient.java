package io.nylassf.connect.common.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.connect.common.http.ApiCallCounter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A plain Salesforce REST client (no Connect types): SOQL with paging, Composite (one API call for up to 25
 * subrequests, at most five of them queries or sObject Collections create / update / upsert / delete of ≤200
 * records each, with per-item results), Bulk API 2.0 ingest jobs and {@code /limits}.
 *
 * <p>A facade: {@link SalesforceRequests} builds each call, {@link SalesforceHttp} sends it (auth, one token
 * refresh on 401, error classification, {@code Sforce-Limit-Info} into {@link #limits()}) and
 * {@link BulkIngestJob} runs a bulk job's lifecycle.
 */
public final class SalesforceClient implements AutoCloseable {
    public static final int MAX_HEAVY_SUBREQUESTS = SalesforceRequests.MAX_HEAVY_SUBREQUESTS;

    private final SalesforceSettings settings;
    private final SalesforceHttp http;
    private final SalesforceRequests requests;
    private String userId;
    private boolean userIdResolved;

    public SalesforceClient(SalesforceSettings settings) {
        this(settings, null);
    }

    /** With a caller-supplied auth (e.g. a pre-issued token in tests); null for the flow {@code settings} name. */
    public SalesforceClient(SalesforceSettings settings, SalesforceAuth auth) {
        this.settings = settings;
        this.http = new SalesforceHttp(settings, auth);
        this.requests = new SalesforceRequests(settings.apiVersion());
    }

    public ApiLimitTracker limits() {
        return http.limits();
    }

    /** Every HTTP call this client made, token requests and retries included, by kind (for metrics). */
    public ApiCallCounter<SalesforceCallKind> calls() {
        return http.calls();
    }

    /** Authenticates (or returns the cached token): used by validate to check credentials. */
    public AccessToken connect() {
        return http.token();
    }

    /**
     * The ID of the user this client writes as (the integration user): from the token's identity URL, else, when
     * a username is configured, one SOQL query on User. Null when neither tells (a pre-issued token without
     * identity): callers must then assume nothing about record provenance. Resolved once and cached.
     */
    public synchronized String userId() {
        if (userIdResolved) {
            return userId;
        }
        String id = http.token().userId();
        if (id == null && settings.username() != null && !settings.username().isBlank()) {
            List<Map<String, Object>> users = query("SELECT Id FROM User WHERE Username = "
                    + Soql.quote(settings.username()));
            id = users.isEmpty() ? null : String.valueOf(users.get(0).get("Id"));
        }
        userId = id;
        userIdResolved = true;
        return id;
    }

    // ------------------------------------------------------------------ reads

    /** Every record the query matches, following {@code nextRecordsUrl} page by page (one call a page). */
    public List<Map<String, Object>> query(String soql) {
        return allPages("/query", soql);
    }

    /**
     * {@code GET /queryAll}: like {@link #query(String)} but deleted (recycle bin) and archived rows are included,
     * so {@code IsDeleted} can be selected to observe deletes. Follows {@code nextRecordsUrl}.
     */
    public List<Map<String, Object>> queryAll(String soql) {
        return allPages("/queryAll", soql);
    }

    private List<Map<String, Object>> allPages(String resource, String soql) {
        String what = resource.substring(1);
        QueryPage first = new QueryPage(http.sendJson("GET", SalesforceRequests.queryPath(resource, soql), null,
                what));
        List<Map<String, Object>> out = new ArrayList<>(first.records());
        out.addAll(pagesFrom(first.nextRecordsUrl(), what + " page"));
        return out;
    }

    /** Continues a query from a {@code nextRecordsUrl} (e.g. one a Composite query subresponse returned). */
    public List<Map<String, Object>> queryMore(String nextRecordsUrl) {
        return pagesFrom(nextRecordsUrl, "query page");
    }

    private List<Map<String, Object>> pagesFrom(String nextRecordsUrl, String what) {
        List<Map<String, Object>> out = new ArrayList<>();
        String next = nextRecordsUrl;
        while (next != null) {
            QueryPage page = new QueryPage(http.sendJson("GET", next, null, what));
            out.addAll(page.records());
            next = page.nextRecordsUrl();
        }
        return out;
    }

    /** {@code GET /limits}; updates {@link #limits()}. */
    public void limitsResource() {
        JsonNode daily = http.sendJson("GET", "/limits", null, "limits").path("DailyApiRequests");
        if (daily.has("Max") && daily.has("Remaining")) {
            limits().observeLimits(daily.path("Max").asLong(), daily.path("Remaining").asLong());
        }
    }

    // ------------------------------------------------------------------ Composite

    /** Runs the subrequests as one API call; the responses come back in request order. */
    public List<CompositeSubresponse> composite(List<CompositeSubrequest> subrequests, boolean allOrNone) {
        if (subrequests.isEmpty()) {
            return List.of();
        }
        JsonNode resp = http.sendJson("POST", "/composite", SalesforceRequests.compositeBody(subrequests, allOrNone),
                "composite");
        List<CompositeSubresponse> out = new ArrayList<>();
        for (JsonNode r : resp.path("compositeResponse")) {
            out.add(new CompositeSubresponse(r.path("referenceId").asText(), r.path("httpStatusCode").asInt(),
                    r.path("body")));
        }
        return out;
    }

    public CompositeSubrequest queryRequest(String referenceId, String soql) {
        return requests.queryRequest(referenceId, soql);
    }

    public CompositeSubrequest queryAllRequest(String referenceId, String soql) {
        return requests.queryAllRequest(referenceId, soql);
    }

    public CompositeSubrequest upsertRequest(String referenceId, String sobject, String extIdField,
                                             List<Map<String, Object>> records, boolean allOrNone) {
        return requests.upsertRequest(referenceId, sobject, extIdField, records, allOrNone);
    }

    public CompositeSubrequest createRequest(String referenceId, String sobject, List<Map<String, Object>> records,
                                             boolean allOrNone) {
        return requests.createRequest(referenceId, sobject, records, allOrNone);
    }

    public CompositeSubrequest updateRequest(String referenceId, String sobject, List<Map<String, Object>> records,
                                             boolean allOrNone) {
        return requests.updateRequest(referenceId, sobject, records, allOrNone);
    }

    public CompositeSubrequest deleteRequest(String referenceId, Collection<String> ids, boolean allOrNone) {
        return requests.deleteRequest(referenceId, ids, allOrNone);
    }

    /**
     * The field names of each object (case-insensitive), described in one Composite call (up to 25 objects). An
     * object the org does not have (or the user cannot see) maps to null.
     */
    public Map<String, Set<String>> describeFields(List<String> sobjects) {
        List<CompositeSubrequest> subs = new ArrayList<>();
        for (int i = 0; i < sobjects.size(); i++) {
            subs.add(requests.describeRequest("d" + i, sobjects.get(i)));
        }
        List<CompositeSubresponse> resp = composite(subs, false);
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < sobjects.size(); i++) {
            CompositeSubresponse r = i < resp.size() ? resp.get(i) : null;
            if (r == null || !r.ok()) {
                if (r != null && r.status() != 404 && r.error().isRetriable()) {
                    throw r.error();
                }
                out.put(sobjects.get(i), null);
                continue;
            }
            Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            for (JsonNode f : r.body().path("fields")) {
                names.add(f.path("name").asText());
            }
            out.put(sobjects.get(i), names);
        }
        return out;
    }

    // ------------------------------------------------------------------ Bulk API 2.0

    /** Creates an ingest job ({@code insert}, {@code update}, {@code upsert}, {@code delete}); one API call. */
    public BulkIngestJob createBulkIngestJob(String sobject, String operation, String externalIdField) {
        return BulkIngestJob.create(http, sobject, operation, externalIdField);
    }

    @Override
    public void close() {
        http.close();
    }
}

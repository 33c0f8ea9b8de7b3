package io.nylassf.connect.common.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.nylassf.connect.common.http.ApiException;
import io.nylassf.connect.common.http.ApiException.Kind;
import io.nylassf.connect.common.http.PathSegments;
import io.nylassf.connect.common.http.RetryAfter;
import io.nylassf.connect.common.loop.LoopGuard;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain Salesforce REST client (no Connect types): SOQL with paging, sObject Collections create / update /
 * upsert / delete (≤200 records a call, per-item results), Composite (one API call for up to 25 subrequests, at
 * most five of them collections or queries), Bulk API 2.0 ingest jobs and {@code /limits}.
 *
 * <p>Every request carries the bearer token and {@code Sforce-Call-Options: client=<id>}; a 401 refreshes the
 * token once and retries. Every response's {@code Sforce-Limit-Info} feeds {@link #limits()}. Failures are
 * {@link ApiException}s classified once (see {@link SalesforceErrors}); bodies and tokens are never logged.
 */
public final class SalesforceClient implements AutoCloseable {
    public static final int MAX_COLLECTION = 200;
    public static final int MAX_SUBREQUESTS = 25;
    public static final int MAX_HEAVY_SUBREQUESTS = 5;

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /** A raw response: status, body text and the headers we read. */
    public record HttpResult(int status, String body, String retryAfter) {
    }

    private final SalesforceSettings settings;
    private final OkHttpClient http;
    private final SalesforceAuth auth;
    private final ApiLimitTracker limits = new ApiLimitTracker();
    private final boolean ownsHttp;
    private String userId;
    private boolean userIdResolved;

    public SalesforceClient(SalesforceSettings settings) {
        this(settings, httpClient(settings.requestTimeout()), null, true);
    }

    /** With a caller-supplied auth (e.g. a pre-issued token in tests). */
    public SalesforceClient(SalesforceSettings settings, SalesforceAuth auth) {
        this(settings, httpClient(settings.requestTimeout()), auth, true);
    }

    private SalesforceClient(SalesforceSettings settings, OkHttpClient http, SalesforceAuth auth, boolean ownsHttp) {
        this.settings = settings;
        this.http = http;
        this.auth = auth != null ? auth : SalesforceAuth.create(settings, http);
        this.ownsHttp = ownsHttp;
    }

    static OkHttpClient httpClient(Duration timeout) {
        return new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(Math.min(10, timeout.toSeconds())))
                .readTimeout(timeout).writeTimeout(timeout).callTimeout(timeout.plusSeconds(5))
                .retryOnConnectionFailure(false).build();
    }

    public ApiLimitTracker limits() {
        return limits;
    }

    public String apiVersion() {
        return settings.apiVersion();
    }

    public SalesforceSettings settings() {
        return settings;
    }

    /** Authenticates (or returns the cached token): used by validate to check credentials. */
    public AccessToken connect() {
        return auth.token();
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
        String id = auth.token().userId();
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
        JsonNode page = sendJson("GET", resource + "?q=" + encode(soql), null, what);
        List<Map<String, Object>> out = new ArrayList<>();
        while (true) {
            addRecords(page, out);
            String next = nextUrl(page);
            if (next == null) {
                return out;
            }
            page = sendJson("GET", next, null, what + " page");
        }
    }

    /** Continues a query from a {@code nextRecordsUrl} (e.g. one a Composite query subresponse returned). */
    public List<Map<String, Object>> queryMore(String nextRecordsUrl) {
        List<Map<String, Object>> out = new ArrayList<>();
        String next = nextRecordsUrl;
        while (next != null) {
            JsonNode page = sendJson("GET", next, null, "query page");
            addRecords(page, out);
            next = nextUrl(page);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void addRecords(JsonNode page, List<Map<String, Object>> out) {
        for (JsonNode r : page.path("records")) {
            out.add(MAPPER.convertValue(r, Map.class));
        }
    }

    private static String nextUrl(JsonNode page) {
        JsonNode n = page.get("nextRecordsUrl");
        return page.path("done").asBoolean(true) || n == null || n.isNull() ? null : n.asText();
    }

    /** {@code GET /limits}; also updates {@link #limits()}. */
    public JsonNode limitsResource() {
        JsonNode n = sendJson("GET", "/limits", null, "limits");
        JsonNode daily = n.path("DailyApiRequests");
        if (daily.has("Max") && daily.has("Remaining")) {
            limits.observeLimits(daily.path("Max").asLong(), daily.path("Remaining").asLong());
        }
        return n;
    }

    // ------------------------------------------------------------------ sObject Collections

    /** {@code PATCH /composite/sobjects/{sobject}/{extIdField}}: records carry the external ID value. */
    public List<SaveResult> upsertCollection(String sobject, String extIdField, List<Map<String, Object>> records,
                                             boolean allOrNone) {
        CompositeSubrequest r = upsertRequest("upsert", sobject, extIdField, records, allOrNone);
        return saveResults(sendJson(r.method(), stripPrefix(r.url()), r.body(), "upsert " + sobject));
    }

    public List<SaveResult> createCollection(String sobject, List<Map<String, Object>> records, boolean allOrNone) {
        CompositeSubrequest r = createRequest("create", sobject, records, allOrNone);
        return saveResults(sendJson(r.method(), stripPrefix(r.url()), r.body(), "create " + sobject));
    }

    /** Records carry {@code Id}. */
    public List<SaveResult> updateCollection(String sobject, List<Map<String, Object>> records, boolean allOrNone) {
        CompositeSubrequest r = updateRequest("update", sobject, records, allOrNone);
        return saveResults(sendJson(r.method(), stripPrefix(r.url()), r.body(), "update " + sobject));
    }

    public List<SaveResult> deleteCollection(Collection<String> ids, boolean allOrNone) {
        CompositeSubrequest r = deleteRequest("delete", ids, allOrNone);
        return saveResults(sendJson(r.method(), stripPrefix(r.url()), null, "delete"));
    }

    // ------------------------------------------------------------------ Composite

    /** Runs the subrequests as one API call; the responses come back in request order. */
    public List<CompositeSubresponse> composite(List<CompositeSubrequest> subrequests, boolean allOrNone) {
        if (subrequests.isEmpty()) {
            return List.of();
        }
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
            subs.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("allOrNone", allOrNone);
        body.put("compositeRequest", subs);
        JsonNode resp = sendJson("POST", "/composite", body, "composite");
        List<CompositeSubresponse> out = new ArrayList<>();
        for (JsonNode r : resp.path("compositeResponse")) {
            out.add(new CompositeSubresponse(r.path("referenceId").asText(), r.path("httpStatusCode").asInt(),
                    r.path("body")));
        }
        return out;
    }

    /** {@code GET /sobjects/{sobject}/describe/} as a (light) Composite subrequest. */
    public CompositeSubrequest describeRequest(String referenceId, String sobject) {
        return new CompositeSubrequest("GET", base() + "/sobjects/" + apiName(sobject) + "/describe/", referenceId,
                null, false);
    }

    /**
     * The field names of each object (case-insensitive), described in one Composite call (up to 25 objects). An
     * object the org does not have (or the user cannot see) maps to null.
     */
    public Map<String, java.util.Set<String>> describeFields(List<String> sobjects) {
        List<CompositeSubrequest> subs = new ArrayList<>();
        for (int i = 0; i < sobjects.size(); i++) {
            subs.add(describeRequest("d" + i, sobjects.get(i)));
        }
        List<CompositeSubresponse> resp = composite(subs, false);
        Map<String, java.util.Set<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < sobjects.size(); i++) {
            CompositeSubresponse r = i < resp.size() ? resp.get(i) : null;
            if (r == null || !r.ok()) {
                if (r != null && r.status() != 404 && r.error().isRetriable()) {
                    throw r.error();
                }
                out.put(sobjects.get(i), null);
                continue;
            }
            java.util.Set<String> names = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            for (JsonNode f : r.body().path("fields")) {
                names.add(f.path("name").asText());
            }
            out.put(sobjects.get(i), names);
        }
        return out;
    }

    public CompositeSubrequest queryRequest(String referenceId, String soql) {
        return new CompositeSubrequest("GET", base() + "/query?q=" + encode(soql), referenceId, null, true);
    }

    public CompositeSubrequest upsertRequest(String referenceId, String sobject, String extIdField,
                                             List<Map<String, Object>> records, boolean allOrNone) {
        return new CompositeSubrequest("PATCH", base() + "/composite/sobjects/" + apiName(sobject) + "/"
                + apiName(extIdField),
                referenceId, collectionBody(sobject, records, allOrNone), true);
    }

    public CompositeSubrequest createRequest(String referenceId, String sobject, List<Map<String, Object>> records,
                                             boolean allOrNone) {
        return new CompositeSubrequest("POST", base() + "/composite/sobjects", referenceId,
                collectionBody(sobject, records, allOrNone), true);
    }

    public CompositeSubrequest updateRequest(String referenceId, String sobject, List<Map<String, Object>> records,
                                             boolean allOrNone) {
        return new CompositeSubrequest("PATCH", base() + "/composite/sobjects", referenceId,
                collectionBody(sobject, records, allOrNone), true);
    }

    public CompositeSubrequest deleteRequest(String referenceId, Collection<String> ids, boolean allOrNone) {
        if (ids.isEmpty() || ids.size() > MAX_COLLECTION) {
            throw new IllegalArgumentException("a collection delete takes 1-" + MAX_COLLECTION + " ids");
        }
        ids.forEach(SalesforceClient::recordId);
        return new CompositeSubrequest("DELETE", base() + "/composite/sobjects?ids=" + String.join(",", ids)
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

    static List<SaveResult> saveResults(JsonNode array) {
        List<SaveResult> out = new ArrayList<>();
        for (JsonNode r : array) {
            boolean success = r.path("success").asBoolean(false);
            out.add(new SaveResult(SalesforceErrors.text(r, "id"), success, r.path("created").asBoolean(false),
                    SalesforceErrors.itemErrors(r.path("errors"))));
        }
        return out;
    }

    // ------------------------------------------------------------------ Bulk API 2.0

    /** Creates an ingest job ({@code insert}, {@code update}, {@code upsert}, {@code delete}); one API call. */
    public BulkIngestJob createBulkIngestJob(String sobject, String operation, String externalIdField) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("object", sobject);
        body.put("operation", operation);
        if (externalIdField != null) {
            body.put("externalIdFieldName", externalIdField);
        }
        body.put("contentType", "CSV");
        body.put("lineEnding", "LF");
        JsonNode n = sendJson("POST", "/jobs/ingest", body, "bulk create " + sobject);
        return new BulkIngestJob(this, n.path("id").asText(), sobject, operation, externalIdField);
    }

    // ------------------------------------------------------------------ path segments

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

    // ------------------------------------------------------------------ HTTP

    private String base() {
        return "/services/data/" + settings.apiVersion();
    }

    private String stripPrefix(String url) {
        return url.startsWith(base()) ? url.substring(base().length()) : url;
    }

    JsonNode sendJson(String method, String path, Object body, String what) {
        byte[] bytes = null;
        if (body != null) {
            try {
                bytes = MAPPER.writeValueAsBytes(body);
            } catch (JsonProcessingException e) {
                throw new ApiException(Kind.BAD_REQUEST, 0, "JSON", what + ": cannot serialise the request", null, e);
            }
        }
        HttpResult r = send(method, path, bytes, bytes == null ? null : "application/json", what);
        if (r.body() == null || r.body().isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new ApiException(Kind.TRANSIENT, r.status(), null, what + ": unreadable response body", null, e);
        }
    }

    /**
     * One HTTP exchange under {@code /services/data/vNN.0} (or a full {@code /services/data/...} path), with a
     * single token refresh on 401. Non-2xx answers become classified {@link ApiException}s.
     */
    HttpResult send(String method, String path, byte[] body, String contentType, String what) {
        AccessToken token = auth.token();
        HttpResult r = exchange(token, method, path, body, contentType, what);
        if (r.status() == 401) {
            token = auth.refresh(token);
            r = exchange(token, method, path, body, contentType, what);
        }
        if (r.status() >= 200 && r.status() < 300) {
            return r;
        }
        JsonNode errorBody;
        try {
            errorBody = r.body() == null || r.body().isBlank() ? null : MAPPER.readTree(r.body());
        } catch (IOException e) {
            errorBody = null;
        }
        throw SalesforceErrors.fromResponse(r.status(), errorBody, RetryAfter.parse(r.retryAfter(), Clock.systemUTC()),
                what);
    }

    private HttpResult exchange(AccessToken token, String method, String path, byte[] body, String contentType,
                                String what) {
        String url = token.instanceUrl() + (path.startsWith("/services/") ? path : base() + path);
        RequestBody rb = body == null ? (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")
                ? RequestBody.create(new byte[0], JSON) : null)
                : RequestBody.create(body, contentType == null ? JSON : MediaType.get(contentType));
        Request.Builder b = new Request.Builder().url(url).method(method, rb)
                .header("Authorization", "Bearer " + token.token())
                .header("Accept", "application/json");
        if (settings.callOptionsClient() != null && !settings.callOptionsClient().isBlank()) {
            b.header(LoopGuard.CALL_OPTIONS_HEADER, LoopGuard.callOptions(settings.callOptionsClient()));
        }
        if (settings.allowDuplicateSave() && !method.equals("GET")) {
            b.header("Sforce-Duplicate-Rule-Header", "allowSave=true; includeRecordDetails=true");
        }
        limits.countCall();
        try (Response response = http.newCall(b.build()).execute()) {
            limits.observe(response.header("Sforce-Limit-Info"));
            ResponseBody rbody = response.body();
            return new HttpResult(response.code(), rbody == null ? "" : rbody.string(), response.header("Retry-After"));
        } catch (IOException e) {
            throw new ApiException(Kind.TRANSIENT, 0, null, what + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), null, e);
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        if (ownsHttp) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}

package io.nylassf.connect.common.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.nylassf.connect.common.http.ApiCallCounter;
import io.nylassf.connect.common.http.ApiException;
import io.nylassf.connect.common.http.ApiException.Kind;
import io.nylassf.connect.common.http.RetryAfter;
import io.nylassf.connect.common.loop.LoopGuard;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * The HTTP exchange with the Salesforce REST API: every request carries the bearer token and
 * {@code Sforce-Call-Options: client=<id>}; a 401 refreshes the token once and retries; every response's
 * {@code Sforce-Limit-Info} feeds {@link #limits()}; non-2xx answers become {@link ApiException}s classified by
 * {@link SalesforceErrors}, with their {@code Retry-After}. Bodies and tokens are never logged.
 */
final class SalesforceHttp implements AutoCloseable {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /** A raw response: status, body text and the headers we read. */
    record Result(int status, String body, String retryAfter) {
    }

    private final SalesforceSettings settings;
    private final OkHttpClient http;
    private final SalesforceAuth auth;
    private final ApiLimitTracker limits = new ApiLimitTracker();
    private final ApiCallCounter<SalesforceCallKind> calls =
            new ApiCallCounter<>(SalesforceCallKind.class, SalesforceCallKind::of);
    private final String basePath;

    /** With {@code auth} null, the flow {@code settings} name. */
    SalesforceHttp(SalesforceSettings settings, SalesforceAuth auth) {
        this.settings = settings;
        this.http = httpClient(settings.requestTimeout(), calls);
        this.auth = auth != null ? auth : SalesforceAuth.create(settings, http);
        this.basePath = SalesforceRequests.basePath(settings.apiVersion());
    }

    private static OkHttpClient httpClient(Duration timeout, ApiCallCounter<SalesforceCallKind> calls) {
        return new OkHttpClient.Builder().addInterceptor(calls).connectTimeout(Duration.ofSeconds(Math.min(10, timeout.toSeconds())))
                .readTimeout(timeout).writeTimeout(timeout).callTimeout(timeout.plusSeconds(5))
                .retryOnConnectionFailure(false).build();
    }

    ApiLimitTracker limits() {
        return limits;
    }

    /** Every call made, token requests included, by kind. */
    ApiCallCounter<SalesforceCallKind> calls() {
        return calls;
    }

    /** The cached token, fetched the first time. */
    AccessToken token() {
        return auth.token();
    }

    /** {@link #send} with a JSON body (or none) and a JSON answer; an empty answer is a missing node. */
    JsonNode sendJson(String method, String path, Object body, String what) {
        byte[] bytes = null;
        if (body != null) {
            try {
                bytes = MAPPER.writeValueAsBytes(body);
            } catch (JsonProcessingException e) {
                throw new ApiException(Kind.BAD_REQUEST, 0, "JSON", what + ": cannot serialise the request", null, e);
            }
        }
        Result r = send(method, path, bytes, bytes == null ? null : "application/json", what);
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
     * One HTTP exchange under {@code /services/data/vNN.0} (or a full {@code /services/...} path), with a
     * single token refresh on 401. Non-2xx answers become classified {@link ApiException}s.
     */
    Result send(String method, String path, byte[] body, String contentType, String what) {
        AccessToken token = auth.token();
        Result r = exchange(token, method, path, body, contentType, what);
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

    private Result exchange(AccessToken token, String method, String path, byte[] body, String contentType,
                            String what) {
        String url = token.instanceUrl() + (path.startsWith("/services/") ? path : basePath + path);
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
            return new Result(response.code(), rbody == null ? "" : rbody.string(), response.header("Retry-After"));
        } catch (IOException e) {
            throw new ApiException(Kind.TRANSIENT, 0, null, what + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), null, e);
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}

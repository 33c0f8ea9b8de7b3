package io.nylassf.connect.common.nylas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nylassf.connect.common.http.ApiCallCounter;
import io.nylassf.connect.common.http.ApiException.Kind;
import io.nylassf.connect.common.http.PathSegments;
import io.nylassf.connect.common.http.RetryAfter;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The read side of the Nylas v3 API: typed list calls returning one {@link Page} at a time, single-object reads
 * and the application's grants. A plain library (no Connect types): every failure is a
 * {@link NylasApiException} classified once (401 → AUTHENTICATION, 429 → RATE_LIMITED with Retry-After,
 * 5xx/timeouts/I/O → TRANSIENT, 404 → NOT_FOUND, other 4xx → BAD_REQUEST/FORBIDDEN/CONFLICT). Nothing here logs
 * the API key or a body. Thread-safe; share one per task.
 */
public final class NylasClient implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpUrl base;
    private final String authorization;
    private final OkHttpClient http;
    private final Clock clock;
    private final ApiCallCounter<NylasCallKind> calls = new ApiCallCounter<>(NylasCallKind.class, NylasCallKind::of);

    public NylasClient(String baseUrl, String apiKey, Duration timeout) {
        this(baseUrl, apiKey, timeout, Clock.systemUTC());
    }

    public NylasClient(String baseUrl, String apiKey, Duration timeout, Clock clock) {
        HttpUrl parsed = HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl"));
        if (parsed == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
        }
        this.base = parsed;
        this.authorization = "Bearer " + Objects.requireNonNull(apiKey, "apiKey");
        this.http = new OkHttpClient.Builder()
                .addInterceptor(calls)
                .callTimeout(timeout)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .retryOnConnectionFailure(false)
                .build();
        this.clock = clock;
    }

    /** Every HTTP call this client made, retries included, by kind (for metrics). */
    public ApiCallCounter<NylasCallKind> calls() {
        return calls;
    }

    // ---- messages ----

    /** {@code GET /v3/grants/{grant}/messages}: newest first. */
    public Page<Message> listMessages(String grantId, ListQuery query) {
        return list(grantId, path(grantId, "messages"), query, Message::new);
    }

    public Message getMessage(String grantId, String messageId) {
        return new Message(get(grantId, path(grantId, "messages", messageId), Map.of()));
    }

    /**
     * {@code GET /v3/grants/{grant}/attachments/{id}/download?message_id=}: the file's bytes, read up to
     * {@code maxBytes + 1} (a longer answer is cut there, so a caller can tell "too large" without holding it all).
     * Failures are classified like every other call (404 → NOT_FOUND, 429/5xx → retriable).
     */
    public byte[] downloadAttachment(String grantId, String attachmentId, String messageId, long maxBytes) {
        HttpUrl url = url(path(grantId, "attachments", attachmentId, "download"), Map.of("message_id",
                checked(messageId)));
        Request request = new Request.Builder().url(url).get().header("Authorization", authorization)
                .header("Accept", "application/octet-stream").build();
        String what = "GET " + url.encodedPath();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            if (!response.isSuccessful()) {
                throw classify(what, grantId, response.code(), body == null ? new byte[0] : body.bytes(),
                        response.header("Retry-After"));
            }
            if (body == null) {
                return new byte[0];
            }
            try (java.io.InputStream in = body.byteStream()) {
                return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            }
        } catch (InterruptedIOException e) {
            throw new NylasApiException(Kind.TRANSIENT, 0, "timeout", what + " timed out", null, grantId, false, e);
        } catch (IOException e) {
            throw new NylasApiException(Kind.TRANSIENT, 0, "io", what + " failed: " + e.getClass().getSimpleName(),
                    null, grantId, false, e);
        }
    }

    // ---- events ----

    /** {@code GET /v3/grants/{grant}/events?calendar_id=}: {@code calendar_id} is required ({@code primary} works). */
    public Page<Event> listEvents(String grantId, String calendarId, ListQuery query) {
        return list(grantId, path(grantId, "events"), query.with("calendar_id", calendarId), Event::new);
    }

    public Event getEvent(String grantId, String calendarId, String eventId) {
        return new Event(get(grantId, path(grantId, "events", eventId), Map.of("calendar_id", calendarId)));
    }

    // ---- contacts ----

    public Page<Contact> listContacts(String grantId, ListQuery query) {
        return list(grantId, path(grantId, "contacts"), query, Contact::new);
    }

    public Contact getContact(String grantId, String contactId) {
        return new Contact(get(grantId, path(grantId, "contacts", contactId), Map.of()));
    }

    // ---- writes (outbound direction) ----

    /**
     * {@code POST /v3/grants/{grant}/messages/send} with an {@code Idempotency-Key}: Nylas caches the response for
     * an hour per grant, so a replay with the same key and payload returns the first send instead of sending
     * again. The 200 response is the send confirmation (immediate sends fire no {@code send_success} webhook).
     */
    public Message sendMessage(String grantId, JsonNode request, String idempotencyKey) {
        return new Message(write(grantId, "POST", path(grantId, "messages", "send"), Map.of(), request,
                idempotencyKey));
    }

    /** {@code POST /v3/grants/{grant}/events?calendar_id=}. */
    public Event createEvent(String grantId, String calendarId, JsonNode event, boolean notifyParticipants) {
        return new Event(write(grantId, "POST", path(grantId, "events"), Map.of("calendar_id", calendarId,
                "notify_participants", Boolean.toString(notifyParticipants)), event, null));
    }

    /** {@code PUT /v3/grants/{grant}/events/{id}?calendar_id=}: nested objects replaced, omitted fields kept. */
    public Event updateEvent(String grantId, String calendarId, String eventId, JsonNode changes,
                             boolean notifyParticipants) {
        return new Event(write(grantId, "PUT", path(grantId, "events", eventId), Map.of("calendar_id", calendarId,
                "notify_participants", Boolean.toString(notifyParticipants)), changes, null));
    }

    /** {@code DELETE /v3/grants/{grant}/events/{id}?calendar_id=}; false when it was already gone (404). */
    public boolean deleteEvent(String grantId, String calendarId, String eventId, boolean notifyParticipants) {
        try {
            write(grantId, "DELETE", path(grantId, "events", eventId), Map.of("calendar_id", calendarId,
                    "notify_participants", Boolean.toString(notifyParticipants)), null, null);
            return true;
        } catch (NylasApiException e) {
            if (e.kind() == Kind.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    // ---- grants ----

    public Grant getGrant(String grantId) {
        return new Grant(get(grantId, path(null, "grants", grantId), Map.of()));
    }

    /**
     * {@code GET /v3/grants?limit=1}: one cheap application-level call that proves the base URL answers as Nylas
     * and the API key is accepted (throws the classified {@link NylasApiException} otherwise).
     */
    public void checkAccess() {
        call(null, url(path(null, "grants"), Map.of("limit", "1")));
    }

    /** Every grant of the application, following {@code offset} paging (the grants API has no cursor). */
    public List<Grant> listGrants() {
        List<Grant> all = new ArrayList<>();
        int limit = ListQuery.MAX_LIMIT;
        for (int offset = 0; ; offset += limit) {
            JsonNode body = call(null, url(path(null, "grants"),
                    Map.of("limit", Integer.toString(limit), "offset", Integer.toString(offset))));
            JsonNode data = body.path("data");
            data.forEach(g -> all.add(new Grant(g)));
            if (data.size() < limit) {
                return all;
            }
        }
    }

    // ---- webhooks ----

    /** {@code GET /v3/webhooks}: the application's subscriptions and their delivery status. */
    public List<WebhookSubscription> listWebhooks() {
        List<WebhookSubscription> out = new ArrayList<>();
        call(null, url(path(null, "webhooks"), Map.of())).path("data")
                .forEach(w -> out.add(WebhookSubscription.of(w)));
        return out;
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    // ---- plumbing ----

    private <T> Page<T> list(String grantId, List<String> path, ListQuery query, Function<JsonNode, T> wrap) {
        JsonNode body = call(grantId, url(path, query.params()));
        List<T> items = new ArrayList<>();
        body.path("data").forEach(n -> items.add(wrap.apply(n)));
        String next = body.path("next_cursor").asText(null);
        return new Page<>(items, next == null || next.isEmpty() ? null : next, body.path("request_id").asText(null));
    }

    private JsonNode get(String grantId, List<String> path, Map<String, String> params) {
        JsonNode data = call(grantId, url(path, params)).get("data");
        if (data == null || !data.isObject()) {
            throw new NylasApiException(Kind.TRANSIENT, 200, null, "Nylas answered without a data object",
                    null, grantId, false, null);
        }
        return data;
    }

    /** The path; every segment (grant and object ids included) must be a {@link PathSegments#isNylasId} value. */
    private static List<String> path(String grantId, String... segments) {
        List<String> p = new ArrayList<>();
        p.add("v3");
        if (grantId != null) {
            p.add("grants");
            p.add(checked(grantId));
        }
        for (String s : segments) {
            p.add(checked(s));
        }
        return p;
    }

    private static String checked(String segment) {
        if (!PathSegments.isNylasId(segment)) {
            throw new NylasApiException(Kind.BAD_REQUEST, 0, "invalid_id", "not a valid Nylas id for a URL path: "
                    + PathSegments.describe(segment), null, null, false, null);
        }
        return segment;
    }

    private HttpUrl url(List<String> segments, Map<String, String> params) {
        HttpUrl.Builder b = base.newBuilder();
        segments.forEach(b::addPathSegment);
        params.forEach(b::addQueryParameter);
        return b.build();
    }

    private JsonNode call(String grantId, HttpUrl url) {
        JsonNode answer = exchange(grantId, "GET", url, new Request.Builder().url(url).get());
        return answer == null ? MAPPER.createObjectNode() : answer;
    }

    /** A write call; returns {@code data} (an empty object when the answer has none, e.g. DELETE). */
    private JsonNode write(String grantId, String method, List<String> path, Map<String, String> params,
                           JsonNode json, String idempotencyKey) {
        HttpUrl url = url(path, params);
        okhttp3.RequestBody body = json == null ? null : okhttp3.RequestBody.create(json.toString(),
                okhttp3.MediaType.get("application/json; charset=utf-8"));
        Request.Builder b = new Request.Builder().url(url).method(method, body);
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        JsonNode answer = exchange(grantId, method, url, b);
        JsonNode data = answer == null ? null : answer.get("data");
        return data == null || !data.isObject() ? MAPPER.createObjectNode() : data;
    }

    /**
     * The one response path of reads and writes: sends the request with the API key, parses a successful answer
     * (null when it has no body), and turns anything else (an error status, an unreadable answer, a timeout, a
     * dropped connection) into a classified {@link NylasApiException}.
     */
    private JsonNode exchange(String grantId, String method, HttpUrl url, Request.Builder request) {
        request.header("Authorization", authorization).header("Accept", "application/json");
        String what = method + " " + url.encodedPath();
        try (Response response = http.newCall(request.build()).execute()) {
            ResponseBody body = response.body();
            byte[] bytes = body == null ? new byte[0] : body.bytes();
            if (!response.isSuccessful()) {
                throw classify(what, grantId, response.code(), bytes, response.header("Retry-After"));
            }
            try {
                return bytes.length == 0 ? null : MAPPER.readTree(bytes);
            } catch (IOException e) {
                throw new NylasApiException(Kind.TRANSIENT, response.code(), null,
                        what + ": unreadable JSON response", null, grantId, false, e);
            }
        } catch (InterruptedIOException e) {
            throw new NylasApiException(Kind.TRANSIENT, 0, "timeout", what + " timed out", null, grantId, false, e);
        } catch (IOException e) {
            throw new NylasApiException(Kind.TRANSIENT, 0, "io", what + " failed: " + e.getClass().getSimpleName(),
                    null, grantId, false, e);
        }
    }

    /** Turns an error response into a classified exception; package-private for tests. */
    NylasApiException classify(String what, String grantId, int status, byte[] body, String retryAfterHeader) {
        String type = null;
        String message = null;
        boolean providerError = false;
        try {
            JsonNode error = MAPPER.readTree(body).path("error");
            type = error.path("type").asText(null);
            message = error.path("message").asText(null);
            providerError = error.hasNonNull("provider_error");
        } catch (IOException | RuntimeException ignored) {
            // not JSON: classify on the status alone
        }
        String normalized = type != null && type.startsWith("api.") ? type.substring(4) : type;
        Duration retryAfter = RetryAfter.parse(retryAfterHeader, clock);
        Kind kind;
        if (status == 429 || "rate_limit_error".equals(normalized) || "nylas_rate_limit_exceeded".equals(normalized)) {
            kind = Kind.RATE_LIMITED;
        } else if (status == 401 || "authentication_error".equals(normalized) || "unauthorized".equals(normalized)) {
            kind = Kind.AUTHENTICATION;
        } else if (status == 404 || "not_found_error".equals(normalized)) {
            kind = Kind.NOT_FOUND;
        } else if (status >= 500 || status == 408 || status == 423) {
            kind = Kind.TRANSIENT;
        } else if (status == 403) {
            kind = Kind.FORBIDDEN;
        } else if (status == 409) {
            kind = Kind.CONFLICT;
        } else {
            kind = Kind.BAD_REQUEST;
        }
        boolean grantExpired = kind == Kind.AUTHENTICATION && grantId != null && providerError;
        StringBuilder text = new StringBuilder(what).append(" -> ").append(status);
        if (type != null) {
            text.append(' ').append(type);
        }
        if (message != null) {
            text.append(": ").append(message.length() > 300 ? message.substring(0, 300) + "…" : message);
        }
        return new NylasApiException(kind, status, type, text.toString(), retryAfter, grantId, grantExpired, null);
    }
}

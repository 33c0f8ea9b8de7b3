package io.nylassf.connect.common.nylas;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Query parameters of a list call: {@code limit} (1..200), {@code page_token} and the endpoint's filters.
 * Immutable; each {@code with...} returns a copy.
 */
public final class ListQuery {
    public static final int MAX_LIMIT = 200;
    /** The page size Nylas uses when none is asked for. */
    public static final int DEFAULT_LIMIT = 50;
    /** {@code fields}: which optional parts of a message to return. */
    public static final String FIELDS = "fields";
    /** {@code fields=include_headers}: messages with their {@code headers} (Message-ID, List-Unsubscribe...). */
    public static final String INCLUDE_HEADERS = "include_headers";

    private final Map<String, String> params;

    private ListQuery(Map<String, String> params) {
        this.params = params;
    }

    public static ListQuery limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        return new ListQuery(new LinkedHashMap<>()).with("limit", Integer.toString(limit));
    }

    /** Adds or replaces a parameter; a null value removes it. */
    public ListQuery with(String name, Object value) {
        Map<String, String> copy = new LinkedHashMap<>(params);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value.toString());
        }
        return new ListQuery(copy);
    }

    public ListQuery pageToken(String token) {
        return with("page_token", token == null || token.isEmpty() ? null : token);
    }

    /** Messages with {@code start <= date < end} (seconds). */
    public ListQuery receivedBetween(long start, long end) {
        return with("received_after", start).with("received_before", end);
    }

    /** Messages with their {@code headers}. */
    public ListQuery includeHeaders() {
        return with(FIELDS, INCLUDE_HEADERS);
    }

    /** Events with {@code start <= updated_at < end} (seconds); Google, Microsoft and EWS only. */
    public ListQuery updatedBetween(long start, long end) {
        return with("updated_after", start).with("updated_before", end);
    }

    public Map<String, String> params() {
        return Collections.unmodifiableMap(params);
    }

    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>(params);
        shown.computeIfPresent("page_token", (k, v) -> "…");
        return shown.toString();
    }
}

package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.testkit.http.EmulatorResponse;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code Idempotency-Key} handling for sends: per grant, the first response for a key is kept for an hour of
 * emulator time. Payloads are compared as parsed JSON, so whitespace and key order do not make a replay a
 * "different payload".
 */
final class IdempotencyCache {
    static final int MAX_KEY_LENGTH = 256;

    enum Kind { NEW, REPLAY, DIFFERENT_PAYLOAD, IN_FLIGHT }

    /** The decision for one request; {@code cached} is set for a replay. */
    record Outcome(Kind kind, EmulatorResponse cached) {
    }

    private record Entry(JsonNode payload, EmulatorResponse response, long expiresAtMillis) {
        boolean inFlight() {
            return response == null;
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;

    IdempotencyCache(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Claims the key for this request (NEW), or says why the request must not run. */
    Outcome begin(String grantId, String key, JsonNode payload) {
        String k = grantId + "\u0000" + key;
        Outcome[] out = new Outcome[1];
        entries.compute(k, (kk, existing) -> {
            if (existing == null || (!existing.inFlight() && clock.millis() >= existing.expiresAtMillis())) {
                out[0] = new Outcome(Kind.NEW, null);
                return new Entry(payload, null, 0);
            }
            if (!existing.payload().equals(payload)) {
                out[0] = new Outcome(Kind.DIFFERENT_PAYLOAD, null);
            } else if (existing.inFlight()) {
                out[0] = new Outcome(Kind.IN_FLIGHT, null);
            } else {
                out[0] = new Outcome(Kind.REPLAY, existing.response());
            }
            return existing;
        });
        return out[0];
    }

    /** Stores the final response for replays. */
    void complete(String grantId, String key, JsonNode payload, EmulatorResponse response) {
        entries.put(grantId + "\u0000" + key, new Entry(payload, response, clock.millis() + ttl.toMillis()));
    }

    /** Releases the key without caching (the request failed in a way a retry should redo). */
    void abandon(String grantId, String key) {
        entries.remove(grantId + "\u0000" + key);
    }
}

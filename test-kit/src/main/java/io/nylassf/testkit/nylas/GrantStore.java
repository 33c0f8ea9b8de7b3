package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Grants in creation order. A grant's JSON is replaced, never mutated, when its status changes. */
final class GrantStore {
    private final SortedIndex grants = new SortedIndex();
    private final Map<String, Long> positions = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Clock clock;

    GrantStore(Clock clock) {
        this.clock = clock;
    }

    ObjectNode create(String email, String provider) {
        long now = clock.millis() / 1000;
        ObjectNode g = NylasJson.object();
        String id = NylasJson.newUuid();
        g.put("id", id);
        g.put("provider", provider);
        g.put("grant_status", "valid");
        g.put("email", email);
        g.putArray("scope");
        g.put("created_at", now);
        g.put("updated_at", now);
        long position = sequence.incrementAndGet();
        positions.put(id, position);
        grants.put(id, position, g);
        return g;
    }

    ObjectNode get(String id) {
        return id == null ? null : grants.get(id);
    }

    List<ObjectNode> all() {
        return grants.all();
    }

    /** Sets {@code grant_status}; returns the new JSON, or null for an unknown grant. */
    synchronized ObjectNode setStatus(String id, String status) {
        ObjectNode old = grants.get(id);
        if (old == null) {
            return null;
        }
        ObjectNode g = old.deepCopy();
        g.put("grant_status", status);
        g.put("updated_at", clock.millis() / 1000);
        grants.put(id, positions.get(id), g);
        return g;
    }

    static boolean valid(ObjectNode grant) {
        return "valid".equals(grant.path("grant_status").asText());
    }
}

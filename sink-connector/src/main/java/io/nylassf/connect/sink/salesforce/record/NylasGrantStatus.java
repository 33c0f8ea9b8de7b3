package io.nylassf.connect.sink.salesforce.record;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A grant's state as the Nylas source reported it on {@code nylas.grants}: {@code valid}, {@code expired} (reads
 * paused until the rep reconnects), {@code forbidden} or {@code deleted}; its id is the grant's.
 */
public record NylasGrantStatus(String grantId, String status, String email, String reason, Instant observedAt)
        implements NylasRecord {
    public static final String EXPIRED = "expired";
    public static final String VALID = "valid";

    @Override
    public String id() {
        return grantId;
    }

    @Override
    public boolean deleted() {
        return false;
    }

    /** When the source saw the state: the later of two observations of one grant wins. */
    @Override
    public Instant modifiedAt() {
        return observedAt;
    }

    @Override
    public Map<String, String> attributes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("grant_id", grantId);
        m.put("status", status);
        m.put("email", email);
        m.put("reason", reason);
        return m;
    }
}

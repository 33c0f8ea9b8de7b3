package io.nylassf.connect.sink.nylas.grant;

import io.nylassf.connect.common.nylas.Grant;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.Owner;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds the grant that acts for a record's owner, from the owner alone: {@code grant.map} (by User ID, 15- or
 * 18-character, or by email), then (in {@code owner_email} mode) the application's grant whose email is the
 * owner User's email. Nothing else in a record chooses a grant. The grant list is cached and re-read on a miss at most once a minute. Thread-safe.
 */
public final class GrantResolver {
    private static final Duration REFRESH_AFTER_MISS = Duration.ofMinutes(1);

    private final Map<String, String> byKey = new HashMap<>();
    private final boolean byEmail;
    private final Supplier<List<Grant>> grants;
    private final Clock clock;
    private volatile Map<String, String> emailToGrant = Map.of();
    private volatile long loadedAtMs = -1;

    public GrantResolver(Map<String, String> staticMap, boolean byEmail, Supplier<List<Grant>> grants, Clock clock) {
        staticMap.forEach((k, v) -> byKey.put(normalize(k), v));
        this.byEmail = byEmail;
        this.grants = grants;
        this.clock = clock;
    }

    public Optional<String> resolve(Owner owner) {
        if (owner.userId() != null && byKey.containsKey(normalize(owner.userId()))) {
            return Optional.of(byKey.get(normalize(owner.userId())));
        }
        if (owner.email() == null) {
            return Optional.empty();
        }
        String email = owner.email().trim().toLowerCase(Locale.ROOT);
        if (byKey.containsKey(email)) {
            return Optional.of(byKey.get(email));
        }
        if (!byEmail) {
            return Optional.empty();
        }
        String g = emailToGrant.get(email);
        if (g == null) {
            // read the map again even when another thread did the reload: it may have ended since the first read
            reload();
            g = emailToGrant.get(email);
        }
        return Optional.ofNullable(g);
    }

    private synchronized void reload() {
        if (!stale()) {
            return;
        }
        Map<String, String> m = new HashMap<>();
        for (Grant grant : grants.get()) {
            String email = grant.json().path("email").asText(null);
            if (email != null) {
                m.put(email.toLowerCase(Locale.ROOT), grant.id());
            }
        }
        emailToGrant = m;
        loadedAtMs = clock.millis();
    }

    private boolean stale() {
        return loadedAtMs < 0 || clock.millis() - loadedAtMs > REFRESH_AFTER_MISS.toMillis();
    }

    private static String normalize(String key) {
        String k = key.trim();
        if (k.contains("@")) {
            return k.toLowerCase(Locale.ROOT);
        }
        return k.length() == 18 ? k.substring(0, 15) : k;
    }
}

package io.nylassf.testkit.salesforce;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Issued access tokens, each bound to a user and expiring after the configured lifetime. */
final class TokenStore {
    record Session(String token, String userId, Instant expiresAt) {}

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._";
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration lifetime;
    private final String orgId;

    TokenStore(Clock clock, Duration lifetime, String orgId) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.orgId = orgId;
    }

    /** A token shaped like Salesforce's: the 15-char org id, '!', and an opaque part. */
    Session issue(String userId) {
        StringBuilder sb = new StringBuilder(orgId.substring(0, 15)).append("!AQ");
        for (int i = 0; i < 96; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return register(sb.toString(), userId);
    }

    Session register(String token, String userId) {
        Session s = new Session(token, userId, clock.instant().plus(lifetime));
        sessions.put(token, s);
        return s;
    }

    /** The live session for a bearer token, or null when unknown or expired. */
    Session validate(String token) {
        Session s = token == null ? null : sessions.get(token);
        if (s == null) {
            return null;
        }
        if (!clock.instant().isBefore(s.expiresAt())) {
            sessions.remove(token);
            return null;
        }
        return s;
    }

    void expireAll() {
        sessions.clear();
    }
}

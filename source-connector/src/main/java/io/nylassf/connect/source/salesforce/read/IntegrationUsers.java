package io.nylassf.connect.source.salesforce.read;

import io.nylassf.connect.common.salesforce.Soql;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The users whose changes are this integration's own: configured IDs plus configured usernames, resolved once
 * with {@code SELECT Id FROM User WHERE Username IN (...)}. Compared on the 15-character prefix so 15- and
 * 18-character forms match.
 */
public final class IntegrationUsers {
    private final Set<String> ids15 = new HashSet<>();
    private final List<String> usernames;
    private boolean resolved;

    public IntegrationUsers(List<String> ids, List<String> usernames) {
        ids.forEach(i -> ids15.add(prefix(i)));
        this.usernames = List.copyOf(usernames);
        this.resolved = usernames.isEmpty();
    }

    public boolean resolved() {
        return resolved;
    }

    /** Resolves the usernames (once); an unknown username is an error, never silently ignored. */
    public void resolve(Function<String, List<Map<String, Object>>> query) {
        if (resolved) {
            return;
        }
        List<Map<String, Object>> rows = query.apply("SELECT Id, Username FROM User WHERE "
                + Soql.inClauses("Username", usernames, Soql.MAX_WHERE_CHARS).get(0));
        Set<String> found = new HashSet<>();
        for (Map<String, Object> r : rows) {
            ids15.add(prefix(String.valueOf(r.get("Id"))));
            found.add(String.valueOf(r.get("Username")).toLowerCase(Locale.ROOT));
        }
        for (String u : usernames) {
            if (!found.contains(u.toLowerCase(Locale.ROOT))) {
                throw new IllegalStateException("integration user '" + u + "' not found in Salesforce");
            }
        }
        resolved = true;
    }

    public boolean isIntegrationUser(String userId) {
        return userId != null && ids15.contains(prefix(userId));
    }

    public int size() {
        return ids15.size();
    }

    private static String prefix(String id) {
        return id.length() >= 15 ? id.substring(0, 15) : id;
    }
}

package io.nylassf.connect.plugin.bench;

import io.nylassf.testkit.salesforce.Change;
import io.nylassf.testkit.salesforce.SalesforceEmulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each Nylas id first became visible in one emulated org: the timestamp of the first committed write (the
 * org's change log, stamped by the emulator's clock when the write commits) to a row whose external-ID field
 * holds that id. Reads the change log incrementally; {@link #poll()} is cheap enough to call every 100 ms.
 */
final class VisibilityTracker {
    private final SalesforceEmulator sf;
    private final Map<String, Long> firstSeenMillis = new ConcurrentHashMap<>();
    private int nextChange;

    VisibilityTracker(SalesforceEmulator sf) {
        this.sf = sf;
        this.nextChange = sf.org().changes().size();
    }

    /** Reads the changes committed since the last poll. */
    synchronized void poll() {
        List<Change> changes = sf.org().changes();
        for (int i = nextChange; i < changes.size(); i++) {
            Change c = changes.get(i);
            RecordKind kind = kindOf(c.sobject());
            if (kind == null || "DELETE".equals(c.operation())) {
                continue;
            }
            Map<String, Object> row = sf.org().get(c.sobject(), c.id());
            Object ext = row == null ? null : row.get(kind.externalId);
            if (ext != null) {
                firstSeenMillis.putIfAbsent(ext.toString(), c.timestamp().toEpochMilli());
            }
        }
        nextChange = changes.size();
    }

    private static RecordKind kindOf(String sobject) {
        for (RecordKind k : RecordKind.values()) {
            if (k.objects.contains(sobject)) {
                return k;
            }
        }
        return null;
    }

    /** Epoch millis at which the id was first written, or null if it never was. */
    Long firstSeen(String nylasId) {
        return firstSeenMillis.get(nylasId);
    }

    /** How many of {@code prefix-0 .. prefix-(n-1)} are visible (after a poll). */
    int visible(String prefix, int n) {
        poll();
        int seen = 0;
        for (int i = 0; i < n; i++) {
            if (firstSeenMillis.containsKey(prefix + "-" + i)) {
                seen++;
            }
        }
        return seen;
    }

    /** The latest first-seen time among {@code prefix-0 .. prefix-(n-1)}, or -1 if none is visible. */
    long lastSeen(String prefix, int n) {
        long last = -1;
        for (int i = 0; i < n; i++) {
            Long t = firstSeenMillis.get(prefix + "-" + i);
            if (t != null && t > last) {
                last = t;
            }
        }
        return last;
    }
}

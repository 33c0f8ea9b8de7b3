package io.nylassf.connect.source.nylas.webhook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Remembers the most recent notification ids (a bounded LRU) with the outcome of their first delivery. A duplicate
 * delivery joins that outcome instead of writing again: 200 once the first one's records are acknowledged. A
 * delivery whose records could not be written is forgotten, so Nylas' retry is processed afresh.
 */
public final class NotificationDeduper {
    /** The outcome to wait for, and whether this caller owns it (must produce the records). */
    public record Claim(CompletableFuture<Void> outcome, boolean owner) {
    }

    private final Map<String, CompletableFuture<Void>> recent;

    public NotificationDeduper(int capacity) {
        this.recent = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Void>> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized Claim claim(String notificationId) {
        CompletableFuture<Void> existing = recent.get(notificationId);
        if (existing != null && !existing.isCompletedExceptionally()) {
            return new Claim(existing, false);
        }
        CompletableFuture<Void> mine = new CompletableFuture<>();
        recent.put(notificationId, mine);
        mine.whenComplete((ok, failure) -> {
            if (failure != null) {
                forget(notificationId, mine);
            }
        });
        return new Claim(mine, true);
    }

    private synchronized void forget(String id, CompletableFuture<Void> which) {
        recent.remove(id, which);
    }

    public synchronized int size() {
        return recent.size();
    }
}

package io.nylassf.connect.source.nylas.mail;

import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.connect.common.nylas.Folder;
import io.nylassf.connect.common.nylas.NylasClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells whether a message sits in a folder whose mail is not synced (spam, trash, drafts, configured folders). A
 * message names its folders by id, and only Google's system ids are readable, so each grant's folder list
 * ({@code GET /v3/grants/{id}/folders}) is read once, at its first message, and again only when a message names a
 * folder the list lacks (a new folder) and the list is older than the refresh interval. An idle grant costs
 * nothing. Thread-safe: windows and webhooks of many grants ask at once.
 */
public final class MessageFolders {
    private final NylasClient client;
    private final SkipFolders rule;
    private final Clock clock;
    private final Duration refresh;
    private final Map<String, Listing> byGrant = new ConcurrentHashMap<>();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong listCalls = new AtomicLong();

    private record Listing(Map<String, Folder> byId, Instant readAt) {
    }

    public MessageFolders(NylasClient client, SkipFolders rule, Clock clock, Duration refresh) {
        this.client = client;
        this.rule = rule;
        this.clock = clock;
        this.refresh = refresh;
    }

    /**
     * Whether to skip this message (counted when so). May read the grant's folder list; a failure to read it
     * throws the client's exception, so the caller retries rather than let spam through.
     */
    public boolean skip(String grantId, JsonNode message) {
        if (rule.isEmpty()) {
            return false;
        }
        List<String> ids = new ArrayList<>();
        message.path("folders").forEach(f -> ids.add(f.asText()));
        if (ids.isEmpty()) {
            return false;
        }
        boolean skip = ids.stream().anyMatch(rule::matchesId) || inSkippedFolder(grantId, ids);
        if (skip) {
            skipped.incrementAndGet();
        }
        return skip;
    }

    private boolean inSkippedFolder(String grantId, List<String> ids) {
        Listing listing = byGrant.get(grantId);
        boolean unknown = listing == null || !listing.byId().keySet().containsAll(ids);
        if (unknown && (listing == null || !clock.instant().isBefore(listing.readAt().plus(refresh)))) {
            listing = read(grantId);
        }
        for (String id : ids) {
            Folder f = listing.byId().get(id);
            if (f != null && rule.matches(f)) {
                return true;
            }
        }
        return false;
    }

    private Listing read(String grantId) {
        Map<String, Folder> byId = new HashMap<>();
        listCalls.incrementAndGet();
        client.listFolders(grantId).forEach(f -> byId.put(f.id(), f));
        Listing l = new Listing(Map.copyOf(byId), clock.instant());
        byGrant.put(grantId, l);
        return l;
    }

    /** Messages skipped so far for their folder. */
    public long skipped() {
        return skipped.get();
    }

    /** Folder lists read so far (each one call per page). */
    public long listReads() {
        return listCalls.get();
    }
}

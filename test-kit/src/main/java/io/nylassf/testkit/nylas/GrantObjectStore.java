package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * The base of a store that keeps one object family per grant in a {@link SortedIndex} (messages, contacts), with
 * the update and delete those stores do alike: an update changes a copy of the stored node under the index's
 * lock and re-sorts it, then fires {@code <object>.updated}; a delete fires {@code <object>.deleted} with the id
 * stub Nylas sends.
 */
abstract class GrantObjectStore {
    final Clock clock;
    final WebhookDispatcher hooks;
    private final Map<String, SortedIndex> byGrant = new ConcurrentHashMap<>();
    private final String object;

    GrantObjectStore(String object, Clock clock, WebhookDispatcher hooks) {
        this.object = object;
        this.clock = clock;
        this.hooks = hooks;
    }

    SortedIndex index(String grantId) {
        return byGrant.computeIfAbsent(grantId, g -> new SortedIndex());
    }

    ObjectNode get(String grantId, String id) {
        return index(grantId).get(id);
    }

    /** Applies {@code change} to a copy, stores it at {@code sortValue} and fires the update; null if absent. */
    ObjectNode replace(ObjectNode grant, String id, Consumer<ObjectNode> change, ToLongFunction<ObjectNode> sortValue) {
        SortedIndex index = index(grant.get("id").asText());
        ObjectNode updated;
        synchronized (index) {
            ObjectNode old = index.get(id);
            if (old == null) {
                return null;
            }
            updated = old.deepCopy();
            change.accept(updated);
            index.put(id, sortValue.applyAsLong(updated), updated);
        }
        hooks.publish(object + ".updated", grant.path("provider").asText(), updated);
        return updated;
    }

    /** Removes the object and fires the delete; the removed node, or null if absent. */
    ObjectNode delete(ObjectNode grant, String id) {
        String grantId = grant.get("id").asText();
        ObjectNode old = index(grantId).remove(id);
        if (old != null) {
            ObjectNode o = NylasJson.object();
            o.put("id", id);
            o.put("grant_id", grantId);
            o.put("object", object);
            hooks.publish(object + ".deleted", grant.path("provider").asText(), o);
        }
        return old;
    }
}

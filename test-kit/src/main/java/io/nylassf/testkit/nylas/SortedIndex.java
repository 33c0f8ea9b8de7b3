package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;

/**
 * One collection (a grant's messages, a calendar's events, ...) kept sorted, so a page is a walk from the cursor
 * instead of a sort of the whole mailbox. Stored nodes are never mutated after insertion (updates replace them),
 * so readers need no lock; writers serialise on the index to keep the two maps in step.
 */
final class SortedIndex {
    private record Entry(SortKey key, ObjectNode node) {
    }

    /** One page: the objects and the key to continue after, or null on the last page. */
    record Page(List<ObjectNode> items, SortKey next) {
    }

    private final Map<String, Entry> byId = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<SortKey, ObjectNode> sorted = new ConcurrentSkipListMap<>();

    synchronized ObjectNode put(String id, long sort, ObjectNode node) {
        SortKey key = new SortKey(sort, id);
        Entry old = byId.put(id, new Entry(key, node));
        if (old != null && !old.key().equals(key)) {
            sorted.remove(old.key());
        }
        sorted.put(key, node);
        return old == null ? null : old.node();
    }

    synchronized ObjectNode remove(String id) {
        Entry old = byId.remove(id);
        if (old == null) {
            return null;
        }
        sorted.remove(old.key());
        return old.node();
    }

    ObjectNode get(String id) {
        Entry e = byId.get(id);
        return e == null ? null : e.node();
    }

    int size() {
        return byId.size();
    }

    /** Every object in order. */
    List<ObjectNode> all() {
        return new ArrayList<>(sorted.values());
    }

    Collection<ObjectNode> unordered() {
        return byId.values().stream().map(Entry::node).toList();
    }

    /**
     * Up to {@code limit} matching objects after {@code after} (exclusive). Looks one match further so the last
     * page carries no cursor.
     */
    Page page(SortKey after, Predicate<ObjectNode> filter, int limit) {
        return page(after, Long.MIN_VALUE, Long.MAX_VALUE, filter, limit);
    }

    /**
     * As {@link #page(SortKey, Predicate, int)} but only over sort values in {@code [fromSort, toSort)}, so a
     * time-window query walks the window rather than the whole collection.
     */
    Page page(SortKey after, long fromSort, long toSort, Predicate<ObjectNode> filter, int limit) {
        SortKey start = new SortKey(fromSort, "");
        NavigableMap<SortKey, ObjectNode> tail = after != null && after.compareTo(start) >= 0
                ? sorted.tailMap(after, false) : sorted.tailMap(start, true);
        List<ObjectNode> items = new ArrayList<>(Math.min(limit, 256));
        SortKey lastKey = null;
        for (Map.Entry<SortKey, ObjectNode> e : tail.entrySet()) {
            if (e.getKey().sort() >= toSort) {
                break;
            }
            if (!filter.test(e.getValue())) {
                continue;
            }
            if (items.size() == limit) {
                return new Page(items, lastKey);
            }
            items.add(e.getValue());
            lastKey = e.getKey();
        }
        return new Page(items, null);
    }
}

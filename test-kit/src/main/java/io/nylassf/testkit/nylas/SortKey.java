package io.nylassf.testkit.nylas;

import java.util.Comparator;

/** Position of an object in a list: a numeric sort value then the id, so every key is unique and totally ordered. */
record SortKey(long sort, String id) implements Comparable<SortKey> {
    private static final Comparator<SortKey> ORDER =
            Comparator.comparingLong(SortKey::sort).thenComparing(SortKey::id);

    @Override
    public int compareTo(SortKey o) {
        return ORDER.compare(this, o);
    }
}

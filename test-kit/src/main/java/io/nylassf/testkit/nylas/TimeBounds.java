package io.nylassf.testkit.nylas;

/**
 * How the {@code received_after/received_before} and {@code updated_after/updated_before} filters treat an object
 * stamped exactly on a bound. Nylas does not document it, so a client must work under either reading. STRICT (the
 * default: the reading that loses boundary objects from a naive client) excludes both bounds; INCLUSIVE includes
 * both (the reading that duplicates them).
 */
public enum TimeBounds {
    STRICT,
    INCLUSIVE;

    /** The lowest time a {@code *_after=t} filter returns. */
    long lowest(long after) {
        return this == STRICT ? after + 1 : after;
    }

    /** The highest time a {@code *_before=t} filter returns. */
    long highest(long before) {
        return this == STRICT ? before - 1 : before;
    }

    /** @throws IllegalArgumentException naming the two accepted values (the admin API answers it as 400) */
    public static TimeBounds parse(String s) {
        for (TimeBounds b : values()) {
            if (b.name().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return b;
            }
        }
        throw new IllegalArgumentException("bounds must be \"strict\" or \"inclusive\", got \"" + s + "\"");
    }
}

package io.nylassf.connect.source.nylas.read;

/** How long a caught-up stream waits before its next windowed read, and what it learns from activity. */
public interface ReadPace {
    /** The wait before the next read of {@code grantId}'s stream, decided when its read has caught up. */
    long waitMs(String grantId, long nowMs);

    /**
     * The wait after a read that caught up from a backlog (a backfill, a restart): the seconds the lag left
     * unread were never announced to this connector, so they are read after the short wait, whatever the pace.
     */
    default long catchUpWaitMs(String grantId, long nowMs) {
        return waitMs(grantId, nowMs);
    }

    /** The grant changed (a read or a notification found something): it is not idle. */
    default void activity(String grantId, long nowMs) {
    }

    /** The same wait for every stream, always (tests, and streams with no backstop). */
    static ReadPace fixed(long ms) {
        return (grant, now) -> ms;
    }
}

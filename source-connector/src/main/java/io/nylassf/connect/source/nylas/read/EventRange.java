package io.nylassf.connect.source.nylas.read;

import io.nylassf.connect.common.nylas.ListQuery;

import java.time.Clock;

/**
 * The event-time range every event list call passes. Nylas' {@code GET /events} always filters by event time: without
 * {@code start}/{@code end} it lists only events overlapping [now, now + one month], so a read by {@code updated_at}
 * alone would miss past meetings and those further ahead. The range is taken around now at each call.
 *
 * @param pastSeconds   how far before now {@code start} lies
 * @param futureSeconds how far after now {@code end} lies
 */
public record EventRange(long pastSeconds, long futureSeconds, Clock clock) {
    /** The defaults of {@code events.range.past.days} and {@code events.range.future.days}. */
    public static final int DEFAULT_DAYS = 365;
    private static final long DAY_SECONDS = 86_400L;

    public EventRange {
        if (pastSeconds < 0 || futureSeconds < 0) {
            throw new IllegalArgumentException("an event range reaches a non-negative time either way");
        }
    }

    public static EventRange days(int pastDays, int futureDays, Clock clock) {
        return new EventRange(pastDays * DAY_SECONDS, futureDays * DAY_SECONDS, clock);
    }

    /** The default range on the system clock. */
    public static EventRange defaults() {
        return days(DEFAULT_DAYS, DEFAULT_DAYS, Clock.systemUTC());
    }

    /** {@code q} with {@code start = now - past} and {@code end = now + future} (seconds). */
    public ListQuery applyTo(ListQuery q) {
        long now = clock.millis() / 1000;
        return q.with("start", now - pastSeconds).with("end", now + futureSeconds);
    }
}

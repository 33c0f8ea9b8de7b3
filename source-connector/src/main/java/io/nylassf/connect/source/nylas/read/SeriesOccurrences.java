package io.nylassf.connect.source.nylas.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.connect.common.nylas.Event;
import io.nylassf.connect.common.nylas.ListQuery;
import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.common.nylas.Page;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The occurrences of one recurring series within the horizon around now: {@code GET events?master_event_id=&
 * expand_recurring=true&start=&end=&show_cancelled=true}, every page. Read only for a master a window found, so a
 * calendar without recurring events costs no call; cancelled occurrences come too, so they can be removed.
 */
public final class SeriesOccurrences {
    private final NylasClient client;
    private final String grantId;
    private final String calendarId;
    private final long horizonSeconds;
    private final int pageSize;
    private final Clock clock;

    public SeriesOccurrences(NylasClient client, String grantId, String calendarId, int horizonDays, int pageSize,
                             Clock clock) {
        this.client = client;
        this.grantId = grantId;
        this.calendarId = calendarId;
        this.horizonSeconds = horizonDays * 86_400L;
        this.pageSize = pageSize;
        this.clock = clock;
    }

    /** Whether occurrences are read at all (a horizon of 0 reads none). */
    public boolean enabled() {
        return horizonSeconds > 0;
    }

    /** A series master: an event with a recurrence rule (Nylas puts {@code recurrence} on masters only). */
    public static boolean isMaster(JsonNode e) {
        JsonNode r = e.get("recurrence");
        return r != null && r.isArray() && !r.isEmpty() && !e.hasNonNull("master_event_id");
    }

    public List<Event> of(String masterId) {
        long now = clock.millis() / 1000;
        List<Event> out = new ArrayList<>();
        String token = null;
        do {
            Page<Event> page = client.listEvents(grantId, calendarId, ListQuery.limit(pageSize)
                    .with("master_event_id", masterId).with("expand_recurring", true).with("show_cancelled", true)
                    .with("start", now - horizonSeconds).with("end", now + horizonSeconds).pageToken(token));
            out.addAll(page.data());
            token = page.isLast() ? null : page.nextCursor();
        } while (token != null);
        return out;
    }
}

package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.testkit.http.EmulatorResponse;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@code /v3/grants/{grantId}/events} and {@code /calendars}. Range filter: an event is returned when its
 * {@code [start, end)} overlaps {@code [start, end)} of the query (a point-in-time event when it lies inside). The
 * range always applies, as documented: {@code start} defaults to now and {@code end} to a month later (the
 * emulator's clock), so a list without them sees only the next month; an iCloud grant's range may not span more
 * than a year (400). A {@code metadata_pair} search is a metadata query, which the docs say takes no provider filter
 * but {@code calendar_id}: it gets no default range (an explicit one still filters).
 * Whether {@code updated_after} and {@code updated_before} include their bound is the {@link TimeBounds} switch
 * (undocumented by Nylas; strict by default); both are ignored alongside
 * {@code metadata_pair}, as documented.
 *
 * <p>Recurring events: a master (an event with {@code recurrence}) is stored once; {@code expand_recurring}
 * (documented default {@code true}) lists its occurrences over {@code [start, end)} instead of it (defaults: now and
 * a month later, as documented), each {@code <master>_<original start>} with {@code master_event_id};
 * {@code expand_recurring=false} lists the master and its overrides. {@code master_event_id} filters to one series.
 * An occurrence can be read, updated (it becomes a stored override, announced by {@code event.updated}) and
 * deleted (it stays readable as {@code cancelled}, the Google behaviour Nylas documents, and the master's
 * {@code event.updated} announces it: Nylas notifies about primary events). {@code start} after {@code end} is 400.
 */
final class EventRoutes implements ObjectCollectionRoutes {
    /** 9999-12-31T23:59:59Z: where an open range stops generating occurrences. */
    private static final long LAST_SECOND = 253_402_300_799L;
    private final EventStore store;

    private final MetadataIndex index;
    private final Supplier<TimeBounds> bounds;

    EventRoutes(EventStore store, MetadataIndex index, Supplier<TimeBounds> bounds) {
        this.bounds = bounds;
        this.store = store;
        this.index = index;
    }

    void register(NylasRouter router, RateLimiter limiter) {
        registerCollection(router, "/v3/grants/{grantId}/events", limiter, "calendar");
        router.grant("GET", "/v3/grants/{grantId}/calendars", limiter, "calendar", this::calendars);
        router.grant("GET", "/v3/grants/{grantId}/calendars/{id}", limiter, "calendar", this::calendar);
    }

    private String calendarId(NylasCall call) {
        String given = call.param("calendar_id");
        if (given == null) {
            throw NylasErrors.badRequest(call.requestId(), "calendar_id is required.");
        }
        String id = store.resolve(call.grantId(), given);
        if (id == null) {
            throw NylasErrors.notFound(call.requestId(), "Calendar " + given + " not found.");
        }
        return id;
    }

    @Override
    public EmulatorResponse list(NylasCall call) {
        String calendarId = calendarId(call);
        int limit = call.limit(50, 200);
        Long start = call.longParam("start");
        Long end = call.longParam("end");
        MetadataPair pair = MetadataPair.parse(call.param("metadata_pair"), call.requestId());
        Long updatedAfter = pair == null ? call.longParam("updated_after") : null;
        Long updatedBefore = pair == null ? call.longParam("updated_before") : null;
        Boolean showCancelled = call.boolParam("show_cancelled");
        String icalUid = call.param("ical_uid");
        Boolean expandParam = call.boolParam("expand_recurring");
        boolean expand = expandParam == null || expandParam; // documented default: true
        String masterEventId = call.param("master_event_id");
        if (pair == null) { // documented defaults: start = now, end = a month later
            long now = store.nowSeconds();
            start = start != null ? start : now;
            end = end != null ? end : ZonedDateTime.ofInstant(Instant.ofEpochSecond(now), ZoneOffset.UTC)
                    .plusMonths(1).toEpochSecond();
        }
        if (start != null && end != null && start > end) {
            throw NylasErrors.badRequest(call.requestId(), "The start value cannot be later than end.");
        }
        if (start != null && end != null && "icloud".equals(call.provider())
                && end > ZonedDateTime.ofInstant(Instant.ofEpochSecond(start), ZoneOffset.UTC).plusYears(1)
                .toEpochSecond()) {
            throw NylasErrors.badRequest(call.requestId(),
                    "For iCloud accounts, the difference between start and end can't be greater than one year.");
        }
        final Long rangeStart = start;
        final Long rangeEnd = end;

        List<Predicate<ObjectNode>> ps = new ArrayList<>();
        if (showCancelled == null || !showCancelled) {
            ps.add(e -> !"cancelled".equals(e.path("status").asText()));
        }
        if (masterEventId != null) {
            ps.add(e -> masterEventId.equals(e.path("master_event_id").asText(null)));
        }
        if (rangeStart != null || rangeEnd != null) {
            ps.add(e -> {
                if (SeriesExpander.isMaster(e)) { // unexpanded: a series is in the range when an occurrence is
                    return !SeriesExpander.occurrences(e, rangeStart == null ? Long.MIN_VALUE : rangeStart,
                            Math.min(rangeEnd == null ? Long.MAX_VALUE : rangeEnd, LAST_SECOND)).isEmpty();
                }
                long s = WhenValidator.start(e.get("when"));
                long en = WhenValidator.end(e.get("when"));
                boolean beforeEnd = rangeEnd == null || s < rangeEnd;
                boolean afterStart = rangeStart == null || en > rangeStart || (s == en && s >= rangeStart);
                return beforeEnd && afterStart;
            });
        }
        TimeBounds b = bounds.get();
        if (updatedAfter != null) {
            ps.add(e -> e.path("updated_at").asLong() >= b.lowest(updatedAfter));
        }
        if (updatedBefore != null) {
            ps.add(e -> e.path("updated_at").asLong() <= b.highest(updatedBefore));
        }
        if (pair != null) {
            ps.add(pair.and(index::indexed));
        }
        if (icalUid != null) {
            ps.add(e -> icalUid.equals(e.path("ical_uid").asText()));
        }
        Predicate<ObjectNode> filter = ps.stream().reduce(e -> true, Predicate::and);
        SortedIndex events = store.index(call.grantId(), calendarId);
        if (expand) {
            // occurrences are generated over the query's range (the documented defaults when absent; a metadata
            // search, which has none, the same)
            long now = store.nowSeconds();
            long from = rangeStart != null ? rangeStart : now;
            long to = rangeEnd != null ? rangeEnd : ZonedDateTime.ofInstant(Instant.ofEpochSecond(now),
                    ZoneOffset.UTC).plusMonths(1).toEpochSecond();
            SortedIndex expanded = EventStore.expanded(events, from, Math.min(to, LAST_SECOND));
            events = expanded == null ? events : expanded;
        }
        // events are sorted by start, so nothing starting at or after `end` can match
        SortedIndex.Page page = events
                .page(call.pageToken(), Long.MIN_VALUE, rangeEnd == null ? Long.MAX_VALUE : rangeEnd, filter, limit);
        ArrayNode data = NylasJson.array();
        page.items().forEach(data::add);
        return NylasJson.list(call.requestId(), data, page.next() == null ? null : Cursor.encode(page.next()));
    }

    @Override
    public EmulatorResponse create(NylasCall call) {
        String calendarId = calendarId(call);
        return NylasJson.single(call.requestId(), store.create(call.grant(), calendarId, call.json(), call.requestId()));
    }

    @Override
    public EmulatorResponse get(NylasCall call) {
        SortedIndex index = store.index(call.grantId(), calendarId(call));
        ObjectNode e = index.get(call.pathParam("id"));
        if (e == null) {
            e = EventStore.occurrence(index, call.pathParam("id"));
        }
        if (e == null) {
            throw notFound(call);
        }
        return NylasJson.single(call.requestId(), e);
    }

    @Override
    public EmulatorResponse update(NylasCall call) {
        String calendarId = calendarId(call);
        ObjectNode e = store.update(call.grant(), calendarId, call.pathParam("id"), call.json(), call.requestId());
        if (e == null) {
            throw notFound(call);
        }
        return NylasJson.single(call.requestId(), e);
    }

    @Override
    public EmulatorResponse delete(NylasCall call) {
        if (store.delete(call.grant(), calendarId(call), call.pathParam("id")) == null) {
            throw notFound(call);
        }
        return NylasJson.deleted(call.requestId());
    }

    private EmulatorResponse calendars(NylasCall call) {
        ArrayNode data = NylasJson.array();
        store.calendars(call.grantId()).forEach(data::add);
        return NylasJson.list(call.requestId(), data, null);
    }

    private EmulatorResponse calendar(NylasCall call) {
        ObjectNode c = store.calendar(call.grantId(), call.pathParam("id"));
        if (c == null) {
            throw NylasErrors.notFound(call.requestId(), "Calendar " + call.pathParam("id") + " not found.");
        }
        return NylasJson.single(call.requestId(), c);
    }

    private static RuntimeException notFound(NylasCall call) {
        return NylasErrors.notFound(call.requestId(), "Event " + call.pathParam("id") + " not found.");
    }
}

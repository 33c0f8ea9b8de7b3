package io.nylassf.testkit.nylas;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The documented range of {@code GET /events}: {@code start} defaults to now, {@code end} to a month later, an event
 * matches when any part of it lies in the range, {@code start > end} is 400, and an iCloud range spans a year at most.
 */
class EventRangeTest {
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    static final long NOW = Instant.parse("2026-03-01T12:00:00Z").getEpochSecond();
    static final long DAY = 86_400L;

    @RegisterExtension
    static NylasEmulatorExtension nylas = new NylasEmulatorExtension(b -> b.clock(CLOCK));

    private static String seed(NylasEmulator e, String provider) {
        String g = e.createGrant(provider + "-range-" + System.nanoTime() + "@acme.test", provider);
        add(e, g, "two months ago", NOW - 60 * DAY, NOW - 60 * DAY + 3600, null);
        add(e, g, "under way", NOW - 3600, NOW + 3600, null);
        add(e, g, "tomorrow", NOW + DAY, NOW + DAY + 3600, null);
        add(e, g, "in five weeks", NOW + 35 * DAY, NOW + 35 * DAY + 3600, null);
        add(e, g, "in three months", NOW + 90 * DAY, NOW + 90 * DAY + 3600, "sf:far");
        return g;
    }

    private static void add(NylasEmulator e, String g, String title, long start, long end, String tag) {
        Map<String, Object> when = Map.of("start_time", start, "end_time", end);
        e.addEvent(g, "primary", tag == null ? Map.of("title", title, "when", when)
                : Map.of("title", title, "when", when, "metadata", Map.of("key1", tag)));
    }

    private static String list(String g) {
        return "/v3/grants/" + g + "/events?calendar_id=primary";
    }

    @Test
    void withoutStartAndEndOnlyTheNextMonthIsListed() {
        NylasEmulator e = nylas.emulator();
        String g = seed(e, "google");
        Api api = new Api(e);
        assertEquals(List.of("under way", "tomorrow"), titles(api.get(list(g))),
                "start defaults to now (an event under way overlaps it), end to a month later");
        assertEquals(List.of("under way", "tomorrow"), titles(api.get(list(g) + "&expand_recurring=false")));
        assertEquals(List.of("under way", "tomorrow"), titles(api.get(list(g) + "&updated_after=" + (NOW - 10))),
                "an updated_after window is still cut to the default range");
        assertEquals(List.of("under way", "tomorrow", "in five weeks"),
                titles(api.get(list(g) + "&end=" + (NOW + 40 * DAY))), "start alone defaults");
        assertEquals(List.of("two months ago", "under way", "tomorrow"),
                titles(api.get(list(g) + "&start=" + (NOW - 61 * DAY))), "end alone defaults to now + a month");
        assertEquals(List.of("two months ago", "under way", "tomorrow", "in five weeks", "in three months"),
                titles(api.get(list(g) + "&start=" + (NOW - 365 * DAY) + "&end=" + (NOW + 365 * DAY))));
    }

    @Test
    void anEventMatchesWhenAnyPartOfItIsInTheRange() {
        NylasEmulator e = nylas.emulator();
        String g = seed(e, "google");
        Api api = new Api(e);
        assertEquals(List.of("under way"), titles(api.get(list(g) + "&start=" + (NOW + 3599) + "&end=" + (NOW + 3600))));
        assertEquals(List.of(), titles(api.get(list(g) + "&start=" + (NOW + 3600) + "&end=" + (NOW + 3601))),
                "an event ending at start is not in the range");
    }

    @Test
    void startAfterEndIsRefused() {
        NylasEmulator e = nylas.emulator();
        String g = seed(e, "google");
        Api api = new Api(e);
        Api.Resp r = api.get(list(g) + "&start=" + (NOW + 10) + "&end=" + NOW);
        assertEquals(400, r.status());
        assertEquals("invalid_request_error", r.errorType());
        Api.Resp defaultEnd = api.get(list(g) + "&start=" + (NOW + 40 * DAY));
        assertEquals(400, defaultEnd.status(), "a start later than the default end is refused too");
        Api.Resp defaultStart = api.get(list(g) + "&end=" + (NOW - DAY));
        assertEquals(400, defaultStart.status(), "an end before the default start (now) is refused too");
    }

    @Test
    void anICloudRangeSpansAYearAtMost() {
        NylasEmulator e = nylas.emulator();
        String g = seed(e, "icloud");
        Api api = new Api(e);
        Api.Resp tooWide = api.get(list(g) + "&start=" + (NOW - 365 * DAY) + "&end=" + (NOW + 365 * DAY));
        assertEquals(400, tooWide.status());
        assertEquals("invalid_request_error", tooWide.errorType());
        assertEquals(List.of("two months ago", "under way", "tomorrow", "in five weeks", "in three months"),
                titles(api.get(list(g) + "&start=" + (NOW - 180 * DAY) + "&end=" + (NOW + 180 * DAY))));
        String google = seed(e, "google");
        assertEquals(200, api.get(list(google) + "&start=" + (NOW - 365 * DAY) + "&end=" + (NOW + 365 * DAY)).status());
    }

    @Test
    void aMetadataSearchGetsNoDefaultRange() {
        NylasEmulator e = nylas.emulator();
        String g = seed(e, "google");
        Api api = new Api(e);
        assertEquals(List.of("in three months"), titles(api.get(list(g) + "&metadata_pair=key1:sf:far")));
    }

    private static List<String> titles(Api.Resp r) {
        assertEquals(200, r.status(), r.body());
        List<String> out = new ArrayList<>();
        r.data().forEach(e -> out.add(e.path("title").asText()));
        return out;
    }
}

package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecurringEventsTest {
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-02-01T10:00:00Z"));
    /** Monday 2 February 2026, 09:00 in New York (14:00 UTC). */
    static final long MON = Instant.parse("2026-02-02T14:00:00Z").getEpochSecond();
    static final long WEEK = 7 * 86_400;

    @RegisterExtension
    static NylasEmulatorExtension nylas = new NylasEmulatorExtension(b -> b.clock(CLOCK));

    private static String events(String g) {
        return "/v3/grants/" + g + "/events";
    }

    private static Map<String, Object> weekly(String title, String... rule) {
        return Map.of("title", title, "recurrence", List.of(rule), "when", Map.of("start_time", MON,
                "end_time", MON + 1800, "start_timezone", "America/New_York", "end_timezone", "America/New_York"));
    }

    private static List<String> ids(JsonNode data) {
        List<String> out = new ArrayList<>();
        data.forEach(e -> out.add(e.path("id").asText()));
        return out;
    }

    @Test
    void expandRecurringListsEachOccurrenceWithinTheRangeAndTheMasterWithout() {
        String g = nylas.emulator().createGrant("series@acme.test", "google");
        Api api = new Api(nylas.emulator());
        String master = api.post(events(g) + "?calendar_id=primary",
                weekly("1:1", "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=10", "EXDATE:20260216T140000Z")).data()
                .path("id").asText();
        String range = "&start=" + MON + "&end=" + (MON + 5 * WEEK - 7200);
        JsonNode occ = api.get(events(g) + "?calendar_id=primary&expand_recurring=true" + range).data();
        // 2, 9, (16 excluded), 23 Feb, 2 Mar: four in five weeks
        assertEquals(List.of(master + "_20260202T140000Z", master + "_20260209T140000Z",
                master + "_20260223T140000Z", master + "_20260302T140000Z"), ids(occ));
        for (JsonNode o : occ) {
            assertEquals(master, o.path("master_event_id").asText());
            assertFalse(o.has("recurrence"), "recurrence is on the master only");
            assertEquals("1:1", o.path("title").asText());
            assertEquals(o.path("when").path("start_time").asLong(), o.path("original_start_time").asLong());
            assertEquals(1800, o.path("when").path("end_time").asLong() - o.path("when").path("start_time").asLong());
        }
        // after the DST change (8 March) 9:00 New York is 13:00 UTC
        JsonNode march = api.get(events(g) + "?calendar_id=primary&start=" + (MON + 5 * WEEK - 7200)
                + "&end=" + (MON + 6 * WEEK - 7200)).data();
        assertEquals(List.of(master + "_20260309T130000Z"), ids(march), "expand_recurring defaults to true");

        JsonNode unexpanded = api.get(events(g) + "?calendar_id=primary&expand_recurring=false" + range).data();
        assertEquals(List.of(master), ids(unexpanded));
        assertEquals(List.of("RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=10", "EXDATE:20260216T140000Z"),
                List.of(unexpanded.get(0).path("recurrence").get(0).asText(),
                        unexpanded.get(0).path("recurrence").get(1).asText()));
        // COUNT counts from the first occurrence: ten, one excluded
        assertEquals(9, api.get(events(g) + "?calendar_id=primary&start=" + MON + "&end=" + (MON + 52 * WEEK)
                + "&limit=200").data().size());
    }

    @Test
    void oneOccurrenceCanBeEditedAndCancelledAndTheSeriesRetitled() {
        String g = nylas.emulator().createGrant("edit@acme.test", "google");
        Api api = new Api(nylas.emulator());
        String p = events(g) + "?calendar_id=primary";
        String master = api.post(p, weekly("Standup", "RRULE:FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20260213T000000Z"))
                .data().path("id").asText();
        String range = "&start=" + MON + "&end=" + (MON + 3 * WEEK) + "&master_event_id=" + master;
        List<String> all = ids(api.get(p + range).data());
        assertEquals(4, all.size(), "Mon 2, Wed 4, Mon 9, Wed 11 Feb: " + all);

        String moved = all.get(1);
        Api.Resp edited = api.put(events(g) + "/" + moved + "?calendar_id=primary", Map.of("title", "Standup (moved)"));
        assertEquals(200, edited.status(), edited.body());
        assertEquals(master, edited.data().path("master_event_id").asText());

        String cancelled = all.get(2);
        assertEquals(200, api.delete(events(g) + "/" + cancelled + "?calendar_id=primary").status());
        List<String> left = ids(api.get(p + range).data());
        assertEquals(List.of(all.get(0), moved, all.get(3)), left, "a cancelled occurrence is hidden by default");
        JsonNode withCancelled = api.get(p + range + "&show_cancelled=true").data();
        assertEquals(4, withCancelled.size());
        assertEquals("cancelled", withCancelled.get(2).path("status").asText());
        assertEquals("Standup (moved)", api.get(events(g) + "/" + moved + "?calendar_id=primary").data()
                .path("title").asText());

        CLOCK.advance(java.time.Duration.ofSeconds(60));
        api.put(events(g) + "/" + master + "?calendar_id=primary", Map.of("title", "Daily sync"));
        JsonNode after = api.get(p + range).data();
        assertEquals("Daily sync", after.get(0).path("title").asText());
        assertEquals("Standup (moved)", after.get(1).path("title").asText(), "an override keeps its own change");
        assertEquals(CLOCK.millis() / 1000, after.get(0).path("updated_at").asLong(),
                "a generated occurrence changes when its series does");
        assertEquals(404, api.get(events(g) + "/" + master + "_20260210T140000Z?calendar_id=primary").status(),
                "no occurrence on a Tuesday");
    }

    @Test
    void refusesWhatNylasRefuses() {
        String g = nylas.emulator().createGrant("bad@acme.test", "google");
        Api api = new Api(nylas.emulator());
        String p = events(g) + "?calendar_id=primary";
        for (String rule : List.of("RDATE:20260210T140000Z", "EXRULE:FREQ=DAILY", "RRULE:INTERVAL=2",
                "RRULE:FREQ=WEEKLY;COUNT=2;UNTIL=20260301T000000Z", "RRULE:FREQ=WEEKLY;BYDAY=XX")) {
            Api.Resp r = api.post(p, weekly("x", rule));
            assertEquals(400, r.status(), rule + ": " + r.body());
            assertEquals("invalid_request_error", r.errorType());
        }
        Api.Resp reversed = api.get(p + "&start=" + (MON + 10) + "&end=" + MON);
        assertEquals(400, reversed.status());
        assertTrue(reversed.body().contains("start"));
    }
}

package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventsTest {
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-02-01T10:00:00Z"));
    static final long T = 1_770_000_000L;

    @RegisterExtension
    static NylasEmulatorExtension nylas = new NylasEmulatorExtension(b -> b.clock(CLOCK));

    private static String events(String g) {
        return "/v3/grants/" + g + "/events";
    }

    @Test
    void calendarIdIsRequiredAndPrimaryResolves() {
        String g = nylas.emulator().createGrant("cal@acme.test", "google");
        Api api = new Api(nylas.emulator());
        Api.Resp missing = api.get(events(g));
        assertEquals(400, missing.status());
        assertEquals("invalid_request_error", missing.errorType());
        assertEquals(404, api.get(events(g) + "?calendar_id=nope").status());
        Api.Resp created = api.post(events(g) + "?calendar_id=primary", Map.of("title", "t", "when", Map.of("time", T)));
        assertEquals(200, created.status(), created.body());
        assertEquals(nylas.emulator().primaryCalendarId(g), created.data().path("calendar_id").asText());
        assertEquals(1, api.get(events(g) + "?calendar_id=" + nylas.emulator().primaryCalendarId(g)).data().size());
        JsonNode cals = api.get("/v3/grants/" + g + "/calendars").data();
        assertTrue(cals.get(0).path("is_primary").asBoolean());
    }

    @Test
    void allFourWhenVariantsAreValidatedAndInferred() {
        String g = nylas.emulator().createGrant("when@acme.test", "google");
        Api api = new Api(nylas.emulator());
        String p = events(g) + "?calendar_id=primary";
        Map<String, Map<String, Object>> ok = Map.of(
                "time", Map.of("time", T, "timezone", "America/New_York"),
                "timespan", Map.of("start_time", T, "end_time", T + 3600, "start_timezone", "Europe/Paris"),
                "date", Map.of("date", "2026-03-01"),
                "datespan", Map.of("start_date", "2026-03-01", "end_date", "2026-03-03"));
        for (Map.Entry<String, Map<String, Object>> e : ok.entrySet()) {
            Api.Resp r = api.post(p, Map.of("when", e.getValue()));
            assertEquals(200, r.status(), r.body());
            assertEquals(e.getKey(), r.data().path("when").path("object").asText(), "inferred");
            JsonNode ev = r.data();
            for (String f : List.of("id", "grant_id", "calendar_id", "title", "status", "busy", "organizer",
                    "participants", "metadata", "ical_uid", "created_at", "updated_at", "when")) {
                assertTrue(ev.has(f), "event has " + f);
            }
            assertEquals("event", ev.path("object").asText());
        }
        Api.Resp explicit = api.post(p, Map.of("when", Map.of("object", "timespan", "start_time", T, "end_time", T + 60)));
        assertEquals(200, explicit.status());

        List<Map<String, Object>> bad = List.of(
                Map.of("title", "no when"),
                Map.of("when", Map.of("object", "timespan", "start_time", T)),
                Map.of("when", Map.of("object", "date")),
                Map.of("when", Map.of("date", "03/01/2026")),
                Map.of("when", Map.of("start_time", T + 60, "end_time", T)),
                Map.of("when", Map.of("start_date", "2026-03-05", "end_date", "2026-03-01")),
                // the end date is exclusive: a span must cover at least one day
                Map.of("when", Map.of("start_date", "2026-03-05", "end_date", "2026-03-05")),
                Map.of("when", Map.of("time", T, "timezone", "Mars/Olympus")),
                Map.of("when", Map.of("object", "week")));
        for (Map<String, Object> b : bad) {
            Api.Resp r = api.post(p, b);
            assertEquals(400, r.status(), "rejects " + b + ": " + r.body());
            assertEquals("invalid_request_error", r.errorType());
        }
    }

    @Test
    void crudUpdateReplacesNestedObjectsAndKeepsTheRest() {
        String g = nylas.emulator().createGrant("crud@acme.test", "google");
        Api api = new Api(nylas.emulator());
        String p = events(g);
        JsonNode ev = api.post(p + "?calendar_id=primary", Map.of("title", "Kickoff", "location", "Room 1",
                "participants", List.of(Map.of("email", "a@acme.test"), Map.of("email", "b@acme.test")),
                "when", Map.of("start_time", T, "end_time", T + 1800))).data();
        String id = ev.path("id").asText();
        assertEquals("noreply", ev.path("participants").get(0).path("status").asText());
        CLOCK.advance(Duration.ofSeconds(30));
        Api.Resp upd = api.put(p + "/" + id + "?calendar_id=primary", Map.of("title", "Kickoff v2",
                "participants", List.of(Map.of("email", "c@acme.test", "status", "yes"))));
        assertEquals(200, upd.status(), upd.body());
        assertEquals("Kickoff v2", upd.data().path("title").asText());
        assertEquals("Room 1", upd.data().path("location").asText());
        assertEquals(1, upd.data().path("participants").size());
        assertEquals(ev.path("when"), upd.data().path("when"));
        assertEquals(ev.path("updated_at").asLong() + 30, upd.data().path("updated_at").asLong());
        assertEquals("Kickoff v2", api.get(p + "/" + id + "?calendar_id=primary").data().path("title").asText());

        Api.Resp del = api.delete(p + "/" + id + "?calendar_id=primary");
        assertEquals(200, del.status());
        assertTrue(del.json().has("request_id"));
        Api.Resp again = api.delete(p + "/" + id + "?calendar_id=primary");
        assertEquals(404, again.status());
        assertEquals("not_found_error", again.errorType());
        assertEquals(400, api.delete(p + "/" + id).status(), "calendar_id required on delete too");
    }

    @Test
    void listFilters() {
        NylasEmulator e = nylas.emulator();
        String g = e.createGrant("filters@acme.test", "google");
        e.addEvent(g, "primary", Map.of("title", "early", "when", Map.of("start_time", T, "end_time", T + 3600)));
        e.addEvent(g, "primary", Map.of("title", "late", "when", Map.of("start_time", T + 7200, "end_time", T + 9000),
                "metadata", Map.of("key1", "sf:00U1"), "ical_uid", "late@acme"));
        e.addEvent(g, "primary", Map.of("title", "cancelled", "status", "cancelled",
                "when", Map.of("start_time", T + 100, "end_time", T + 200)));
        CLOCK.advance(Duration.ofSeconds(100));
        long later = CLOCK.instant().getEpochSecond();
        e.addEvent(g, "primary", Map.of("title", "allday", "when", Map.of("date", "2026-02-01")));
        Api api = new Api(e);
        String p = events(g) + "?calendar_id=primary&";
        assertEquals(List.of("early", "late", "allday").size(), api.get(p).data().size());
        assertEquals(4, api.get(p + "show_cancelled=true").data().size());
        assertEquals(List.of("late"), titles(api.get(p + "start=" + (T + 3600) + "&end=" + (T + 8000))));
        assertEquals(List.of("allday"), titles(api.get(p + "updated_after=" + (later - 1))));
        assertEquals(List.of(), titles(api.get(p + "updated_after=" + later)), "strict by default");
        e.timeBounds(TimeBounds.INCLUSIVE);
        assertEquals(List.of("allday"), titles(api.get(p + "updated_after=" + later)));
        assertEquals(List.of("allday", "early", "late"), titles(api.get(p + "updated_before=" + later)));
        e.timeBounds(TimeBounds.STRICT);
        assertEquals(List.of("early", "late"), titles(api.get(p + "updated_before=" + later)));
        assertEquals(List.of("late"), titles(api.get(p + "metadata_pair=key1:sf:00U1")));
        assertEquals(List.of("late"), titles(api.get(p + "ical_uid=late@acme")));
        assertEquals(400, api.get(p + "limit=201").status());
        Api.Resp first = api.get(p + "limit=2");
        assertEquals(2, first.data().size());
        Api.Resp second = api.get(p + "limit=2&page_token=" + first.json().path("next_cursor").asText());
        assertEquals(1, second.data().size());
        assertTrue(!second.json().has("next_cursor"));
    }

    private static List<String> titles(Api.Resp r) {
        assertEquals(200, r.status(), r.body());
        List<String> out = new java.util.ArrayList<>();
        r.data().forEach(e -> out.add(e.path("title").asText()));
        return out;
    }
}

package io.nylassf.connect.source.nylas.read;

import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.common.schema.NylasSchemas;
import io.nylassf.connect.source.nylas.mapping.BodyPolicy;
import io.nylassf.connect.source.nylas.mapping.RecordFactory;
import io.nylassf.connect.source.nylas.mapping.RecordMapper;
import io.nylassf.connect.source.nylas.mapping.Topics;
import io.nylassf.connect.source.nylas.offset.StreamPartition;
import io.nylassf.testkit.nylas.NylasEmulator;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The events window with recurring series: each master is followed by its occurrences in the horizon. */
class RecurringWindowTest {
    private static final long DAY = 86_400;
    private static NylasEmulator nylas;
    private static NylasClient client;
    private static final RecordFactory RECORDS = new RecordFactory(new Topics("t"),
            new RecordMapper(new BodyPolicy(1_000, false)), Clock.systemUTC());

    @BeforeAll
    static void start() {
        nylas = NylasEmulator.builder().rateLimitPerSecond(0).build().start();
        client = new NylasClient(nylas.baseUrl(), nylas.apiKey(), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        client.close();
        nylas.close();
    }

    private static WindowReader reader(String grant, int horizonDays) {
        String cal = nylas.primaryCalendarId(grant);
        SeriesOccurrences occurrences = new SeriesOccurrences(client, grant, cal, horizonDays, 200,
                Clock.systemUTC());
        return new WindowReader(StreamPartition.events(grant, cal), WindowSource.events(client, grant, cal,
                occurrences), RECORDS, new WindowReader.Settings(50, 0, 7 * DAY, 10_000, 60_000), null,
                System.currentTimeMillis() / 1000 - 60);
    }

    private static List<Struct> read(WindowReader r) {
        List<SourceRecord> out = new ArrayList<>();
        long now = System.currentTimeMillis() + 1_000;
        for (int i = 0; i < 1_000 && r.readyAt() <= now; i++) {
            out.addAll(r.step(now, 100));
        }
        return out.stream().map(s -> (Struct) s.value()).toList();
    }

    private static Map<String, Object> weekly(String title, long start, String rule) {
        return Map.of("title", title, "recurrence", List.of(rule),
                "when", Map.of("start_time", start, "end_time", start + 1800));
    }

    @Test
    void aSeriesIsReadAsItsMasterThenEachOccurrenceWithinTheHorizonAndCancelledOnesAsDeleted() {
        String g = nylas.createGrant("series@example.com", "google");
        long now = System.currentTimeMillis() / 1000;
        // weekly from three weeks ago, twenty times: 4 before now, then 16; the horizon (30 days) keeps 4 + 5
        String master = nylas.addEvent(g, "primary", weekly("1:1", now - 21 * DAY + 3600,
                "RRULE:FREQ=WEEKLY;COUNT=20")).get("id").asText();
        nylas.addEvent(g, "primary", Map.of("title", "single", "when", Map.of("time", now + 3600)));
        List<Struct> first = read(reader(g, 30));
        List<Struct> occurrences = first.stream().filter(s -> master.equals(s.getString("master_event_id"))).toList();
        assertEquals(2 + occurrences.size(), first.size(), "the single event, the master, its occurrences");
        assertEquals(8, occurrences.size(), "the occurrences within 30 days either side: "
                + occurrences.stream().map(s -> s.getString("id")).toList());
        occurrences.forEach(o -> assertEquals("1:1", o.getString("title")));

        // cancel one occurrence: its master changes, so the next window reads the series again
        String gone = occurrences.get(5).getString("id");
        nylas.deleteEvent(g, "primary", gone);
        WindowReader again = reader(g, 30);
        List<Struct> second = read(again);
        Struct cancelled = second.stream().filter(s -> gone.equals(s.getString("id"))).findFirst().orElseThrow();
        assertEquals(NylasSchemas.DELETED, cancelled.getString(NylasSchemas.CHANGE_TYPE));
        assertEquals(8, second.stream().filter(s -> master.equals(s.getString("master_event_id"))).count());
    }

    @Test
    void aCalendarWithoutSeriesCostsOneCallPerWindowAsBefore() {
        String g = nylas.createGrant("plain@example.com", "google");
        long now = System.currentTimeMillis() / 1000;
        nylas.addEvent(g, "primary", Map.of("title", "a", "when", Map.of("time", now + 3600)));
        nylas.addEvent(g, "primary", Map.of("title", "b", "when", Map.of("time", now + 7200)));
        long before = nylas.requestCount();
        List<Struct> out = read(reader(g, 90));
        assertEquals(2, out.size());
        assertEquals(1, nylas.requestCount() - before, "one list call, no occurrence read");
    }

    @Test
    void aHorizonOfZeroReadsNoOccurrences() {
        String g = nylas.createGrant("off@example.com", "google");
        long now = System.currentTimeMillis() / 1000;
        nylas.addEvent(g, "primary", weekly("series", now + 3600, "RRULE:FREQ=DAILY;COUNT=5"));
        List<Struct> out = read(reader(g, 0));
        assertEquals(1, out.size(), "the master only");
        assertTrue(out.get(0).getArray("recurrence").size() > 0);
    }
}

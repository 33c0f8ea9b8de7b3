package io.nylassf.connect.source.nylas.read;

import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.source.nylas.mapping.BodyPolicy;
import io.nylassf.connect.source.nylas.mapping.RecordFactory;
import io.nylassf.connect.source.nylas.mapping.RecordMapper;
import io.nylassf.connect.source.nylas.mapping.Topics;
import io.nylassf.connect.source.nylas.offset.ObjectStream;
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

/**
 * Event reads by {@code updated_at} pass an explicit event-time range: Nylas lists only the next month without one,
 * so a changed meeting of two months ago or three months ahead would never be read.
 */
class EventRangeReadTest {
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

    /** A grant whose calendar has meetings around now, each just created (so just updated). */
    private static String grantWithMeetings(String email) {
        String g = nylas.createGrant(email, "google");
        long now = System.currentTimeMillis() / 1000;
        add(g, "two months ago", now - 60 * DAY);
        add(g, "tomorrow", now + DAY);
        add(g, "in three months", now + 90 * DAY);
        add(g, "in two years", now + 730 * DAY);
        return g;
    }

    private static void add(String g, String title, long start) {
        nylas.addEvent(g, "primary", Map.of("title", title, "when", Map.of("start_time", start, "end_time",
                start + 3600)));
    }

    private static List<String> windowTitles(String g, EventRange range) {
        String cal = nylas.primaryCalendarId(g);
        WindowReader r = new WindowReader(StreamPartition.events(g, cal), WindowSource.events(client, g, cal, null,
                range), RECORDS, new WindowReader.Settings(50, 0, 7 * DAY, 10_000, 60_000), null,
                System.currentTimeMillis() / 1000 - 60);
        List<SourceRecord> out = new ArrayList<>();
        long now = System.currentTimeMillis() + 1_000;
        for (int i = 0; i < 1_000 && r.readyAt() <= now; i++) {
            out.addAll(r.step(now, 100));
        }
        return titles(out);
    }

    private static List<String> titles(List<SourceRecord> records) {
        return records.stream().map(s -> ((Struct) s.value()).getString("title")).sorted().toList();
    }

    @Test
    void aWindowReadsChangedMeetingsOfThePastAndFurtherAheadThanAMonth() {
        String g = grantWithMeetings("window-range@example.com");
        assertEquals(List.of("in three months", "tomorrow", "two months ago"),
                windowTitles(g, EventRange.days(365, 365, Clock.systemUTC())),
                "every change within a year either way; the meeting two years ahead is outside the range");
        assertEquals(List.of("in three months", "tomorrow", "two months ago"),
                windowTitles(g, EventRange.defaults()), "the default range is a year either way");
    }

    @Test
    void theRangeIsTheConfiguredOne() {
        String g = grantWithMeetings("window-narrow@example.com");
        assertEquals(List.of("tomorrow"), windowTitles(g, EventRange.days(30, 30, Clock.systemUTC())));
        assertEquals(List.of("in three months", "in two years", "tomorrow", "two months ago"),
                windowTitles(g, EventRange.days(90, 800, Clock.systemUTC())));
    }

    @Test
    void reconciliationReadsTheSameRange() {
        String g = grantWithMeetings("reconcile-range@example.com");
        long now = System.currentTimeMillis() + 2_000; // the run reads changes before its start second
        List<long[]> runs = new ArrayList<>();
        ReconcileReader r = new ReconcileReader(g, List.of(ObjectStream.EVENTS), List.of("primary"), client,
                RECORDS, 50, DAY * 1000, 7, 0, null, now - DAY * 1000, (grant, n, calls) -> runs.add(new long[]{n}),
                io.nylassf.connect.source.nylas.mail.MailPolicy.NONE, EventRange.days(365, 365, Clock.systemUTC()));
        List<SourceRecord> out = new ArrayList<>();
        for (int i = 0; i < 1_000 && r.readyAt() <= now; i++) {
            out.addAll(r.step(now, 100));
        }
        assertTrue(r.readyAt() > now, "the run ended");
        assertEquals(List.of("in three months", "tomorrow", "two months ago"), titles(out));
    }

    @Test
    void aRangeStartsBeforeNowAndEndsAfterIt() {
        EventRange range = EventRange.days(2, 3, Clock.fixed(java.time.Instant.ofEpochSecond(1_000_000),
                java.time.ZoneOffset.UTC));
        var q = range.applyTo(io.nylassf.connect.common.nylas.ListQuery.limit(5));
        assertEquals("827200", q.params().get("start"));
        assertEquals("1259200", q.params().get("end"));
    }
}

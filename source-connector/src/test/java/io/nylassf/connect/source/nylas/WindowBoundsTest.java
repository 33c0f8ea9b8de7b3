package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.source.nylas.mapping.BodyPolicy;
import io.nylassf.connect.source.nylas.mapping.RecordFactory;
import io.nylassf.connect.source.nylas.mapping.RecordMapper;
import io.nylassf.connect.source.nylas.mapping.Topics;
import io.nylassf.connect.source.nylas.offset.SourceOffset;
import io.nylassf.connect.source.nylas.offset.StreamPartition;
import io.nylassf.connect.source.nylas.read.WindowReader;
import io.nylassf.connect.source.nylas.read.WindowSource;
import io.nylassf.testkit.nylas.MutableClock;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.nylas.NylasMessage;
import io.nylassf.testkit.nylas.TimeBounds;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Objects stamped exactly on a window boundary are read once whether the API's time filters include their bounds
 * or not (Nylas does not say): windows overlap the previous one and de-duplicate on the (time, id) offset.
 */
class WindowBoundsTest {
    private static final long S = 1_790_000_000L;
    private static final long SPAN = 10;
    private static final MutableClock CLOCK = new MutableClock(Instant.ofEpochSecond(S));
    private static NylasEmulator nylas;
    private static NylasClient client;
    private static final RecordFactory RECORDS = new RecordFactory(new Topics("t"),
            new RecordMapper(new BodyPolicy(1_000, false)), Clock.systemUTC());

    @BeforeAll
    static void start() {
        nylas = NylasEmulator.builder().rateLimitPerSecond(0).clock(CLOCK).build().start();
        client = new NylasClient(nylas.baseUrl(), nylas.apiKey(), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        client.close();
        nylas.close();
    }

    private static List<String> readAll(WindowReader r, long nowMs) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1_000 && r.readyAt() <= nowMs; i++) {
            for (SourceRecord rec : r.step(nowMs, 100)) {
                ids.add(((Struct) rec.value()).getString("id"));
            }
        }
        return ids;
    }

    private static WindowReader reader(StreamPartition p, WindowSource source) {
        return reader(p, source, null);
    }

    private static WindowReader reader(StreamPartition p, WindowSource source, SourceOffset resumeFrom) {
        return new WindowReader(p, source, RECORDS, new WindowReader.Settings(3, 0, SPAN, 1_000, 60_000), resumeFrom,
                S);
    }

    @ParameterizedTest
    @EnumSource(TimeBounds.class)
    void messagesOnWindowBoundariesAreReadOnce(TimeBounds bounds) {
        nylas.timeBounds(bounds);
        String grant = nylas.createGrant("bounds-m-" + bounds + "@example.com", "google");
        List<String> expected = new ArrayList<>();
        for (long t : new long[]{S, S, S + SPAN, S + SPAN, S + 2 * SPAN, S + 2 * SPAN + 5, S + 3 * SPAN}) {
            expected.add(nylas.addMessage(grant, NylasMessage.create().date(t)).get("id").asText());
        }
        List<String> got = readAll(reader(StreamPartition.messages(grant), WindowSource.messages(client, grant)),
                (S + 4 * SPAN) * 1000);
        assertEquals(expected.stream().sorted().toList(), got.stream().sorted().toList(), "each message once");
    }

    @ParameterizedTest
    @EnumSource(TimeBounds.class)
    void eventsUpdatedOnWindowBoundariesAreReadOnce(TimeBounds bounds) {
        nylas.timeBounds(bounds);
        String grant = nylas.createGrant("bounds-e-" + bounds + "@example.com", "google");
        List<String> expected = new ArrayList<>();
        for (long t : new long[]{S, S + SPAN, S + SPAN, S + 2 * SPAN, S + 3 * SPAN - 1, S + 3 * SPAN}) {
            CLOCK.set(Instant.ofEpochSecond(t));
            expected.add(nylas.addEvent(grant, "primary", Map.of("title", "at " + t,
                    "when", Map.of("start_time", S + 86_400, "end_time", S + 90_000))).get("id").asText());
        }
        List<String> got = readAll(reader(StreamPartition.events(grant, "primary"),
                WindowSource.events(client, grant, "primary")), (S + 4 * SPAN) * 1000);
        assertEquals(expected.stream().sorted().toList(), got.stream().sorted().toList(), "each event once");
    }

    /**
     * A restart resumes at the last written record's (time, id), which is often in the middle of a second that
     * holds several messages: the ones after it in that second must still be read, and none before it again.
     * Tried from every record, under both readings of the bounds.
     */
    @ParameterizedTest
    @EnumSource(TimeBounds.class)
    void aRestartFromAnyRecordReadsTheRestOnce(TimeBounds bounds) {
        nylas.timeBounds(bounds);
        String grant = nylas.createGrant("bounds-r-" + bounds + "@example.com", "google");
        for (long t : new long[]{S, S, S + 3, S + 3, S + 3, S + SPAN, S + SPAN, S + SPAN + 1, S + 2 * SPAN}) {
            nylas.addMessage(grant, NylasMessage.create().date(t));
        }
        StreamPartition p = StreamPartition.messages(grant);
        long now = (S + 4 * SPAN) * 1000;
        List<SourceRecord> first = new ArrayList<>();
        WindowReader whole = reader(p, WindowSource.messages(client, grant));
        for (int i = 0; i < 1_000 && whole.readyAt() <= now; i++) {
            first.addAll(whole.step(now, 100));
        }
        List<String> all = first.stream().map(r -> ((Struct) r.value()).getString("id")).toList();
        assertEquals(9, all.size());
        for (int k = 0; k < first.size(); k++) {
            SourceOffset committed = SourceOffset.fromMap(first.get(k).sourceOffset());
            List<String> rest = readAll(reader(p, WindowSource.messages(client, grant), committed), now);
            assertEquals(all.subList(k + 1, all.size()), rest, "after a restart at record " + k + " " + committed);
        }
    }
}

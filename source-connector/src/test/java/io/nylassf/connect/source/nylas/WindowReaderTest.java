package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.source.nylas.mapping.BodyPolicy;
import io.nylassf.connect.source.nylas.mapping.RecordFactory;
import io.nylassf.connect.source.nylas.mapping.RecordMapper;
import io.nylassf.connect.source.nylas.mapping.Topics;
import io.nylassf.connect.source.nylas.offset.SourceOffset;
import io.nylassf.connect.source.nylas.offset.StreamPartition;
import io.nylassf.connect.source.nylas.read.BackstopPace;
import io.nylassf.connect.source.nylas.read.WindowReader;
import io.nylassf.connect.source.nylas.read.WindowSource;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.nylas.NylasMessage;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window state machine against the emulator: order, same-second ties across a restart, bounded windows. */
class WindowReaderTest {
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

    private static WindowReader reader(String grant, SourceOffset resume, long start, int maxRecords) {
        return new WindowReader(StreamPartition.messages(grant), WindowSource.messages(client, grant), RECORDS,
                new WindowReader.Settings(7, 0, 86_400, maxRecords, 60_000), resume, start);
    }

    @Test
    void windowsAskForHeadersAndLeaveOutMailInSkippedFolders() {
        String grant = nylas.createGrant("folders" + System.nanoTime() + "@example.com", "google");
        long t = 1_700_000_000L;
        nylas.addMessage(grant, NylasMessage.create().subject("real").date(t).header("Message-ID", "<r@x.test>"));
        String spam = nylas.addMessage(grant, NylasMessage.create().subject("spam").date(t + 1).folders("SPAM"))
                .get("id").asText();
        String draft = nylas.addMessage(grant, NylasMessage.create().subject("draft").date(t + 2)
                .folders("DRAFT")).get("id").asText();
        var folders = new io.nylassf.connect.source.nylas.mail.MessageFolders(client,
                new io.nylassf.connect.source.nylas.mail.SkipFolders(List.of("spam", "trash", "drafts")),
                Clock.systemUTC(), Duration.ofHours(1));
        WindowReader r = new WindowReader(StreamPartition.messages(grant), WindowSource.messages(client, grant,
                new io.nylassf.connect.source.nylas.mail.MailPolicy(true, folders)), RECORDS,
                new WindowReader.Settings(7, 0, 86_400, 1_000, 60_000), null, t - 10);
        List<SourceRecord> out = read(r, 10);
        assertEquals(List.of("real"), out.stream().map(x -> ((Struct) x.value()).getString("subject")).toList());
        Struct real = (Struct) out.get(0).value();
        assertEquals("<r@x.test>", ((Struct) real.getArray("headers").get(0)).getString("value"));
        assertEquals(2, folders.skipped());
        assertTrue(out.stream().noneMatch(x -> List.of(spam, draft).contains(((Struct) x.value()).getString("id"))));
    }

    /** Steps until {@code n} records were handed out or the reader is idle. */
    private static List<SourceRecord> read(WindowReader r, int n) {
        List<SourceRecord> out = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (int i = 0; i < 10_000 && out.size() < n && r.readyAt() <= now; i++) {
            out.addAll(r.step(now, Math.min(3, n - out.size())));
        }
        return out;
    }

    /**
     * A backfill that reaches the lag edge leaves the last seconds before it unread. With webhooks healthy the
     * pace's wait is the long backstop interval, but nothing announced those seconds to this connector (it was not
     * running yet), so the read right after catching up waits only the short interval.
     */
    @Test
    void theTailLeftByTheLagIsReadAfterTheShortWaitEvenWhileWebhooksAreTrusted() {
        String grant = nylas.createGrant("tail@example.com", "google");
        long now = System.currentTimeMillis();
        long lagMs = 60_000;
        String recent = nylas.addMessage(grant, NylasMessage.create().date(now / 1000 - 10)).get("id").asText();
        long shortMs = 30_000;
        long longMs = 1_800_000;
        BackstopPace trusted = new BackstopPace(new BackstopPace.Intervals(shortMs, longMs, Long.MAX_VALUE),
                () -> true, now);
        WindowReader r = new WindowReader(StreamPartition.messages(grant), WindowSource.messages(client, grant),
                RECORDS, new WindowReader.Settings(200, lagMs, 86_400, 1_000, shortMs), trusted, null,
                now / 1000 - 2 * 86_400);
        List<SourceRecord> out = new ArrayList<>();
        long t = now;
        while (t < now + 10 * 60_000 && out.isEmpty()) {
            while (r.readyAt() <= t) {
                out.addAll(r.step(t, 100));
            }
            t += 1_000;
        }
        assertEquals(List.of(recent), out.stream().map(rec -> ((Struct) rec.key()).getString("id")).toList());
        assertTrue(t - now <= lagMs + shortMs * 6 / 5 + 1_000, "read " + (t - now) + " ms after the start");
    }

    @Test
    void handsOutOldestFirstAndResumesInsideASecondWithoutGapOrDuplicate() {
        String grant = nylas.createGrant("ties@example.com", "google");
        long base = 1_700_000_000L;
        Set<String> all = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            // ten messages in each of four seconds
            all.add(nylas.addMessage(grant, NylasMessage.create().date(base + i / 10)).get("id").asText());
        }
        WindowReader first = reader(grant, null, base - 10, 1_000);
        List<SourceRecord> part = read(first, 15); // stops in the middle of the second second
        assertEquals(15, part.size());
        long previous = 0;
        String previousId = "";
        for (SourceRecord r : part) {
            SourceOffset o = SourceOffset.fromMap(r.sourceOffset());
            assertTrue(o.watermark() > previous || o.watermark() == previous && o.lastId().compareTo(previousId) > 0,
                    "strictly increasing (time, id)");
            previous = o.watermark();
            previousId = o.lastId();
        }
        SourceOffset committed = SourceOffset.fromMap(part.get(part.size() - 1).sourceOffset());
        assertEquals(base + 1, committed.watermark());

        WindowReader resumed = reader(grant, committed, base - 10, 1_000);
        List<SourceRecord> rest = read(resumed, 1_000);
        Set<String> seen = new HashSet<>();
        part.forEach(r -> assertTrue(seen.add(((Struct) r.value()).getString("id"))));
        rest.forEach(r -> assertTrue(seen.add(((Struct) r.value()).getString("id")), "duplicate after restart"));
        assertEquals(all, seen, "no gap after restart");
    }

    @Test
    void aWindowOverTheRecordLimitIsHalvedAndStillReadsEverything() {
        String grant = nylas.createGrant("busy@example.com", "google");
        long base = 1_710_000_000L;
        Set<String> all = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            all.add(nylas.addMessage(grant, NylasMessage.create().date(base + i * 60L)).get("id").asText());
        }
        WindowReader r = reader(grant, null, base, 10);
        List<SourceRecord> got = read(r, 1_000);
        Set<String> ids = new HashSet<>();
        got.forEach(rec -> assertTrue(ids.add(((Struct) rec.value()).getString("id"))));
        assertEquals(all, ids);
    }
}

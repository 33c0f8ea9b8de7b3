package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.http.Backoff;
import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.source.nylas.mapping.BodyPolicy;
import io.nylassf.connect.source.nylas.mapping.RecordFactory;
import io.nylassf.connect.source.nylas.mapping.RecordMapper;
import io.nylassf.connect.source.nylas.mapping.Topics;
import io.nylassf.connect.source.nylas.offset.StreamPartition;
import io.nylassf.connect.source.nylas.read.BackstopPace;
import io.nylassf.connect.source.nylas.read.ContactScanReader;
import io.nylassf.connect.source.nylas.read.ReadPace;
import io.nylassf.connect.source.nylas.read.ReadScheduler;
import io.nylassf.connect.source.nylas.read.StreamReader;
import io.nylassf.connect.source.nylas.read.WindowReader;
import io.nylassf.connect.source.nylas.read.WindowSource;
import io.nylassf.testkit.nylas.NylasEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nylas calls per grant per hour of the windowed reads, counted at the emulator over a simulated hour: with
 * webhooks healthy the backstop reads each grant's three streams every 30 minutes (at most 6 calls an hour), with
 * webhooks down every poll interval as before.
 */
class BackstopCallsTest {
    private static final int GRANTS = 20;
    private static final long POLL_MS = 30_000;
    private static final long CONTACT_SCAN_MS = 300_000;
    private static final long BACKSTOP_MS = 1_800_000;
    private static final RecordFactory RECORDS = new RecordFactory(new Topics("t"),
            new RecordMapper(new BodyPolicy(1_000, false)), Clock.systemUTC());

    private NylasEmulator nylas;
    private NylasClient client;
    private final List<String> grants = new ArrayList<>();

    @BeforeEach
    void seed() {
        nylas = NylasEmulator.builder().rateLimitPerSecond(0).build().start();
        client = new NylasClient(nylas.baseUrl(), nylas.apiKey(), Duration.ofSeconds(5));
        for (int g = 0; g < GRANTS; g++) {
            String grant = nylas.createGrant("rep" + g + "@ourco.test", "google");
            grants.add(grant);
            for (int m = 0; m < 3; m++) {
                nylas.addMessage(grant, Map.of("subject", "Hello " + m, "from",
                        List.of(Map.of("email", "c" + m + "@acme.test")), "date", 1_700_000_000L + m));
            }
            nylas.addEvent(grant, nylas.primaryCalendarId(grant), Map.of("title", "Sync", "when",
                    Map.of("start_time", 1_800_000_000L, "end_time", 1_800_003_600L)));
            nylas.addContact(grant, Map.of("given_name", "Ada", "emails", List.of(Map.of("email", "ada@acme.test"))));
        }
    }

    @AfterEach
    void stop() {
        client.close();
        nylas.close();
    }

    @Test
    void healthyWebhooksCutTheIdleReadsToSixCallsPerGrantPerHour() {
        double healthy = callsPerGrantPerHour(true);
        double down = callsPerGrantPerHour(false);
        System.out.printf("Idle Nylas calls per grant per hour: webhooks healthy %.1f, webhooks down %.1f (%.0fx)%n",
                healthy, down, down / healthy);
        assertTrue(healthy <= 6.5, "healthy: " + healthy);
        assertTrue(down >= 200, "down: " + down);
    }

    @Test
    void whenWebhooksStopBeingTrustedEveryGrantIsReadAgainWithinTheShortInterval() {
        AtomicBoolean healthy = new AtomicBoolean(true);
        long start = System.currentTimeMillis();
        BackstopPace windows = new BackstopPace(new BackstopPace.Intervals(POLL_MS, BACKSTOP_MS, Long.MAX_VALUE),
                healthy::get, start);
        BackstopPace contacts = new BackstopPace(
                new BackstopPace.Intervals(CONTACT_SCAN_MS, BACKSTOP_MS, Long.MAX_VALUE), healthy::get, start);
        ReadScheduler scheduler = scheduler(windows, contacts);
        long now = runUntil(scheduler, start, start);
        now = runUntil(scheduler, now, now + 600_000);
        long before = nylas.requestCount();
        healthy.set(false);
        scheduler.shortenWaits(now, windows, contacts);
        runUntil(scheduler, now, now + (long) (POLL_MS * 1.2) + 5_000);
        long messageAndEventReads = nylas.requestCount() - before;
        assertTrue(messageAndEventReads >= 2L * GRANTS, "every grant's windows read again at once: "
                + messageAndEventReads);
    }

    private ReadScheduler scheduler(ReadPace windows, ReadPace contacts) {
        return new ReadScheduler(readers(windows, contacts), RECORDS,
                new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1)), Duration.ofMinutes(1), 60_000,
                new NylasSourceMetrics());
    }

    /** Runs the scheduler on simulated time from {@code from} to {@code to} in 5 s steps; returns {@code to}. */
    private static long runUntil(ReadScheduler scheduler, long from, long to) {
        long now = from;
        do {
            long t = now;
            while (scheduler.nextReadyAt() <= t) {
                scheduler.poll(t, 10_000, () -> t);
            }
            now += 5_000;
        } while (now <= to);
        return to;
    }

    private double callsPerGrantPerHour(boolean webhooksHealthy) {
        long start = System.currentTimeMillis();
        BackstopPace windows = new BackstopPace(new BackstopPace.Intervals(POLL_MS, BACKSTOP_MS, Long.MAX_VALUE),
                () -> webhooksHealthy, start);
        BackstopPace contacts = new BackstopPace(new BackstopPace.Intervals(CONTACT_SCAN_MS, BACKSTOP_MS, Long.MAX_VALUE),
                () -> webhooksHealthy, start);
        ReadScheduler scheduler = new ReadScheduler(readers(windows, contacts), RECORDS,
                new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1)), Duration.ofMinutes(1), 60_000,
                new NylasSourceMetrics());
        long now = start;
        // the first pass reads every stream (the backfill); the idle hour is counted after it
        for (int i = 0; i < 50 && scheduler.nextReadyAt() <= now; i++) {
            long t = now;
            scheduler.poll(t, 10_000, () -> t);
        }
        long before = nylas.requestCount();
        long end = now + Duration.ofHours(2).toMillis();
        while (now < end) {
            now += 5_000;
            long t = now;
            while (scheduler.nextReadyAt() <= t) {
                scheduler.poll(t, 10_000, () -> t);
            }
        }
        return (nylas.requestCount() - before) / 2.0 / GRANTS;
    }

    private List<StreamReader> readers(ReadPace windows, ReadPace contacts) {
        List<StreamReader> out = new ArrayList<>();
        WindowReader.Settings settings = new WindowReader.Settings(200, 0, 315_360_000L, 10_000, POLL_MS);
        for (String g : grants) {
            out.add(new WindowReader(StreamPartition.messages(g), WindowSource.messages(client, g), RECORDS,
                    settings, windows, null, 1_600_000_000L));
            String calendar = nylas.primaryCalendarId(g);
            out.add(new WindowReader(StreamPartition.events(g, calendar), WindowSource.events(client, g, calendar),
                    RECORDS, settings, windows, null, 1_600_000_000L));
            out.add(new ContactScanReader(StreamPartition.contacts(g), client, RECORDS, 200, contacts));
        }
        return out;
    }
}

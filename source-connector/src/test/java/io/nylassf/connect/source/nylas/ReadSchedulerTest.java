package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.http.Backoff;
import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.source.nylas.mapping.BodyPolicy;
import io.nylassf.connect.source.nylas.mapping.RecordFactory;
import io.nylassf.connect.source.nylas.mapping.RecordMapper;
import io.nylassf.connect.source.nylas.mapping.Topics;
import io.nylassf.connect.source.nylas.offset.StreamPartition;
import io.nylassf.connect.source.nylas.read.ReadScheduler;
import io.nylassf.connect.source.nylas.read.StreamReader;
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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-grant backoff and pausing: one slow or broken grant never holds up the others. */
class ReadSchedulerTest {
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

    private static final class Counting implements ReadScheduler.Listener {
        int paused;
        int resumed;

        @Override
        public void grantPaused(String grantId) {
            paused++;
        }

        @Override
        public void grantResumed(String grantId) {
            resumed++;
        }

        @Override
        public void recordsRead(int n) {
        }
    }

    private static StreamReader reader(String grant) {
        return new WindowReader(StreamPartition.messages(grant), WindowSource.messages(client, grant), RECORDS,
                new WindowReader.Settings(200, 0, 315_360_000L, 10_000, 60_000), null, 1_600_000_000L);
    }

    private static List<SourceRecord> pass(ReadScheduler s) {
        return s.poll(System.currentTimeMillis(), 10_000, System::currentTimeMillis);
    }

    @Test
    void aRateLimitedGrantBacksOffAloneHonouringRetryAfter() {
        String slow = nylas.createGrant("slow@example.com", "google");
        String fast = nylas.createGrant("fast@example.com", "google");
        nylas.addMessage(slow, NylasMessage.create().date(1_650_000_000L));
        nylas.addMessage(fast, NylasMessage.create().date(1_650_000_000L));
        nylas.faults().onlyPaths(slow).retryAfterSeconds(30).failNext("429", 1);
        ReadScheduler s = new ReadScheduler(List.of(reader(slow), reader(fast)), RECORDS,
                new Backoff(Duration.ofMillis(10), Duration.ofMinutes(5)), Duration.ofSeconds(60), 2_000,
                new Counting());
        List<SourceRecord> got = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            got.addAll(pass(s));
        }
        nylas.faults().reset();
        assertEquals(List.of(fast), got.stream().map(r -> ((Struct) r.value()).getString("grant_id")).toList());
        assertTrue(s.nextReadyAt() > System.currentTimeMillis() + 20_000,
                "the slow grant waits out Retry-After: 30 s, not the 10 ms initial backoff");
    }

    @Test
    void anExpiredGrantPausesWithOneStatusRecordAndResumes() {
        String expired = nylas.createGrant("expired@example.com", "google");
        String fine = nylas.createGrant("fine@example.com", "google");
        nylas.addMessage(fine, NylasMessage.create().date(1_650_000_000L));
        nylas.expireGrant(expired);
        Counting metrics = new Counting();
        ReadScheduler s = new ReadScheduler(List.of(reader(expired), reader(fine)), RECORDS,
                new Backoff(Duration.ofMillis(10), Duration.ofSeconds(1)), Duration.ofMillis(50), 2_000, metrics);
        List<SourceRecord> got = new ArrayList<>(pass(s));
        assertEquals(1, got.stream().filter(r -> r.topic().equals("t.grants")).count());
        assertEquals("expired", ((Struct) got.stream().filter(r -> r.topic().equals("t.grants")).findFirst()
                .orElseThrow().value()).getString("status"));
        assertEquals(1, got.stream().filter(r -> r.topic().equals("t.messages")).count(), "the other grant goes on");
        assertEquals(1, s.pausedGrants());

        nylas.addMessage(expired, NylasMessage.create().date(1_650_000_000L));
        nylas.restoreGrant(expired);
        s.wakeUp(expired);
        List<SourceRecord> after = pass(s);
        assertEquals("valid", ((Struct) after.stream().filter(r -> r.topic().equals("t.grants")).findFirst()
                .orElseThrow().value()).getString("status"));
        assertEquals(0, s.pausedGrants());
        assertEquals(1, metrics.paused);
        assertEquals(1, metrics.resumed);
    }
}

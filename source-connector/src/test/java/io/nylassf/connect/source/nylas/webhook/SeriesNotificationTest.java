package io.nylassf.connect.source.nylas.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.source.nylas.mapping.BodyPolicy;
import io.nylassf.connect.source.nylas.mapping.RecordFactory;
import io.nylassf.connect.source.nylas.mapping.RecordMapper;
import io.nylassf.connect.source.nylas.mapping.Topics;
import io.nylassf.connect.source.nylas.read.SeriesOccurrences;
import io.nylassf.testkit.nylas.NylasEmulator;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A notification about a series' master brings the series' occurrences with it. */
class SeriesNotificationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
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

    @Test
    void anUpdatedMasterIsRoutedWithItsOccurrencesAndASingleEventAlone() throws Exception {
        String g = nylas.createGrant("hook@example.com", "google");
        long now = System.currentTimeMillis() / 1000;
        JsonNode master = nylas.updateEvent(g, "primary", nylas.addEvent(g, "primary", Map.of("title", "Weekly",
                "recurrence", List.of("RRULE:FREQ=WEEKLY;COUNT=3"),
                "when", Map.of("start_time", now + 3600, "end_time", now + 5400))).get("id").asText(),
                Map.of("title", "Weekly (new)"));
        JsonNode single = nylas.addEvent(g, "primary", Map.of("title", "once", "when", Map.of("time", now + 60)));
        NotificationRouter router = new NotificationRouter(RECORDS, client, x -> { });
        router.series((grant, cal, id) -> new SeriesOccurrences(client, grant, cal, 30, 200, Clock.systemUTC())
                .of(id));
        JsonNode n = JSON.readTree("{\"time\": " + now + "}");

        List<SourceRecord> out = router.route("event.updated", n, master);
        assertEquals(4, out.size(), "the master and its three occurrences");
        for (SourceRecord r : out.subList(1, 4)) {
            Struct s = (Struct) r.value();
            assertEquals(master.get("id").asText(), s.getString("master_event_id"));
            assertEquals("Weekly (new)", s.getString("title"));
        }
        assertEquals(1, router.route("event.updated", n, single).size());
    }
}

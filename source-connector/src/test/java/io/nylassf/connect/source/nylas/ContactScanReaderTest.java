package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.common.schema.NylasSchemas;
import io.nylassf.connect.source.nylas.mapping.BodyPolicy;
import io.nylassf.connect.source.nylas.mapping.RecordFactory;
import io.nylassf.connect.source.nylas.mapping.RecordMapper;
import io.nylassf.connect.source.nylas.mapping.Topics;
import io.nylassf.connect.source.nylas.offset.StreamPartition;
import io.nylassf.connect.source.nylas.read.ContactScanReader;
import io.nylassf.testkit.nylas.NylasEmulator;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Contact change detection: a running reader writes only created, changed and deleted contacts; a new reader (a
 * restarted task) writes every contact once more. Measures what that re-send costs, for docs/nylas-source.md.
 */
class ContactScanReaderTest {
    private static final RecordFactory RECORDS = new RecordFactory(new Topics("t"),
            new RecordMapper(new BodyPolicy(1_000, false)), Clock.systemUTC());
    private static final int CONTACTS = 5_000;

    @Test
    void onlyChangesAreWrittenWhileRunningAndARestartReSendsEveryContactOnce() {
        try (NylasEmulator nylas = NylasEmulator.builder().rateLimitPerSecond(0).build().start();
             NylasClient client = new NylasClient(nylas.baseUrl(), nylas.apiKey(), Duration.ofSeconds(10))) {
            String grant = nylas.createGrant("contacts@example.com", "google");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < CONTACTS; i++) {
                ids.add(nylas.addContact(grant, Map.of("given_name", "C" + i, "surname", "Scan",
                        "emails", List.of(Map.of("email", "c" + i + "@example.com", "type", "work")))).get("id").asText());
            }
            ContactScanReader running = reader(client, grant);
            List<SourceRecord> first = scan(running);
            assertEquals(CONTACTS, first.size(), "the first scan of a task writes every contact");
            assertTrue(first.stream().allMatch(r -> ((Struct) r.value()).get(NylasSchemas.MODIFIED_AT) == null),
                    "a re-send has no known change time");
            assertEquals(0, scan(running).size(), "nothing changed, nothing written");

            nylas.updateContact(grant, ids.get(7), Map.of("job_title", "CTO"));
            nylas.deleteContact(grant, ids.get(8));
            nylas.addContact(grant, Map.of("given_name", "New"));
            long beforeScan = System.currentTimeMillis();
            List<SourceRecord> changes = scan(running);
            // Nylas documents no modified time for contacts: a change is dated by the scan that found it
            assertTrue(changes.stream().filter(r -> !"deleted".equals(((Struct) r.value()).getString("change_type")))
                    .allMatch(r -> ((Date) ((Struct) r.value()).get(NylasSchemas.MODIFIED_AT)).getTime()
                            >= beforeScan / 1000 * 1000), "changes dated when seen");
            assertEquals(List.of("updated", "created", "deleted"), changes.stream()
                    .map(r -> ((Struct) r.value()).getString("change_type")).sorted((a, b) ->
                            order(a) - order(b)).toList());

            // a restarted task: no fingerprints survive, so every contact is written again (as "updated")
            long calls = nylas.requestCount();
            long started = System.nanoTime();
            List<SourceRecord> resend = scan(reader(client, grant));
            long ms = (System.nanoTime() - started) / 1_000_000;
            long listCalls = nylas.requestCount() - calls;
            assertEquals(CONTACTS, resend.size());
            assertTrue(listCalls <= CONTACTS / 200 + 1, "one list call per 200 contacts, as any scan: " + listCalls);
            System.out.printf("contact re-send after a restart: %d contacts, %d list calls, %d ms to read and map%n",
                    resend.size(), listCalls, ms);
        }
    }

    private static int order(String change) {
        return switch (change) {
            case "updated" -> 0;
            case "created" -> 1;
            default -> 2;
        };
    }

    private static ContactScanReader reader(NylasClient client, String grant) {
        return new ContactScanReader(StreamPartition.contacts(grant), client, RECORDS, 200, 0);
    }

    /** One full scan: steps until the reader schedules its next scan. */
    private static List<SourceRecord> scan(ContactScanReader reader) {
        List<SourceRecord> out = new ArrayList<>();
        long now = System.currentTimeMillis();
        do {
            out.addAll(reader.step(now, Integer.MAX_VALUE));
        } while (reader.readyAt() == 0);
        return out;
    }
}

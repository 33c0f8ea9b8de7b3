package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.sink.RecordingContext;
import io.nylassf.connect.common.config.SalesforceAuthMethod;
import io.nylassf.connect.common.salesforce.SalesforceClient;
import io.nylassf.connect.common.salesforce.SalesforceSettings;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Throughput and API economy of the sink against the emulator (loopback, no latency): records per second and
 * Salesforce API calls per 1,000 records, lookups included, for Composite/Collections and Bulk API modes, beside
 * the seeds' one-call-per-record recipe. Not a timed test: it prints figures. Run with
 * {@code mvn -Pbench -pl sink-connector verify -Dtest=SalesforceSinkBenchTest}.
 */
@Tag("bench")
class SalesforceSinkBenchTest {
    static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    static final int PEOPLE = 2_000;
    static final int ACCOUNTS = 50;

    record Figures(String mode, int records, long millis, long calls) {
        @Override
        public String toString() {
            return String.format("%-38s %6d records  %8.0f records/s  %7.2f API calls per 1,000 records", mode,
                    records, records * 1000.0 / Math.max(1, millis), calls * 1000.0 / records);
        }
    }

    static String email(int i) {
        return i % 2 == 0 ? "p" + i + "@company" + (i % ACCOUNTS) + ".com" : "p" + i + "@prospect" + i + ".io";
    }

    Figures run(String mode, SalesforceEmulator sf, Map<String, String> overrides, String topic, int n, int batch,
                IntFunction<Struct> record) {
        Map<String, String> props = new HashMap<>(Map.of("name", "bench", "salesforce.login.url", sf.baseUrl(),
                "salesforce.auth.method", "client_credentials", "salesforce.client.id", "app",
                "salesforce.client.secret", "secret", "salesforce.internal.domains", "mycorp.com",
                "salesforce.linger.ms", "0", "salesforce.batch.max.records", Integer.toString(batch)));
        props.putAll(overrides);
        SalesforceSinkTask task = new SalesforceSinkTask();
        task.initialize(new RecordingContext());
        task.start(props);
        List<SinkRecord> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(NylasRecords.sinkRecord(topic, i, record.apply(i)));
        }
        long calls = sf.apiCallCount();
        long start = System.nanoTime();
        TaskDriver driver = new TaskDriver(task);
        for (int i = 0; i < n; i += batch) {
            driver.put(all.subList(i, Math.min(n, i + batch)));
        }
        driver.settle(Duration.ofMinutes(10));
        Figures f = new Figures(mode, n, (System.nanoTime() - start) / 1_000_000, sf.apiCallCount() - calls);
        task.stop();
        System.out.println("BENCH " + f);
        return f;
    }

    SalesforceEmulator emulator() {
        SalesforceEmulator sf = SalesforceEmulator.builder().clientCredentials("app", "secret", null)
                .dailyApiLimit(10_000_000).bulkProcessingDelay(Duration.ofMillis(20)).build().start();
        SalesforceSinkTaskTest.declareCustomFields(sf);
        for (int a = 0; a < ACCOUNTS; a++) {
            sf.org().insert("Account", Map.of("Name", "Company " + a, "Website", "company" + a + ".com"));
        }
        return sf;
    }

    @Test
    void collectionsAndBulkVersusOneCallPerRecord() {
        List<Figures> figures = new ArrayList<>();
        IntFunction<Struct> contact = i -> NylasRecords.contact("c-" + i, "F" + i, "L" + i, email(i), null, "T", T);
        IntFunction<Struct> message = i -> NylasRecords.message("m-" + i, "S " + i, "me@mycorp.com",
                email(i % PEOPLE), T, null, T);
        IntFunction<Struct> event = i -> NylasRecords.event("e-" + i, "E " + i, T.plusSeconds(i * 60L),
                T.plusSeconds(i * 60L + 1800), List.of(email(i % PEOPLE)), null, "updated", T);
        Map<String, String> noBulk = Map.of("salesforce.bulk.threshold", "0");
        try (SalesforceEmulator sf = emulator()) {
            figures.add(run("composite: contacts (batches of 1,000)", sf, noBulk, "nylas.contacts", PEOPLE, 1_000, contact));
            figures.add(run("composite: messages (batches of 1,000)", sf, noBulk, "nylas.messages", 10_000, 1_000, message));
            figures.add(run("composite: events (batches of 1,000)", sf, noBulk, "nylas.events", 2_000, 1_000, event));
            figures.add(run("composite: messages (batches of 500)", sf, noBulk, "nylas.messages", 5_000, 500,
                    i -> message.apply(i + 20_000)));
            figures.add(run("replay of 10,000 messages (no writes)", sf, noBulk, "nylas.messages", 10_000, 1_000, message));
            assertEquals(10_000 + 5_000, sf.org().count("Task"));
        }
        try (SalesforceEmulator sf = emulator()) {
            Map<String, String> bulk = Map.of("salesforce.bulk.threshold", "2000");
            figures.add(run("bulk: contacts (one batch of 2,000)", sf, Map.of("salesforce.bulk.threshold", "1000"),
                    "nylas.contacts", PEOPLE, PEOPLE, contact));
            figures.add(run("bulk: messages (batches of 10,000)", sf, bulk, "nylas.messages", 20_000, 10_000, message));
            assertEquals(20_000, sf.org().count("Task"));
        }
        try (SalesforceEmulator sf = emulator();
             SalesforceClient c = new SalesforceClient(new SalesforceSettings(sf.baseUrl(), "v62.0",
                     SalesforceAuthMethod.CLIENT_CREDENTIALS, "app", "secret", null, null, null,
                     Duration.ofSeconds(30), "bench", false))) {
            // the seeds' recipe (PATCH /sobjects/Contact/Nylas_Contact_Id__c/{id}) makes one call per record: here
            // a one-subrequest Composite call each
            long calls = sf.apiCallCount();
            long start = System.nanoTime();
            for (int i = 0; i < PEOPLE; i++) {
                c.composite(List.of(c.upsertRequest("up", "Lead", "Nylas_Contact_Id__c", List.of(Map.of(
                        "Nylas_Contact_Id__c", "c-" + i, "LastName", "L" + i, "Company", "X", "Email", email(i))),
                        false)), false);
            }
            figures.add(new Figures("baseline: one call per record", PEOPLE,
                    (System.nanoTime() - start) / 1_000_000, sf.apiCallCount() - calls));
        }
        System.out.println("BENCH ---- Salesforce sink (emulator on loopback) ----");
        figures.forEach(f -> System.out.println("BENCH " + f));
    }
}

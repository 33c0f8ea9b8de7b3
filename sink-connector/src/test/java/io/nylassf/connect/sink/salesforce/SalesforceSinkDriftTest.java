package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.schema.NylasSchemas;
import io.nylassf.connect.sink.RecordingContext;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.nylassf.connect.sink.salesforce.NylasRecords.message;
import static io.nylassf.connect.sink.salesforce.NylasRecords.sinkRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reconcile records against the emulator: where Salesforce already agrees nothing is written and nothing is
 * counted, whatever the cache holds, and the cost is the batched lookups alone; what is missing is written and
 * counted in {@code drift-repaired-total} by object.
 */
class SalesforceSinkDriftTest {
    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final int N = 1_000;
    static SalesforceEmulator sf;

    RecordingContext context;
    SalesforceSinkTask task;
    long offset;

    @BeforeAll
    static void startEmulator() {
        sf = SalesforceEmulator.builder().clientCredentials("app", "secret", null).build().start();
        SalesforceSinkTaskTest.declareCustomFields(sf);
    }

    @AfterAll
    static void stopEmulator() {
        sf.close();
    }

    @AfterEach
    void tearDown() {
        if (task != null) {
            task.stop();
        }
    }

    /** A task as after a restart: nothing in its lookup cache. */
    void start() {
        if (task != null) {
            task.stop();
        }
        context = new RecordingContext();
        Map<String, String> props = new HashMap<>(Map.of("name", "sf-drift-test", "salesforce.login.url",
                sf.baseUrl(), "salesforce.auth.method", "client_credentials", "salesforce.client.id", "app",
                "salesforce.client.secret", "secret", "salesforce.internal.domains", "mycorp.com",
                "salesforce.linger.ms", "0"));
        task = new SalesforceSinkTask();
        task.initialize(context);
        task.start(props);
    }

    void put(List<Struct> values) {
        List<SinkRecord> records = new ArrayList<>();
        for (Struct v : values) {
            records.add(sinkRecord(NylasRecords.topicOf(v), offset++, v));
        }
        new TaskDriver(task).putAndSettle(records);
    }

    static List<Struct> messages(int from, int to, String via) {
        List<Struct> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Struct m = message("m-" + i, "Note " + i, "ann@acme.com", "me@mycorp.com", T1.plusSeconds(i), null,
                    T1.plusSeconds(i));
            out.add(m.put(NylasSchemas.OBSERVED_VIA, via));
        }
        return out;
    }

    long drift(Map<String, String> tags) {
        Object v = context.metrics.value("drift-repaired-total", tags);
        return v == null ? 0 : ((Number) v).longValue();
    }

    @Test
    void aThousandReconcileRecordsSalesforceAgreesWithCostTheLookupsAloneAndWriteNothing() {
        sf.org().clear();
        sf.org().insert("Contact", Map.of("LastName", "Lee", "Email", "ann@acme.com"));
        start();
        put(messages(0, N, NylasSchemas.VIA_WINDOW));
        assertEquals(N, sf.org().count("Task"));

        start(); // a day later: a restarted task, its lookup cache empty
        int changes = sf.org().changes().size();
        sf.resetApiCallCount();
        long readsBefore = sf.compositeReadCalls();
        long writesBefore = sf.compositeWriteCalls();
        put(messages(0, N, NylasSchemas.VIA_RECONCILE));
        long calls = sf.apiCallCount();
        System.out.println("BENCH reconcile: " + N + " re-read records Salesforce agrees with cost " + calls
                + " Salesforce call(s) (" + (sf.compositeReadCalls() - readsBefore) + " Composite read(s)), 0 writes");
        assertEquals(changes, sf.org().changes().size(), "nothing written");
        assertEquals(writesBefore, sf.compositeWriteCalls(), "no write call");
        assertTrue(calls <= 2, "the batched lookups alone (one Composite read per batch of 1,000): " + calls);
        assertEquals(0, drift(Map.of()), "nothing repaired");

        // a message a lost webhook left out: written, and counted by object
        put(messages(N, N + 1, NylasSchemas.VIA_RECONCILE));
        assertEquals(N + 1, sf.org().count("Task"));
        assertEquals(1, drift(Map.of()));
        assertEquals(1, drift(Map.of("object", "task")));
    }
}

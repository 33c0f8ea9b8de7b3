package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.sink.RecordingContext;
import io.nylassf.testkit.salesforce.FieldDef;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.nylassf.connect.sink.salesforce.NylasRecords.contact;
import static io.nylassf.connect.sink.salesforce.NylasRecords.sinkRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failure paths of the Salesforce sink against the emulator: retries bounded to the failed records, errors no
 * record can be blamed for, and Bulk API jobs that fail, are aborted or time out.
 */
class SalesforceSinkFailureTest {
    static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    static SalesforceEmulator sf;

    RecordingContext context;
    SalesforceSinkTask task;
    TaskDriver driver;
    long offset;

    @BeforeAll
    static void startEmulator() {
        sf = SalesforceEmulator.builder().clientCredentials("app", "secret", null).build().start();
        SalesforceSinkTaskTest.declareCustomFields(sf);
        sf.org().declareField("Lead", FieldDef.text("Title_Code__c", 5));
    }

    @AfterAll
    static void stopEmulator() {
        sf.close();
    }

    @BeforeEach
    void setUp() {
        sf.org().clear();
        sf.faults().reset();
        sf.setApiUsage(0);
        sf.bulkRowDelay(Duration.ZERO);
        // the emulator processes jobs one at a time: let an earlier test's job finish first
        io.nylassf.testkit.connect.ConnectClusterExtension.waitUntil("earlier Bulk jobs done", Duration.ofSeconds(30),
                () -> sf.bulkJobStates().values().stream().allMatch(st -> List.of("Open", "JobComplete", "Failed",
                        "Aborted").contains(st)));
        context = new RecordingContext();
    }

    @AfterEach
    void tearDown() {
        if (task != null) {
            task.stop();
        }
    }

    void start(Map<String, String> overrides) {
        if (task != null) {
            task.stop();
        }
        Map<String, String> props = new HashMap<>(Map.of("name", "sf-sink-failures", "salesforce.login.url",
                sf.baseUrl(), "salesforce.auth.method", "client_credentials", "salesforce.client.id", "app",
                "salesforce.client.secret", "secret", "salesforce.internal.domains", "mycorp.com",
                "salesforce.linger.ms", "0"));
        props.putAll(overrides);
        task = new SalesforceSinkTask();
        task.initialize(context);
        task.start(props);
        driver = new TaskDriver(task);
    }

    /** States of the Bulk jobs created since {@code before} was taken. */
    static List<String> newJobStates(java.util.Set<String> before) {
        List<String> out = new ArrayList<>();
        sf.bulkJobStates().forEach((id, state) -> {
            if (!before.contains(id)) {
                out.add(state);
            }
        });
        return out;
    }

    List<SinkRecord> contacts(int n, java.util.function.IntFunction<String> title) {
        List<SinkRecord> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(sinkRecord("nylas.contacts", offset++, contact("c-" + i, "P", "N" + i, "p" + i + "@beta.io",
                    null, title.apply(i), T1)));
        }
        return batch;
    }

    @Test
    void oneLockedRowInABatchOf1000IsRetriedAloneThenDeadLettered() {
        start(Map.of("salesforce.item.retry.max.attempts", "3", "salesforce.item.retry.backoff.ms", "20"));
        List<SinkRecord> batch = contacts(1000, i -> null);
        sf.org().lockRecords("c-500"); // held by another transaction for good
        long calls = sf.apiCallCount();
        driver.putAndSettle(batch); // the batch is not written again: only the locked row is
        long spent = sf.apiCallCount() - calls;
        System.out.printf("1,000 records, one permanently locked row, 3 attempts: %d API calls%n", spent);

        assertEquals(999, sf.org().count("Lead"));
        assertEquals(999, sf.org().changes().size(), "the 999 were written once, never again");
        assertEquals(1, context.dlq.size());
        assertEquals("c-500", ((org.apache.kafka.connect.data.Struct) context.dlq.get(0).record().value())
                .getString("id"));
        String reason = context.dlq.get(0).error().getMessage();
        assertTrue(reason.contains("UNABLE_TO_LOCK_ROW") && reason.contains("3 attempt"), reason);
        assertEquals(0, task.metrics().getRetries(), "no second write of the batch");
        // lookups (2 Composite calls), one write call, then two retries of the one record
        assertTrue(spent <= 5, "API calls spent: " + spent);
    }

    @Test
    void one503SubrequestInACompositeRetriesOnlyItsRecords() {
        start(Map.of("salesforce.item.retry.backoff.ms", "20"));
        List<SinkRecord> batch = contacts(1000, i -> null);
        sf.failNextCompositeSubrequests("/composite/sobjects/Lead", 1); // one of the five collections of the write
        long calls = sf.apiCallCount();
        driver.putAndSettle(batch);
        long spent = sf.apiCallCount() - calls;
        System.out.printf("1,000 records, one 503 subrequest: %d API calls%n", spent);
        assertEquals(1000, sf.org().count("Lead"));
        assertEquals(1000, sf.org().changes().size(), "each record written once");
        assertEquals(0, context.dlq.size());
        assertEquals(0, task.metrics().getRetries(), "no second write of the batch");
        assertTrue(spent <= 4, "lookups (2), the write, one retry of its 200 records: " + spent);
    }

    @Test
    void aFieldMissingFromTheOrgStopsTheTaskNamingTheFieldAndTheSetting() {
        start(Map.of("salesforce.mapping.lead", "job_title=Job_Code__c"));
        ConnectException e = assertThrows(ConnectException.class, () -> driver.putAndSettle(contacts(3, i -> "CTO")));
        assertTrue(!(e instanceof RetriableException), e.toString());
        assertTrue(e.getMessage().contains("Lead.Job_Code__c") && e.getMessage().contains("salesforce.mapping.lead"),
                e.getMessage());
        assertEquals(0, context.dlq.size(), "not a per-record problem: nothing dead-lettered");
        assertEquals(0, sf.org().count("Lead"));
    }

    @Test
    void aWriteSubrequestRejectedForItsShapeStopsTheTaskNamingTheSetting() {
        // BillingCity exists (the lookup works) but is no external ID: the upsert URL answers 404 NOT_FOUND
        start(Map.of("salesforce.account.create", "true", "salesforce.account.external.id.field", "BillingCity"));
        List<SinkRecord> one = List.of(sinkRecord("nylas.contacts", offset++, contact("c-1", "Ann", "Lee",
                "ann@newco.io", "NewCo", null, T1)));
        ConnectException e = assertThrows(ConnectException.class, () -> driver.putAndSettle(one));
        assertTrue(!(e instanceof RetriableException), e.toString());
        assertTrue(e.getMessage().contains("BillingCity")
                && e.getMessage().contains("salesforce.account.external.id.field"), e.getMessage());
        assertEquals(0, context.dlq.size(), "the record is not at fault");
    }

    @Test
    void aBulkJobThatFailsMidwayCountsItsWrittenRowsAndRetriesOnlyTheUnprocessedOnes() {
        start(Map.of("salesforce.bulk.threshold", "50", "salesforce.mapping.lead", "job_title=Title_Code__c",
                "salesforce.item.retry.backoff.ms", "20"));
        List<SinkRecord> batch = contacts(100, i -> i % 25 == 0 ? "far-too-long" : "ok");
        java.util.Set<String> jobs = java.util.Set.copyOf(sf.bulkJobStates().keySet());
        sf.failNextBulkJobAfter(60); // rows 0..59 processed (0, 25, 50 fail), 60..99 never reached
        driver.putAndSettle(batch);
        assertEquals(List.of("Failed"), newJobStates(jobs));
        assertEquals(96, sf.org().count("Lead"), "57 written by the job, 39 of the 40 unprocessed retried");
        assertEquals(4, context.dlq.size(), "only the rows that failed, with their own error");
        context.dlq.forEach(d -> assertTrue(d.error().getMessage().contains("STRING_TOO_LONG"),
                d.error().getMessage()));
        assertEquals(0, task.metrics().getRetries(), "no second write of the batch");
    }

    @Test
    void aBulkJobThatTimesOutIsAbortedBeforeTheBatchIsRetried() throws Exception {
        List<SinkRecord> batch = contacts(100, i -> null);
        java.util.Set<String> jobs = java.util.Set.copyOf(sf.bulkJobStates().keySet());
        sf.bulkRowDelay(Duration.ofMillis(40)); // 4 s of work
        start(Map.of("salesforce.bulk.threshold", "50", "salesforce.bulk.timeout.ms", "1000",
                "salesforce.retry.backoff.ms", "5000")); // the second attempt waits, so the first one's end is seen
        driver.put(batch);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (task.metrics().getRetries() == 0 && System.nanoTime() < deadline) {
            assertTrue(!driver.settleWithin(Duration.ofMillis(50)), "not final while the job runs too long");
        }
        assertEquals(List.of("Aborted"), newJobStates(jobs), "aborted when it outlived its timeout");
        assertEquals(1, task.metrics().getRetries(), "the batch is to be written again");
        int written = sf.org().count("Lead");
        Awaitility.await("an aborted job writes nothing more").during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(2)).until(() -> sf.org().count("Lead") == written);
        assertTrue(written < 100, "aborted mid-way: " + written);

        sf.bulkRowDelay(Duration.ZERO);
        driver.settle(Duration.ofSeconds(30)); // written again: upserts are idempotent
        assertEquals(100, sf.org().count("Lead"));
    }
}

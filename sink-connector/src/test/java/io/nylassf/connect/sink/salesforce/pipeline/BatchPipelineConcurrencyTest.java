package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.common.salesforce.SalesforceClient;
import io.nylassf.connect.sink.salesforce.NylasRecords;
import io.nylassf.connect.sink.salesforce.SalesforceSinkConnectorConfig;
import io.nylassf.connect.sink.salesforce.SinkMetrics;
import io.nylassf.connect.sink.salesforce.write.BulkPolicy;
import io.nylassf.connect.sink.salesforce.write.ItemRetries;
import io.nylassf.connect.sink.salesforce.write.SalesforceWriter;
import io.nylassf.testkit.salesforce.FieldDef;
import io.nylassf.testkit.salesforce.FieldType;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.nylassf.connect.sink.salesforce.NylasRecords.contact;
import static io.nylassf.connect.sink.salesforce.NylasRecords.message;
import static io.nylassf.connect.sink.salesforce.pipeline.PlannerFixture.T1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One pipeline, one cache, batches with disjoint keys written from several threads at once (as the task's
 * accumulator does): every batch ends as if it had been written alone.
 */
class BatchPipelineConcurrencyTest {
    static SalesforceEmulator sf;

    @BeforeAll
    static void startEmulator() {
        sf = SalesforceEmulator.builder().clientCredentials("app", "secret", null).build().start();
        for (String o : List.of("Contact", "Lead", "Task", "Event", "EmailMessage")) {
            sf.org().declareField(o, FieldDef.of("Nylas_Modified_At__c", FieldType.DATETIME));
        }
    }

    @AfterAll
    static void stopEmulator() {
        sf.close();
    }

    @Test
    void batchesOnSeveralThreadsAtOnceEachWriteTheirPeopleAndActivities() throws Exception {
        sf.org().insert("Contact", Map.of("LastName", "Shared", "Email", "shared@acme.com"));
        SalesforceSinkConnectorConfig config = PlannerFixture.config(Map.of("salesforce.login.url", sf.baseUrl(),
                "salesforce.conflict.follow.own.writes", "true"));
        int threads = 8;
        int perBatch = 20;
        try (SalesforceClient client = new SalesforceClient(config.clientSettings());
             SalesforceWriter writer = new SalesforceWriter(client, 200, new BulkPolicy(10_000, Duration.ofMinutes(1)))) {
            BatchPipeline pipeline = new BatchPipeline(config, client, new ItemRetries(writer, 3,
                    Duration.ofMillis(10)), new SinkMetrics(), new LookupCache(1_000, Duration.ofHours(1)));
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<BatchResult>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<SinkRecord> batch = new ArrayList<>();
                for (int k = 0; k < perBatch; k++) {
                    String n = t + "-" + k;
                    batch.add(NylasRecords.sinkRecord("nylas.contacts", k, contact("c-" + n, "P", "L" + n,
                            "p" + n + "@beta.io", null, null, T1)));
                    // one message to the person this batch creates, one to a person every batch shares
                    batch.add(NylasRecords.sinkRecord("nylas.messages", k, message("m-" + n, "Hi " + n,
                            "me@mycorp.com", "p" + n + "@beta.io", T1, null, T1)));
                    batch.add(NylasRecords.sinkRecord("nylas.messages", k, message("s-" + n, "To shared " + n,
                            "me@mycorp.com", "shared@acme.com", T1, null, T1)));
                }
                results.add(pool.submit(() -> {
                    go.await();
                    return pipeline.write(batch);
                }));
            }
            go.countDown();
            for (Future<BatchResult> f : results) {
                BatchResult r = f.get();
                assertFalse(r.needsRetry(), String.valueOf(r.retry()));
                assertTrue(r.deadLetters().isEmpty(), r.deadLetters().toString());
            }
            pool.shutdown();
        }
        int n = threads * perBatch;
        assertEquals(n, sf.org().count("Lead"));
        assertEquals(2 * n, sf.org().count("Task"));
        for (Map<String, Object> task : sf.org().all("Task")) {
            assertTrue(task.get("WhoId") != null, "every Task names its person: " + task);
        }
        for (Map<String, Object> lead : sf.org().all("Lead")) {
            String suffix = lead.get("Nylas_Contact_Id__c").toString().substring(2);
            long tasks = sf.org().all("Task").stream().filter(t -> lead.get("Id").equals(t.get("WhoId"))).count();
            assertEquals(1, tasks, "m-" + suffix + " names its own batch's Lead");
        }
    }
}

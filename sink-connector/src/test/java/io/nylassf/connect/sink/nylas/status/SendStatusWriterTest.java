package io.nylassf.connect.sink.nylas.status;

import io.nylassf.connect.common.config.SalesforceAuthMethod;
import io.nylassf.connect.common.salesforce.SalesforceClient;
import io.nylassf.connect.common.salesforce.SalesforceSettings;
import io.nylassf.testkit.http.FaultInjector;
import io.nylassf.testkit.salesforce.FieldDef;
import io.nylassf.testkit.salesforce.Org;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The send-status writer against the Salesforce emulator: batched, coalesced, tagged, retried, never blocking. */
class SendStatusWriterTest {
    private SalesforceEmulator sf;
    private SendStatusWriter writer;
    private final TaskStatusMapping mapping = new TaskStatusMapping("Nylas_Message_Id__c", "Nylas_Sent_At__c",
            "Nylas_Send_Status__c", "Nylas_Send_Error__c");

    @BeforeEach
    void start() {
        sf = SalesforceEmulator.builder().clientCredentials("c", "s", Org.INTEGRATION_USERNAME).build().start();
    }

    @AfterEach
    void stop() {
        if (writer != null) {
            writer.close(Duration.ofSeconds(1));
        }
        sf.close();
    }

    private SendStatusWriter writer(Duration linger) {
        SalesforceClient client = new SalesforceClient(new SalesforceSettings(sf.baseUrl(), "v62.0",
                SalesforceAuthMethod.CLIENT_CREDENTIALS, "c", "s", null, null, null, Duration.ofSeconds(10),
                "nylas-kafka-sync", false, null));
        return new SendStatusWriter(client, linger);
    }

    private List<String> tasks(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(sf.org().insertAs(sf.org().repUserId(), "Task", Map.of("Subject", "t" + i,
                    "TaskSubtype", "Email")));
        }
        return ids;
    }

    @Test
    void fourHundredFiftySendsCostOneCallAndEveryTaskIsCompletedTaggedWithTheLoopGuardClient() {
        List<String> ids = tasks(450);
        writer = writer(Duration.ofMillis(1_500));
        sf.resetApiCallCount();
        sf.faults().latency(3_000, 0); // a slow org: the sends' thread must not notice
        long t0 = System.nanoTime();
        for (int i = 0; i < ids.size(); i++) {
            writer.offer(mapping.sent(ids.get(i), "msg-" + i, Instant.parse("2026-12-05T10:00:00Z")));
        }
        assertTrue(System.nanoTime() - t0 < Duration.ofMillis(1_500).toNanos(), "offer never waits for Salesforce");
        await().atMost(Duration.ofSeconds(20)).until(() -> writer.written() == 450);
        sf.faults().latency(0, 0);
        assertEquals(1, writer.calls(), "three collections of at most 200 in one Composite call");
        assertTrue(sf.apiCallCount() <= 2, "one Composite call (plus the token): " + sf.apiCallCount());
        Map<String, Object> t = sf.org().get("Task", ids.get(7));
        assertEquals("Completed", t.get("Status"));
        assertEquals("msg-7", t.get("Nylas_Message_Id__c"));
        assertEquals("Sent", t.get("Nylas_Send_Status__c"));
        assertEquals("2026-12-05T10:00:00.000+0000", String.valueOf(t.get("Nylas_Sent_At__c")));
        assertEquals(sf.org().integrationUserId(), t.get("LastModifiedById"));
        assertEquals("nylas-kafka-sync", sf.org().lastModifiedClient("Task", ids.get(7)));
    }

    @Test
    void aFailingCallIsRetriedWithBackoffAndTheNewestStatusOfATaskWins() {
        List<String> ids = tasks(2);
        writer = writer(Duration.ofMillis(100));
        sf.faults().failNext("503", 2);
        writer.offer(mapping.failed(ids.get(0), "Nylas answered 400: bad recipient", false));
        writer.offer(mapping.sent(ids.get(1), "msg-b", Instant.parse("2026-12-05T10:00:00Z")));
        await().atMost(Duration.ofSeconds(15)).until(() -> writer.written() == 2);
        assertTrue(writer.retries() >= 1, "retried: " + writer.retries());
        Map<String, Object> failed = sf.org().get("Task", ids.get(0));
        assertEquals("Failed", failed.get("Nylas_Send_Status__c"));
        assertEquals("Nylas answered 400: bad recipient", failed.get("Nylas_Send_Error__c"));
        assertEquals("Not Started", failed.get("Status"));
        // a replay's refusal after the send does not undo "Sent"
        writer.offer(mapping.failed(ids.get(1), "not_authorized: replay", true));
        assertEquals(0, writer.pending());
        assertEquals("Sent", sf.org().get("Task", ids.get(1)).get("Nylas_Send_Status__c"));
    }

    @Test
    void aTaskThatRefusesItsStatusForGoodIsCountedAndTheOthersAreWritten() {
        List<String> ids = tasks(2);
        sf.org().delete("Task", ids.get(0));
        writer = writer(Duration.ofMillis(50));
        writer.offer(mapping.sent(ids.get(0), "m0", Instant.EPOCH));
        writer.offer(mapping.sent(ids.get(1), "m1", Instant.EPOCH));
        await().atMost(Duration.ofSeconds(10)).until(() -> writer.written() == 1 && writer.failed() == 1);
        assertEquals(0, writer.pending());
        assertEquals(1, writer.calls(), "no retry of a permanent refusal");
    }
}

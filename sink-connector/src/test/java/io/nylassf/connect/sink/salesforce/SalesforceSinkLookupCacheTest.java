package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.sink.RecordingContext;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.nylassf.connect.sink.salesforce.NylasRecords.contact;
import static io.nylassf.connect.sink.salesforce.NylasRecords.event;
import static io.nylassf.connect.sink.salesforce.NylasRecords.message;
import static io.nylassf.connect.sink.salesforce.NylasRecords.sinkRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-task lookup cache against the emulator: what it spares, and that it never costs a typed value. */
class SalesforceSinkLookupCacheTest {
    static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant T2 = Instant.parse("2026-03-02T10:00:00Z");
    static final Instant T3 = Instant.parse("2026-03-03T10:00:00Z");
    static SalesforceEmulator sf;

    RecordingContext context;
    SalesforceSinkTask task;
    TaskDriver driver;
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

    @BeforeEach
    void setUp() {
        sf.org().clear();
        sf.faults().reset();
        sf.setApiUsage(0);
        sf.org().clearDuplicateRules();
        context = new RecordingContext();
        start(Map.of());
    }

    @AfterEach
    void tearDown() {
        task.stop();
    }

    void start(Map<String, String> overrides) {
        if (task != null) {
            task.stop();
        }
        Map<String, String> props = new HashMap<>(Map.of("name", "sf-cache-test", "salesforce.login.url",
                sf.baseUrl(), "salesforce.auth.method", "client_credentials", "salesforce.client.id", "app",
                "salesforce.client.secret", "secret", "salesforce.internal.domains", "mycorp.com",
                "salesforce.linger.ms", "0"));
        props.putAll(overrides);
        task = new SalesforceSinkTask();
        task.initialize(context);
        task.start(props);
        driver = new TaskDriver(task);
    }

    void put(Struct... values) {
        List<SinkRecord> records = new ArrayList<>();
        for (Struct v : values) {
            records.add(sinkRecord(NylasRecords.topicOf(v), offset++, v));
        }
        driver.putAndSettle(records);
    }

    static Map<String, Object> one(String soql) {
        List<Map<String, Object>> r = sf.org().query(soql).records();
        assertEquals(1, r.size(), soql + " -> " + r);
        return r.get(0);
    }

    @Test
    void aReplayOfWrittenRecordsMakesNoSalesforceCall() {
        sf.org().insert("Contact", Map.of("LastName", "Lee", "Email", "ann@acme.com"));
        Instant start = Instant.parse("2026-04-01T15:00:00Z");
        Struct[] batch = {
                contact("c-bob", "Bob", "Ray", "bob@beta.io", null, "CTO", T2),
                message("m-1", "Proposal", "me@mycorp.com", "ann@acme.com", T1, null, T1),
                event("e-1", "Demo", start, start.plusSeconds(3600), List.of("ann@acme.com"), null, "updated", T1)};
        put(batch);
        assertEquals(1, sf.org().count("Lead"));
        assertEquals(1, sf.org().count("Task"));
        assertEquals(1, sf.org().count("Event"));
        int changes = sf.org().changes().size();

        sf.resetApiCallCount();
        put(batch);
        // and an older version of the contact: stale, known without asking
        put(contact("c-bob", "Bob", "Ray", "bob@beta.io", null, "Older title", T1));
        assertEquals(0, sf.apiCallCount(), "a replay is answered from the cache");
        assertEquals(changes, sf.org().changes().size(), "and writes nothing");
        assertEquals("CTO", one("SELECT Title FROM Lead").get("Title"));
    }

    @Test
    void withTheCacheOffAReplayLooksUpAgain() {
        start(Map.of("salesforce.lookup.cache.max.entries", "0"));
        Struct bob = contact("c-bob", "Bob", "Ray", "bob@beta.io", null, "CTO", T1);
        put(bob);
        sf.resetApiCallCount();
        put(bob);
        assertTrue(sf.apiCallCount() > 0, "without the cache every batch reads the org");
    }

    @Test
    void aValueAPersonTypedBetweenTwoSyncsSurvivesAWarmCache() {
        for (String follow : List.of("false", "true")) {
            sf.org().clear();
            start(Map.of("salesforce.conflict.follow.own.writes", follow));
            put(contact("c-ann", "Ann", "Lee", "ann@beta.io", null, "CTO", T1));
            String id = one("SELECT Id FROM Lead WHERE Nylas_Contact_Id__c = 'c-ann'").get("Id").toString();
            // the cache now holds c-ann at T1; a rep types a title in Salesforce
            sf.org().updateAs(sf.org().repUserId(), "Lead", id, Map.of("Title", "Typed VP"));

            sf.clearServedQueries();
            put(contact("c-ann", "Ann", "Lee", "ann@beta.io", null, "CEO", T2));
            assertTrue(sf.servedQueries().stream().anyMatch(q -> q.contains("'c-ann'")),
                    "a newer change reads the record, whatever the cache holds: " + sf.servedQueries());
            Map<String, Object> lead = one("SELECT Title, Nylas_Modified_At__c FROM Lead");
            assertEquals("Typed VP", lead.get("Title"), "follow.own.writes=" + follow);
            assertTrue(lead.get("Nylas_Modified_At__c").toString().startsWith("2026-03-02T10:00:00"),
                    lead.toString());

            // and the entry the second sync left is the new stamp: its replay is skipped, a newer one read again
            sf.resetApiCallCount();
            put(contact("c-ann", "Ann", "Lee", "ann@beta.io", null, "CEO", T2));
            assertEquals(0, sf.apiCallCount());
            sf.clearServedQueries();
            put(contact("c-ann", "Ann", "Lee", "ann@beta.io", null, "CFO", T3));
            assertTrue(sf.servedQueries().stream().anyMatch(q -> q.contains("'c-ann'")));
        }
    }

    @Test
    void aRepeatedSenderNeedsNoEmailQuery() {
        String ann = sf.org().insert("Contact", Map.of("LastName", "Lee", "Email", "ann@acme.com"));
        put(message("m-1", "First", "ann@acme.com", "me@mycorp.com", T1, null, T1));
        sf.clearServedQueries();

        put(message("m-2", "Second", "ann@acme.com", "me@mycorp.com", T2, null, T2));
        List<String> queries = sf.servedQueries();
        assertFalse(queries.isEmpty(), "the new message's own Task is still looked up");
        assertTrue(queries.stream().noneMatch(q -> q.contains("ann@acme.com")), "no email query: " + queries);
        assertEquals(ann, one("SELECT WhoId FROM Task WHERE Nylas_Message_Id__c = 'm-2'").get("WhoId"));
    }

    @Test
    void aDeadLetteredRecordIsForgottenSoItsNextChangeIsLookedUpAfresh() {
        start(Map.of("salesforce.item.retry.max.attempts", "1"));
        Struct t1 = contact("c-ann", "Ann", "Lee", "ann@beta.io", null, "CTO", T1);
        put(t1);
        sf.clearServedQueries();
        put(t1);
        assertTrue(sf.servedQueries().isEmpty(), "the entry is warm");

        sf.org().lockRecords("c-ann"); // held by another transaction: the update fails for good
        put(contact("c-ann", "Ann", "Lee", "ann@beta.io", null, "CEO", T2));
        assertEquals(1, context.dlq.size(), context.reasons());

        sf.clearServedQueries();
        put(t1);
        assertFalse(sf.servedQueries().isEmpty(), "after a dead letter the cache no longer vouches for c-ann");
    }

    @Test
    void aCachedPersonMergedAwayMeanwhileIsAskedForAgainNotDeadLettered() {
        String ann = sf.org().insert("Contact", Map.of("LastName", "Lee", "Email", "ann@acme.com"));
        put(message("m-1", "First", "ann@acme.com", "me@mycorp.com", T1, null, T1));
        assertEquals(ann, one("SELECT WhoId FROM Task WHERE Nylas_Message_Id__c = 'm-1'").get("WhoId"));
        // a merge in Salesforce: the Contact the cache knows is gone, another holds the email
        sf.org().delete("Contact", ann);
        String survivor = sf.org().insert("Contact", Map.of("LastName", "Lee", "Email", "ann@acme.com"));

        Struct m2 = message("m-2", "Second", "ann@acme.com", "me@mycorp.com", T2, null, T2);
        put(m2); // written again (after a backoff), asking for the email afresh, rather than dead-lettered
        assertEquals(1, task.metrics().getRetries(), "one more attempt of the batch");
        assertEquals(survivor, one("SELECT WhoId FROM Task WHERE Nylas_Message_Id__c = 'm-2'").get("WhoId"));
        assertEquals(0, context.dlq.size(), context.reasons());
    }
}

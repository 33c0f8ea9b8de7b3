package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.sink.RecordingContext;
import io.nylassf.connect.common.loop.LoopGuard;
import io.nylassf.connect.common.schema.NylasSchemas;
import io.nylassf.connect.common.time.Timestamps;
import io.nylassf.testkit.http.FaultInjector;
import io.nylassf.testkit.salesforce.FieldDef;
import io.nylassf.testkit.salesforce.FieldType;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.nylassf.connect.sink.salesforce.NylasRecords.contact;
import static io.nylassf.connect.sink.salesforce.NylasRecords.event;
import static io.nylassf.connect.sink.salesforce.NylasRecords.message;
import static io.nylassf.connect.sink.salesforce.NylasRecords.withHeaders;
import static io.nylassf.connect.sink.salesforce.NylasRecords.withRecipients;
import static io.nylassf.connect.sink.salesforce.NylasRecords.sinkRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The task end to end against the Salesforce emulator over HTTP, one rule per test. */
class SalesforceSinkTaskTest {
    static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant T2 = Instant.parse("2026-03-02T10:00:00Z");
    static SalesforceEmulator sf;

    RecordingContext context;
    SalesforceSinkTask task;
    TaskDriver driver;
    long offset;

    @BeforeAll
    static void startEmulator() {
        sf = SalesforceEmulator.builder().clientCredentials("app", "secret", null).build().start();
        declareCustomFields(sf);
    }

    /** The fields an admin creates (docs/salesforce-sink.md): the modified-at stamp on every written object. */
    static void declareCustomFields(SalesforceEmulator sf) {
        for (String o : List.of("Contact", "Lead", "Task", "Event", "EmailMessage")) {
            sf.org().declareField(o, FieldDef.of("Nylas_Modified_At__c", FieldType.DATETIME));
        }
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
        sf.org().addDuplicateRule("Contact", "Email", "Contact", "Lead");
        sf.org().addDuplicateRule("Lead", "Email", "Lead", "Contact");
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
        Map<String, String> props = new HashMap<>(Map.of("name", "sf-sink-test", "salesforce.login.url", sf.baseUrl(),
                "salesforce.auth.method", "client_credentials", "salesforce.client.id", "app",
                "salesforce.client.secret", "secret", "salesforce.internal.domains", "mycorp.com",
                "salesforce.api.budget.check.interval.ms", "100", "salesforce.linger.ms", "0"));
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
    void contactsBecomeContactsUnderTheirAccountOrLeadsAndReplaysChangeNothing() {
        String acme = sf.org().insert("Account", Map.of("Name", "Acme", "Website", "https://www.acme.com/"));
        Struct ann = contact("c-ann", "Ann", "Lee", "ann@acme.com", "Acme Inc", "CTO", T1);
        Struct bob = contact("c-bob", "Bob", null, "bob@beta.io", null, null, T1);
        put(ann, bob);
        Map<String, Object> c = one("SELECT Id, AccountId, LastName, Title, Nylas_Modified_At__c FROM Contact "
                + "WHERE Nylas_Contact_Id__c = 'c-ann'");
        assertEquals(acme, c.get("AccountId"));
        assertEquals("CTO", c.get("Title"));
        Map<String, Object> lead = one("SELECT LastName, Company FROM Lead WHERE Nylas_Contact_Id__c = 'c-bob'");
        assertEquals("bob", lead.get("LastName"), "LastName falls back to the email local part");
        assertEquals("beta.io", lead.get("Company"), "Company falls back to the domain");
        assertEquals("nylas-kafka-sync",
                sf.org().lastModifiedClient("Contact", (String) c.get("Id")));

        int changes = sf.org().changes().size();
        put(ann, bob);
        put(ann, bob);
        assertEquals(changes, sf.org().changes().size(), "a replay writes nothing");
        assertEquals(1, sf.org().count("Contact"));
        assertEquals(1, sf.org().count("Lead"));
    }

    @Test
    void schemalessJsonMapsAreReadLikeStructs() {
        driver.putAndSettle(List.of(NylasRecords.sinkRecord("nylas.contacts", offset++,
                NylasRecords.contactMap("c-map", "Map", "Person", "map@gamma.org", T1))));
        assertEquals("Person", one("SELECT LastName FROM Lead WHERE Nylas_Contact_Id__c = 'c-map'").get("LastName"));
    }

    @Test
    void aValueSomeoneTypedIsNeverOverwrittenButEmptyFieldsAreFilled() {
        String id = sf.org().insertAs(sf.org().repUserId(), "Contact", Map.of("LastName", "Lee", "Email",
                "ann@acme.com", "Title", "Typed VP"));
        put(contact("c-ann", "Ann", "Lee", "ann@acme.com", null, "CTO", T1));
        Map<String, Object> c = one("SELECT Id, Title, FirstName, Nylas_Contact_Id__c FROM Contact");
        assertEquals(id, c.get("Id"), "matched by email, not created again");
        assertEquals("Typed VP", c.get("Title"));
        assertEquals("Ann", c.get("FirstName"));
        assertEquals("c-ann", c.get("Nylas_Contact_Id__c"), "linked for the next time");
        // the sink was the last writer now (it filled FirstName), yet the typed Title still wins by default
        put(contact("c-ann", "Ann", "Lee", "ann@acme.com", null, "CEO", T2));
        assertEquals("Typed VP", one("SELECT Title FROM Contact").get("Title"));
    }

    @Test
    void withFollowOwnWritesFieldsTheSinkFilledFollowNylasUntilSomeoneEditsTheRecord() {
        start(Map.of("salesforce.conflict.follow.own.writes", "true"));
        // the sink creates the Lead: its values are the sink's
        put(contact("c-1", "Ann", "Lee", "ann@beta.io", null, "CTO", T1));
        Map<String, Object> lead = one("SELECT Id, Title, LastModifiedById FROM Lead");
        assertEquals(sf.org().integrationUserId(), lead.get("LastModifiedById"));
        // a later Nylas change to a field that is not Nylas-owned is applied: nobody typed since our write
        put(contact("c-1", "Ann", "Lee", "ann@beta.io", null, "CEO", T2));
        assertEquals("CEO", one("SELECT Title FROM Lead").get("Title"));
        // a rep edits the record in Salesforce: from now on typed values win, empty ones are still filled
        String id = lead.get("Id").toString();
        sf.org().updateAs(sf.org().repUserId(), "Lead", id, Map.of("Title", "Typed title", "FirstName", ""));
        put(contact("c-1", "Annie", "Lee", "ann@beta.io", null, "CFO", T2.plusSeconds(60)));
        Map<String, Object> after = one("SELECT Title, FirstName FROM Lead");
        assertEquals("Typed title", after.get("Title"));
        assertEquals("Annie", after.get("FirstName"), "an emptied field is filled");
    }

    @Test
    void outOfOrderUpdatesEndWithTheNewestValues() {
        start(Map.of("salesforce.nylas.owned.fields.contact", "Title"));
        put(contact("c-1", "A", "B", "a@acme.com", null, "Newer title", T2));
        put(contact("c-1", "A", "B", "a@acme.com", null, "Older title", T1));
        assertEquals("Newer title", one("SELECT Title FROM Lead").get("Title"));

        Instant s = Instant.parse("2026-04-01T15:00:00Z");
        // in one batch, and across batches, reversed
        put(event("e-1", "v2", s, s.plusSeconds(3600), List.of(), null, "updated", T2),
                event("e-1", "v1", s, s.plusSeconds(1800), List.of(), null, "updated", T1));
        put(event("e-1", "v1", s, s.plusSeconds(1800), List.of(), null, "updated", T1));
        Map<String, Object> e = one("SELECT Subject, EndDateTime FROM Event");
        assertEquals("v2", e.get("Subject"));
        assertTrue(e.get("EndDateTime").toString().startsWith("2026-04-01T16:00:00"), e.toString());
    }

    @Test
    void messagesBecomeCompletedTasksLinkedToThePersonAndAccount() {
        String acme = sf.org().insert("Account", Map.of("Name", "Acme", "Website", "acme.com"));
        String ann = sf.org().insert("Contact", Map.of("LastName", "Lee", "Email", "ann@acme.com", "AccountId", acme));
        put(message("m-1", "Proposal", "me@mycorp.com", "ANN@acme.com", T1, null, T1),
                message("m-2", "Nobody", "me@mycorp.com", "stranger@nowhere.net", T1, null, T1));
        Map<String, Object> t = one("SELECT WhoId, WhatId, Status, TaskSubtype, Subject, ActivityDate FROM Task");
        assertEquals(ann, t.get("WhoId"));
        assertEquals(acme, t.get("WhatId"));
        assertEquals("Completed", t.get("Status"));
        assertEquals("Email", t.get("TaskSubtype"));
        assertEquals("2026-03-01", t.get("ActivityDate"));
    }

    @Test
    void unmatchedMessagesCanCreateALeadFirstOrGoToTheDlq() {
        start(Map.of("behavior.on.unmatched.message", "create_lead"));
        put(message("m-1", "Hello", "zoe@newco.com", "me@mycorp.com", T1, null, T1));
        Map<String, Object> lead = one("SELECT Id, LastName, Company FROM Lead WHERE Email = 'zoe@newco.com'");
        assertEquals(lead.get("Id"), one("SELECT WhoId FROM Task").get("WhoId"));

        start(Map.of("behavior.on.unmatched.message", "fail"));
        put(message("m-2", "Hello", "me@mycorp.com", "who@unknown.org", T1, null, T1));
        assertEquals(1, context.dlq.size());
        assertTrue(context.dlq.get(0).error().getMessage().startsWith("NO_MATCHING_PERSON"));
    }

    @Test
    void aTaggedMessageLinksToItsTaskInsteadOfDuplicating() {
        String ann = sf.org().insert("Contact", Map.of("LastName", "Lee", "Email", "ann@acme.com"));
        String taskId = sf.org().insert("Task", Map.of("Subject", "Sent from Salesforce", "WhoId", ann,
                "Status", "Completed"));
        put(message("m-out", "Sent from Salesforce", "me@mycorp.com", "ann@acme.com", T1,
                Map.of(LoopGuard.METADATA_KEY, LoopGuard.tag(taskId)), T1));
        assertEquals(1, sf.org().count("Task"));
        Map<String, Object> t = one("SELECT Id, Nylas_Message_Id__c, Subject FROM Task");
        assertEquals("m-out", t.get("Nylas_Message_Id__c"));
        assertEquals("Sent from Salesforce", t.get("Subject"));
        int changes = sf.org().changes().size();
        put(message("m-out", "Sent from Salesforce", "me@mycorp.com", "ann@acme.com", T1,
                Map.of(LoopGuard.METADATA_KEY, LoopGuard.tag(taskId)), T1));
        assertEquals(changes, sf.org().changes().size());
    }

    @Test
    void aLoopGuardHeaderFromAnOutsideSenderLinksNothing() {
        // anyone can put a custom header on an email; only Nylas metadata, which only our sends write, is trusted
        String ann = sf.org().insert("Contact", Map.of("LastName", "Lee", "Email", "ann@acme.com"));
        String victim = sf.org().insert("Task", Map.of("Subject", "Quarterly pricing", "WhoId", ann,
                "Status", "Completed"));
        Struct hostile = message("m-hostile", "Overwrite me", "ann@acme.com", "me@mycorp.com", T1, null, T1)
                .put("headers", List.of(new Struct(NylasSchemas.HEADER).put("name", LoopGuard.HEADER)
                        .put("value", LoopGuard.tag(victim))));
        put(hostile);
        assertEquals(2, sf.org().count("Task"), "a new Task, not the named one");
        assertEquals(null, sf.org().get("Task", victim).get("Nylas_Message_Id__c"));
        assertEquals("Quarterly pricing", sf.org().get("Task", victim).get("Subject"));
    }

    @Test
    void duplicatesInTheOrgUpdateTheMostRecentlyModifiedRecord() throws Exception {
        sf.org().clearDuplicateRules();
        String older = sf.org().insert("Contact", Map.of("LastName", "Old", "Email", "dup@acme.com"));
        // the newer record needs a later LastModifiedDate: wait for the clock to pass the older one's
        Instant olderStamp = Timestamps.parseInstant(String.valueOf(sf.org().get("Contact", older).get("LastModifiedDate")));
        Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(1))
                .until(() -> Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(olderStamp));
        String newer = sf.org().insert("Contact", Map.of("LastName", "New", "Email", "dup@acme.com"));
        put(contact("c-dup", "Dee", "Up", "dup@acme.com", null, "CEO", T1));
        assertEquals(2, sf.org().count("Contact"));
        assertEquals("c-dup", sf.org().get("Contact", newer).get("Nylas_Contact_Id__c"));
        assertEquals(null, sf.org().get("Contact", older).get("Nylas_Contact_Id__c"));
    }

    @Test
    void duplicatesDetectedResolvesToTheMatchedRecord() {
        sf.org().addDuplicateRule("Lead", "Phone", "Lead");
        Struct p = contact("c-phone", "Pat", "Doe", "pat@other.org", null, null, T1);
        String phone = ((Struct) p.getArray("phone_numbers").get(0)).getString("number");
        String existing = sf.org().insert("Lead", Map.of("LastName", "Doe", "Company", "X", "Phone", phone));
        put(p);
        assertEquals(1, sf.org().count("Lead"));
        Map<String, Object> lead = sf.org().get("Lead", existing);
        assertEquals("c-phone", lead.get("Nylas_Contact_Id__c"));
        assertEquals("pat@other.org", lead.get("Email"));
    }

    @Test
    void poisonRecordsReachTheDlqWithReasonsWhileTheRestLands() {
        sf.org().declareField("Task", FieldDef.text("Thread__c", 5));
        start(Map.of("salesforce.mapping.task", "thread_id=Thread__c", "behavior.on.unmatched.message", "skip"));
        sf.org().insert("Contact", Map.of("LastName", "Lee", "Email", "ann@acme.com"));
        Struct badWhen = event("e-bad", "No when", T1, T1, List.of(), null, "updated", T1).put("when", null);
        List<SinkRecord> records = new ArrayList<>(List.of(
                sinkRecord("nylas.messages", offset++, message("m-ok", "Fine", "me@mycorp.com", "ann@acme.com", T1,
                        null, T1).put("thread_id", "t1")),
                sinkRecord("nylas.messages", offset++, message("m-long", "Too long", "me@mycorp.com", "ann@acme.com",
                        T1, null, T1).put("thread_id", "thread-id-too-long")),
                sinkRecord("nylas.events", offset++, badWhen),
                new SinkRecord("nylas.contacts", 0, null, null, null, "not a record", offset++)));
        driver.putAndSettle(records);
        assertEquals(1, sf.org().count("Task"));
        assertEquals(3, context.dlq.size());
        List<String> reasons = context.dlq.stream().map(d -> d.error().getMessage()).toList();
        // records that cannot be read are dead-lettered before the batch is written, in their order
        assertTrue(reasons.get(0).startsWith("MISSING_WHEN"), reasons.toString());
        assertTrue(reasons.get(1).startsWith("UNSUPPORTED_VALUE"), reasons.toString());
        assertTrue(reasons.get(2).contains("STRING_TOO_LONG"), reasons.toString());
    }

    @Test
    void withoutADlqABadRecordFailsTheTaskClearly() {
        context.withDlq = false;
        start(Map.of());
        ConnectException e = assertThrows(ConnectException.class, () -> driver.putAndSettle(List.of(
                new SinkRecord("nylas.contacts", 0, null, null, null, "junk", offset++))));
        assertTrue(e.getMessage().contains("errors.tolerance=all"), e.getMessage());
    }

    @Test
    void tokenExpiryMidRunIsInvisible() {
        put(contact("c-1", "A", "B", "a@acme.com", null, null, T1));
        sf.expireAllTokens();
        put(contact("c-2", "C", "D", "c@acme.com", null, null, T1));
        assertEquals(2, sf.org().count("Lead"));
    }

    @Test
    void aTransientFailureHoldsTheBatchBackThenWritesItAgainAfterABackoff() {
        put(contact("c-0", "A", "B", "z@acme.com", null, null, T1)); // logged in
        sf.faults().failNext(FaultInjector.UNABLE_TO_LOCK_ROW, 1);
        Struct c = contact("c-1", "A", "B", "a@acme.com", null, null, T1);
        driver.put(List.of(sinkRecord("nylas.contacts", offset++, c)));
        assertTrue(!driver.settleWithin(java.time.Duration.ofMillis(300)), "held back during the 1 s backoff");
        assertEquals(1, sf.org().count("Lead"));
        assertEquals(1, task.metrics().getRetries());
        assertTrue(context.timeouts.stream().anyMatch(t -> t >= 500), "Connect is asked back after the backoff: "
                + context.timeouts);
        driver.settle(java.time.Duration.ofSeconds(10));
        assertEquals(2, sf.org().count("Lead"));
    }

    @Test
    void requestLimitExceededPausesAndResumes() {
        sf.setApiUsage(sf.dailyApiLimit());
        Struct c = contact("c-1", "A", "B", "a@acme.com", null, null, T1);
        driver.put(List.of(sinkRecord("nylas.contacts", offset++, c)));
        assertTrue(!driver.settleWithin(java.time.Duration.ofMillis(500)), "nothing is final while there is no room");
        assertEquals(0, sf.org().count("Lead"));
        sf.setApiUsage(0);
        driver.settle(java.time.Duration.ofSeconds(10));
        assertEquals(1, sf.org().count("Lead"));
    }

    @Test
    void aFullBufferPausesItsPartitionsUntilHalfOfItIsWritten() {
        start(Map.of("salesforce.buffer.max.records", "4"));
        sf.setApiUsage(sf.dailyApiLimit()); // nothing can be written for now
        List<SinkRecord> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(sinkRecord("nylas.contacts", offset++, contact("c-" + i, "A", "B" + i, "a" + i + "@acme.com",
                    null, null, T1)));
        }
        driver.put(six);
        assertTrue(!driver.settleWithin(java.time.Duration.ofMillis(400)), "held while there is no room");
        assertEquals(java.util.Set.of(new org.apache.kafka.common.TopicPartition("nylas.contacts", 0)), context.paused,
                "the consumer stops fetching while the task holds a full buffer");
        sf.setApiUsage(0);
        driver.settle(java.time.Duration.ofSeconds(10));
        assertEquals(java.util.Set.of(), context.paused, "resumed once written");
        assertEquals(6, sf.org().count("Lead"));
    }

    @Test
    void preCommitAnswersOnlyForPartitionsTheTaskOwnsAndNeverForARevokedOnesLingeringRecords() {
        start(Map.of("salesforce.linger.ms", "60000"));
        org.apache.kafka.common.TopicPartition p0 = new org.apache.kafka.common.TopicPartition("nylas.contacts", 0);
        org.apache.kafka.common.TopicPartition p1 = new org.apache.kafka.common.TopicPartition("nylas.contacts", 1);
        context.assignment.addAll(List.of(p0, p1));
        Struct a = contact("c-a", "A", "B", "a@acme.com", null, null, T1);
        Struct b = contact("c-b", "C", "D", "b@acme.com", null, null, T1);
        task.put(List.of(new SinkRecord("nylas.contacts", 0, null, "c-a", a.schema(), a, 10),
                new SinkRecord("nylas.contacts", 1, null, "c-b", b.schema(), b, 20)));
        Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> current =
                Map.of(p0, new org.apache.kafka.clients.consumer.OffsetAndMetadata(11),
                        p1, new org.apache.kafka.clients.consumer.OffsetAndMetadata(21));
        var committable = task.preCommit(new HashMap<>(current));
        assertEquals(10, committable.get(p0).offset(), "lingering: not committed");
        assertEquals(20, committable.get(p1).offset());

        task.close(List.of(p1)); // a rebalance revokes p1; Connect's current map may still name it
        context.assignment.remove(p1);
        committable = task.preCommit(new HashMap<>(current));
        assertEquals(java.util.Set.of(p0), committable.keySet());
        assertEquals(10, committable.get(p0).offset());
    }

    @Test
    void theReserveIsLeftAlone() {
        put(contact("c-1", "A", "B", "a@acme.com", null, null, T1));
        sf.setApiUsage(sf.dailyApiLimit() - 100); // under 10 % left
        put(contact("c-2", "C", "D", "c@acme.com", null, null, T1)); // this flush learns it
        long calls = sf.apiCallCount();
        driver.put(List.of(sinkRecord("nylas.contacts", offset++, contact("c-3", "E", "F", "e@acme.com", null, null,
                T1))));
        assertTrue(!driver.settleWithin(java.time.Duration.ofMillis(250)), "held while under the reserve");
        assertTrue(sf.apiCallCount() - calls <= 3, "only /limits probes, one per check interval: "
                + (sf.apiCallCount() - calls));
        sf.setApiUsage(0);
        driver.settle(java.time.Duration.ofSeconds(10));
        assertEquals(3, sf.org().count("Lead"));
    }

    @Test
    void deletedEventsAreDeletedOrMarked() {
        Instant s = Instant.parse("2026-04-01T15:00:00Z");
        put(event("e-1", "Demo", s, s.plusSeconds(3600), List.of(), null, "updated", T1));
        put(event("e-1", "Demo", s, s.plusSeconds(3600), List.of(), null, NylasSchemas.DELETED, T2));
        assertEquals(0, sf.org().count("Event"));

        start(Map.of("behavior.on.deleted.event", "mark"));
        put(event("e-2", "Demo", s, s.plusSeconds(3600), List.of(), null, "updated", T1));
        put(event("e-2", "Demo", s, s.plusSeconds(3600), List.of(), null, "updated", T2).put("status", "cancelled"));
        assertEquals("Cancelled: Demo", one("SELECT Subject FROM Event").get("Subject"));
    }

    @Test
    void eventsLinkAttendeesAndTaggedEventsLink() {
        String ann = sf.org().insert("Contact", Map.of("LastName", "Lee", "Email", "ann@acme.com"));
        String sfEvent = sf.org().insert("Event", Map.of("Subject", "From SF", "StartDateTime", T1, "EndDateTime",
                T1.plusSeconds(600)));
        Instant s = Instant.parse("2026-04-01T15:00:00Z");
        put(event("e-1", "Meet", s, s.plusSeconds(3600), List.of("me@mycorp.com", "ann@acme.com"), null, "updated", T1),
                event("e-2", "From SF", T1, T1.plusSeconds(600), List.of(), Map.of("key1", LoopGuard.tag(sfEvent)),
                        "updated", T1));
        assertEquals(ann, one("SELECT WhoId FROM Event WHERE Nylas_Event_Id__c = 'e-1'").get("WhoId"));
        assertEquals(sfEvent, one("SELECT Id FROM Event WHERE Nylas_Event_Id__c = 'e-2'").get("Id"));
        assertEquals(2, sf.org().count("Event"));
    }

    @Test
    void bulkModeAboveTheThresholdCommitsOnlyAfterTheJob() {
        start(Map.of("salesforce.bulk.threshold", "50"));
        List<Struct> batch = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            batch.add(contact("c-" + i, "P", "N" + i, "p" + i + "@acme.com", null, null, T1));
        }
        long calls = sf.apiCallCount();
        put(batch.toArray(new Struct[0]));
        assertEquals(120, sf.org().count("Lead"), "written before put returned");
        assertTrue(sf.apiCallCount() - calls < 20);
        put(batch.toArray(new Struct[0]));
        assertEquals(120, sf.org().count("Lead"));
    }

    @Test
    void bulkFailedRowsReachTheDlqAndOnlyNeededResultsAreDownloaded() {
        sf.org().declareField("Lead", FieldDef.text("Title_Code__c", 5));
        start(Map.of("salesforce.bulk.threshold", "50", "salesforce.mapping.lead", "job_title=Title_Code__c"));
        List<SinkRecord> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(sinkRecord("nylas.contacts", offset++, contact("c-" + i, "P", "N" + i, "p" + i + "@beta.io",
                    null, i % 25 == 0 ? "far-too-long" : "ok", T1)));
        }
        long calls = sf.apiCallCount();
        driver.putAndSettle(batch);
        assertEquals(96, sf.org().count("Lead"));
        assertEquals(4, context.dlq.size());
        context.dlq.forEach(d -> assertTrue(d.error().getMessage().contains("STRING_TOO_LONG"), d.error().getMessage()));
        // lookups (1 Composite) + create, upload, close, one poll, failedResults; no successfulResults download
        assertEquals(6, sf.apiCallCount() - calls);

        calls = sf.apiCallCount();
        List<SinkRecord> fresh = new ArrayList<>();
        for (int i = 100; i < 160; i++) {
            fresh.add(sinkRecord("nylas.contacts", offset++, contact("c-" + i, "P", "N" + i, "p" + i + "@beta.io",
                    null, "ok", T1)));
        }
        driver.putAndSettle(fresh);
        assertEquals(156, sf.org().count("Lead"));
        assertEquals(5, sf.apiCallCount() - calls, "no failedResults either when nothing failed");
        assertEquals(156, sf.org().query("SELECT Id FROM Lead WHERE Title_Code__c = 'ok'").totalSize());
    }

    @Test
    void accountCreationMakesOneAccountPerCompanyDomainAndLinksTheContacts() {
        start(Map.of("salesforce.account.create", "true"));
        String existing = sf.org().insert("Account", Map.of("Name", "Acme", "Website", "acme.com"));
        put(contact("c-1", "Ann", "Lee", "ann@newco.io", "NewCo Ltd", null, T1),
                contact("c-2", "Bo", "Ng", "bo@newco.io", null, null, T1),
                contact("c-3", "Cy", "Ho", "cy@www2.other.org", null, null, T1),
                contact("c-4", "Di", "Wu", "di@acme.com", null, null, T1),
                contact("c-5", "Ed", "Po", "ed@gmail.com", null, null, T1),
                contact("c-6", "Me", "Us", "me@mycorp.com", null, null, T1));
        Map<String, Object> newco = one("SELECT Id, Name, Website FROM Account WHERE Website = 'newco.io'");
        assertEquals("NewCo Ltd", newco.get("Name"), "named after company_name");
        assertEquals("www2.other.org", one("SELECT Name FROM Account WHERE Website = 'www2.other.org'").get("Name"),
                "named after the domain without company_name");
        assertEquals(3, sf.org().count("Account"), "one per new company domain; free-mail and internal create none: "
                + sf.org().all("Account"));
        assertEquals(newco.get("Id"), one("SELECT AccountId FROM Contact WHERE Nylas_Contact_Id__c = 'c-1'")
                .get("AccountId"));
        assertEquals(newco.get("Id"), one("SELECT AccountId FROM Contact WHERE Nylas_Contact_Id__c = 'c-2'")
                .get("AccountId"));
        assertEquals(existing, one("SELECT AccountId FROM Contact WHERE Nylas_Contact_Id__c = 'c-4'").get("AccountId"));
        assertEquals(2, sf.org().count("Lead"), "free-mail and internal people stay Leads");
        // replay: no second Account, nothing new
        put(contact("c-1", "Ann", "Lee", "ann@newco.io", "NewCo Ltd", null, T1));
        assertEquals(3, sf.org().count("Account"));
        assertEquals(4, sf.org().count("Contact"), "c-1..c-4 under their Accounts");
    }

    @Test
    void taskWhatOpportunityRelatesActivitiesToTheNewestOpenOpportunity() {
        start(Map.of("salesforce.task.what", "opportunity"));
        String acme = sf.org().insert("Account", Map.of("Name", "Acme", "Website", "acme.com"));
        String ann = sf.org().insert("Contact", Map.of("LastName", "Lee", "Email", "ann@acme.com", "AccountId", acme));
        String bob = sf.org().insert("Contact", Map.of("LastName", "Bo", "Email", "bob@acme.com", "AccountId", acme));
        String won = sf.org().insert("Opportunity", Map.of("Name", "Won", "StageName", "Closed Won", "CloseDate",
                "2026-01-01", "AccountId", acme));
        String open = sf.org().insert("Opportunity", Map.of("Name", "Open", "StageName", "Prospecting", "CloseDate",
                "2026-06-01", "AccountId", acme));
        sf.org().insert("OpportunityContactRole", Map.of("OpportunityId", won, "ContactId", ann));
        sf.org().insert("OpportunityContactRole", Map.of("OpportunityId", open, "ContactId", ann));
        put(message("m-1", "Hi Ann", "me@mycorp.com", "ann@acme.com", T1, null, T1),
                message("m-2", "Hi Bob", "me@mycorp.com", "bob@acme.com", T1, null, T1),
                event("e-1", "Demo", T1, T1.plusSeconds(1800), List.of("ann@acme.com"), null, "updated", T1));
        Map<String, Object> t1 = one("SELECT WhoId, WhatId FROM Task WHERE Nylas_Message_Id__c = 'm-1'");
        assertEquals(ann, t1.get("WhoId"));
        assertEquals(open, t1.get("WhatId"), "the open Opportunity, not the closed one");
        assertEquals(acme, one("SELECT WhatId FROM Task WHERE Nylas_Message_Id__c = 'm-2'").get("WhatId"),
                "no open Opportunity: the Account");
        assertEquals(bob, one("SELECT WhoId FROM Task WHERE Nylas_Message_Id__c = 'm-2'").get("WhoId"));
        assertEquals(open, one("SELECT WhatId FROM Event WHERE Nylas_Event_Id__c = 'e-1'").get("WhatId"));
    }

    @Test
    void emailMessageModeWritesEmailMessagesOnceRelatedToThePerson() {
        start(Map.of("salesforce.message.target", "email_message"));
        String acme = sf.org().insert("Account", Map.of("Name", "Acme", "Website", "acme.com"));
        String ann = sf.org().insert("Contact", Map.of("LastName", "Lee", "Email", "ann@acme.com", "AccountId", acme));
        String lead = sf.org().insert("Lead", Map.of("LastName", "Ko", "Company", "Beta", "Email", "ko@beta.io"));
        put(message("m-1", "Proposal", "me@mycorp.com", "ann@acme.com", T1, null, T1),
                message("m-2", "Hello", "ko@beta.io", "me@mycorp.com", T1, null, T1));
        assertEquals(0, sf.org().count("Task"));
        Map<String, Object> em = one("SELECT Subject, HtmlBody, TextBody, FromAddress, ToAddress, MessageDate, "
                + "Status, RelatedToId, ThreadIdentifier FROM EmailMessage WHERE Nylas_Message_Id__c = 'm-1'");
        assertEquals("Proposal", em.get("Subject"));
        assertEquals("me@mycorp.com", em.get("FromAddress"));
        assertTrue(String.valueOf(em.get("ToAddress")).contains("ann@acme.com"), em.toString());
        assertEquals("3", em.get("Status"));
        assertEquals(acme, em.get("RelatedToId"), "the Contact's Account");
        assertTrue(String.valueOf(em.get("HtmlBody")).contains("Body of Proposal"), em.toString());
        assertNotNull(em.get("MessageDate"));
        assertNull(one("SELECT RelatedToId FROM EmailMessage WHERE Nylas_Message_Id__c = 'm-2'")
                .get("RelatedToId"), "a Lead has no Account, and a person never goes in RelatedToId");
        assertEquals(lead, one("SELECT RelationId FROM EmailMessageRelation WHERE RelationType = 'FromAddress' "
                + "AND EmailMessage.Nylas_Message_Id__c = 'm-2'").get("RelationId"), "the Lead, as the sender");
        assertEquals(ann, one("SELECT RelationId FROM EmailMessageRelation WHERE RelationType = 'ToAddress' "
                + "AND EmailMessage.Nylas_Message_Id__c = 'm-1'").get("RelationId"));
        // replay and a later change: an EmailMessage is never updated
        put(message("m-1", "Proposal v2", "me@mycorp.com", "ann@acme.com", T1, null, T2));
        assertEquals(2, sf.org().count("EmailMessage"));
        assertEquals("Proposal", one("SELECT Subject FROM EmailMessage WHERE Nylas_Message_Id__c = 'm-1'")
                .get("Subject"));
        assertTrue(ann.startsWith("003"));
        assertEquals(2, sf.org().count("EmailMessageRelation"), "a replay adds no relation");
    }

    @Test
    void emailMessageModeLinksEveryPersonOnceAndOneEmailIsOneEmailMessage() {
        start(Map.of("salesforce.message.target", "email_message"));
        String acme = sf.org().insert("Account", Map.of("Name", "Acme", "Website", "acme.com"));
        String ann = sf.org().insert("Contact", Map.of("LastName", "Lee", "Email", "ann@acme.com", "AccountId", acme));
        String ko = sf.org().insert("Lead", Map.of("LastName", "Ko", "Company", "Beta", "Email", "ko@beta.io"));
        String rep = sf.org().repUserId();
        String repEmail = String.valueOf(sf.org().get("User", rep).get("Email"));
        Struct mine = withHeaders(withRecipients(message("m-1", "Proposal", "ann@acme.com", "ko@beta.io", T1, null,
                T1), List.of(repEmail), List.of()), "Message-ID", "<prop-1@acme.com>");
        put(mine);
        Map<String, Object> em = one("SELECT Id, MessageIdentifier, RelatedToId FROM EmailMessage");
        assertEquals("<prop-1@acme.com>", em.get("MessageIdentifier"));
        assertEquals(acme, em.get("RelatedToId"));
        List<String> relations = sf.org().query("SELECT RelationType, RelationId, RelationObjectType FROM "
                + "EmailMessageRelation WHERE EmailMessageId = '" + em.get("Id") + "' ORDER BY RelationObjectType")
                .records().stream().map(r -> r.get("RelationType") + " " + r.get("RelationObjectType")).toList();
        assertEquals(List.of("FromAddress Contact", "ToAddress Lead", "ToAddress User"), relations);
        assertTrue(String.valueOf(ann).startsWith("003") && ko.startsWith("00Q"));

        // the same email in the rep's mailbox (another Nylas ID), and read again: still one EmailMessage
        Struct theirs = withHeaders(withRecipients(message("m-rep", "Proposal", "ann@acme.com", "ko@beta.io", T1,
                null, T1), List.of(repEmail), List.of()), "Message-ID", "<prop-1@acme.com>");
        put(theirs);
        put(mine, theirs);
        assertEquals(1, sf.org().count("EmailMessage"));
        assertEquals(3, sf.org().count("EmailMessageRelation"));
    }

    @Test
    void emailMessageModeLinksAnOutboundTasksMessageToThatTask() {
        start(Map.of("salesforce.message.target", "email_message"));
        String ann = sf.org().insert("Contact", Map.of("LastName", "Lee", "Email", "ann@acme.com"));
        String taskId = sf.org().insert("Task", Map.of("Subject", "Follow-up", "WhoId", ann, "Status", "Completed"));
        put(withHeaders(message("m-out", "Follow-up", "me@mycorp.com", "ann@acme.com", T1,
                Map.of(LoopGuard.METADATA_KEY, LoopGuard.tag(taskId)), T1), "Message-ID", "<out@mycorp.com>"));
        assertEquals(0, sf.org().count("EmailMessage"), "the Task is the record of that email");
        assertEquals("m-out", sf.org().get("Task", taskId).get("Nylas_Message_Id__c"));
    }

    @Test
    void automatedSendersNeverBecomeLeadsButAreLoggedAgainstAKnownPerson() {
        start(Map.of("behavior.on.unmatched.message", "create_lead"));
        put(message("m-1", "Your receipt", "no-reply@shop.test", "me@mycorp.com", T1, null, T1),
                withHeaders(message("m-2", "Weekly digest", "editor@news.test", "me@mycorp.com", T1, null, T1),
                        "List-Unsubscribe", "<https://news.test/leave>"),
                message("m-3", "Hello", "zoe@newco.com", "me@mycorp.com", T1, null, T1));
        assertEquals(1, sf.org().count("Lead"), "only the person");
        assertEquals(1, sf.org().count("Task"));
        String known = sf.org().insert("Contact", Map.of("LastName", "Ops", "Email", "notifications@partner.test"));
        put(message("m-4", "Build failed", "notifications@partner.test", "me@mycorp.com", T1, null, T1));
        assertEquals(known, one("SELECT WhoId FROM Task WHERE Nylas_Message_Id__c = 'm-4'").get("WhoId"),
                "an existing Contact still gets the message");
    }

    @Test
    void metricsCountEveryRecordAndGoWhenTheTaskStops() throws Exception {
        put(contact("c-1", "A", "B", "a@acme.com", null, null, T1));
        put(contact("c-1", "A", "B", "a@acme.com", null, null, T1));
        var metrics = context.metrics;
        assertEquals(2L, metrics.value("records-in-total"));
        assertEquals(1L, metrics.value("records-created-total"));
        assertEquals(1L, metrics.value("records-skipped-total"));
        assertTrue(((Number) metrics.value("api-calls-total")).longValue() > 0);
        assertTrue(((Number) metrics.value("api-budget-max")).longValue() > 0, "read from Sforce-Limit-Info");
        task.stop();
        assertEquals(0, metrics.count(), "a stopped task leaves no metric behind");
        task = null;
        start(Map.of());
    }
}

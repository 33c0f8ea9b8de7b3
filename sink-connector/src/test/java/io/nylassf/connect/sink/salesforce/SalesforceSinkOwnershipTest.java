package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.schema.NylasSchemas;
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
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.nylassf.connect.sink.salesforce.NylasRecords.contact;
import static io.nylassf.connect.sink.salesforce.NylasRecords.event;
import static io.nylassf.connect.sink.salesforce.NylasRecords.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ownership on the emulated org, through a real sink task: a grant's records belong to the active User with the
 * grant's email (found once, then cached), in that User's time zone; the integration user keeps the rest (counted);
 * new Leads follow salesforce.person.owner against an active assignment rule; an expired grant shows its rep one
 * reconnect Task, closed when the grant is valid again.
 */
class SalesforceSinkOwnershipTest {
    static final Instant T1 = Instant.parse("2026-03-01T03:00:00Z");
    static SalesforceEmulator sf;

    RecordingContext context;
    SalesforceSinkTask task;
    TaskDriver driver;
    long offset;
    String ana;

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
        sf.org().activateLeadAssignmentRule(null);
        List<Map<String, Object>> users = sf.org().query("SELECT Id FROM User WHERE Email = 'ana@mycorp.com'")
                .records();
        ana = users.isEmpty() ? sf.org().insert("User", Map.of("Username", "ana@mycorp.com", "Email",
                "ana@mycorp.com", "LastName", "Ana", "TimeZoneSidKey", "America/Los_Angeles"))
                : (String) users.get(0).get("Id");
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
                "salesforce.linger.ms", "0", "behavior.on.unmatched.message", "create_lead"));
        props.putAll(overrides);
        task = new SalesforceSinkTask();
        task.initialize(context);
        task.start(props);
        driver = new TaskDriver(task);
    }

    void put(Struct... values) {
        List<SinkRecord> records = new ArrayList<>();
        for (Struct v : values) {
            String topic = v.schema().name().endsWith("GrantStatus") ? "nylas.grants" : NylasRecords.topicOf(v);
            records.add(new SinkRecord(topic, 0, null, null, v.schema(), v, offset++));
        }
        driver.putAndSettle(records);
    }

    static Struct from(String grantEmail, Struct value) {
        return grantEmail == null ? value : value.put(NylasSchemas.GRANT_EMAIL, grantEmail);
    }

    static Struct grant(String status, Instant observedAt) {
        return new Struct(NylasSchemas.GRANT_STATUS).put("grant_id", "grant-1").put("status", status)
                .put("email", "ana@mycorp.com").put("reason", "401 unauthorized")
                .put(NylasSchemas.OBSERVED_VIA, NylasSchemas.VIA_WINDOW).put(NylasSchemas.OBSERVED_AT, Date.from(observedAt));
    }

    static Map<String, Object> one(String soql) {
        List<Map<String, Object>> r = sf.org().query(soql).records();
        assertEquals(1, r.size(), soql + " -> " + r);
        return r.get(0);
    }

    @Test
    void aGrantsTasksAndEventsBelongToItsRepInTheRepsZoneAndTheRestAreCounted() {
        sf.org().insert("Contact", Map.of("LastName", "Lee", "Email", "ann@acme.com"));
        put(from("ana@mycorp.com", message("m-1", "Proposal", "ann@acme.com", "ana@mycorp.com", T1, null, T1)),
                from("ana@mycorp.com", event("e-1", "Demo", T1, T1.plusSeconds(3600), List.of("ann@acme.com"), null,
                        "created", T1)));
        Map<String, Object> task = one("SELECT OwnerId, ActivityDate FROM Task WHERE Nylas_Message_Id__c = 'm-1'");
        assertEquals(ana, task.get("OwnerId"));
        assertEquals("2026-02-28", task.get("ActivityDate"), "03:00 UTC is still 28 February in Los Angeles");
        assertEquals(ana, one("SELECT OwnerId FROM Event WHERE Nylas_Event_Id__c = 'e-1'").get("OwnerId"));

        put(message("m-2", "Old record", "ann@acme.com", "ana@mycorp.com", T1, null, T1),
                from("nobody@mycorp.com", message("m-3", "No user", "ann@acme.com", "x@mycorp.com", T1, null, T1)));
        assertTrue(!ana.equals(one("SELECT OwnerId FROM Task WHERE Nylas_Message_Id__c = 'm-2'").get("OwnerId")));
        assertTrue(!ana.equals(one("SELECT OwnerId FROM Task WHERE Nylas_Message_Id__c = 'm-3'").get("OwnerId")));
        assertEquals(2L, context.metrics.value("owner-fallbacks-total"));
    }

    @Test
    void newLeadsFollowThePersonOwnerRuleAndExistingOnesKeepTheirOwner() {
        String queue = sf.org().insert("User", Map.of("Username", "rule-" + offset + System.nanoTime() + "@mycorp.com",
                "Email", "sdr@mycorp.com", "LastName", "Sdr"));
        sf.org().activateLeadAssignmentRule(queue);
        Map<String, String> leads = Map.of("salesforce.contact.routing", "lead");

        start(leads);
        put(from("ana@mycorp.com", contact("c-1", "Bob", "Ray", "bob@beta.io", null, null, T1)));
        assertEquals(ana, one("SELECT OwnerId FROM Lead WHERE Nylas_Contact_Id__c = 'c-1'").get("OwnerId"),
                "rep: Sforce-Auto-Assign FALSE keeps the active rule from reassigning it");

        start(Map.of("salesforce.contact.routing", "lead", "salesforce.person.owner", "assignment_rules"));
        put(from("ana@mycorp.com", contact("c-2", "Cy", "Ray", "cy@beta.io", null, null, T1)));
        assertEquals(queue, one("SELECT OwnerId FROM Lead WHERE Nylas_Contact_Id__c = 'c-2'").get("OwnerId"));
        // an update of an existing Lead says FALSE: the rule does not take Bob from Ana
        put(from("ana@mycorp.com", contact("c-1", "Bob", "Ray", "bob@beta.io", null, "CTO", T1.plusSeconds(60))));
        assertEquals(ana, one("SELECT OwnerId FROM Lead WHERE Nylas_Contact_Id__c = 'c-1'").get("OwnerId"));

        start(Map.of("salesforce.contact.routing", "lead", "salesforce.person.owner", "integration_user"));
        put(from("ana@mycorp.com", contact("c-3", "Di", "Ray", "di@beta.io", null, null, T1)));
        Object owner = one("SELECT OwnerId FROM Lead WHERE Nylas_Contact_Id__c = 'c-3'").get("OwnerId");
        assertTrue(!ana.equals(owner) && !queue.equals(owner), "the integration user: " + owner);
    }

    @Test
    void anExpiredGrantShowsItsRepOneReconnectTaskClosedWhenTheGrantIsValidAgain() {
        String open = "SELECT Id, OwnerId, Status, Subject FROM Task WHERE Nylas_Message_Id__c LIKE "
                + "'nylas-grant-expired:grant-1:%'";
        put(grant("expired", T1));
        Map<String, Object> t = one(open);
        assertEquals(ana, t.get("OwnerId"));
        assertEquals("Not Started", t.get("Status"));

        put(grant("expired", T1)); // the same record replayed
        put(grant("expired", T1.plusSeconds(600))); // seen again (a restarted source)
        assertEquals("Not Started", one(open).get("Status"), "still one open Task");

        put(grant("valid", T1.plusSeconds(3600)));
        assertEquals("Completed", one(open).get("Status"));
        put(grant("valid", T1.plusSeconds(3600)));
        assertEquals(1, sf.org().query(open).records().size());

        put(grant("expired", T1.plusSeconds(7200))); // a later expiry is a new one
        assertEquals(2, sf.org().query(open).records().size());
        assertEquals(1, sf.org().query(open + " AND IsClosed = false").records().size());
    }
}

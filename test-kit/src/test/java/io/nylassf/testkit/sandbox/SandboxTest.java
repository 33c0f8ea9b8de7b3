package io.nylassf.testkit.sandbox;

import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SandboxTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void sameSeedSameSandboxOtherSeedOtherSandbox() {
        SandboxSpec spec = SandboxSpec.small();
        assertEquals(new SandboxGenerator(spec, NOW).generate(), new SandboxGenerator(spec, NOW).generate());
        SandboxSpec other = new SandboxSpec(8, spec.grants(), spec.contacts(), spec.messages(), spec.events(),
                spec.companies(), spec.accounts(), spec.opportunities(), spec.days());
        assertNotEquals(new SandboxGenerator(spec, NOW).generate(), new SandboxGenerator(other, NOW).generate());
    }

    @Test
    @SuppressWarnings("unchecked")
    void generatesExactlyTheRequestedCountsWithUniqueContactEmails() {
        SandboxData data = new SandboxGenerator(SandboxSpec.quickstart(), NOW).generate();
        assertEquals(300, data.contactCount());
        assertEquals(3_000, data.messageCount());
        assertEquals(60, data.eventCount());
        Set<String> emails = new HashSet<>();
        data.contactsByRep().values().forEach(list -> list.forEach(c ->
                emails.add((String) ((List<Map<String, Object>>) c.get("emails")).get(0).get("email"))));
        assertEquals(300, emails.size());
        data.messagesByRep().values().forEach(list -> list.forEach(m ->
                assertTrue(((Number) m.get("date")).longValue() < NOW.getEpochSecond())));
    }

    @Test
    void loadsIntoBothEmulators() {
        try (SalesforceEmulator sf = SalesforceEmulator.builder().build().start();
             NylasEmulator nylas = NylasEmulator.builder().build().start()) {
            SandboxData data = new SandboxGenerator(SandboxSpec.small(), NOW).generate();
            Sandbox.Loaded loaded = Sandbox.load(data, nylas, sf);
            assertEquals(2, loaded.grantIds().size());
            int messages = 0;
            int contacts = 0;
            int events = 0;
            for (String grant : loaded.grantIds()) {
                messages += nylas.messages(grant).size();
                contacts += nylas.contacts(grant).size();
                events += nylas.events(grant).size();
            }
            assertEquals(100, messages);
            assertEquals(20, contacts);
            assertEquals(10, events);
            assertEquals(3, sf.org().count("Account"));
            assertEquals(2, sf.org().count("Opportunity"));
            assertEquals(1, sf.org().query("SELECT COUNT() FROM Opportunity WHERE StageName = 'Closed Won'").totalSize());
            // each rep keeps one customer, with an email Task waiting to be sent and a meeting, all typed by the rep
            assertEquals(2, sf.org().query("SELECT COUNT() FROM Task WHERE TaskSubtype = 'Email' AND "
                    + "Status = 'Not Started'").totalSize());
            assertEquals(2, sf.org().count("Event"));
            for (Map<String, Object> t : sf.org().all("Task")) {
                assertEquals(t.get("OwnerId"), t.get("LastModifiedById"), "typed by its owner, not the integration");
            }
            assertTrue(sf.org().count("User") >= 2);
            for (String o : List.of("Contact", "Lead", "Task", "Event")) {
                assertTrue(sf.org().schema(o).field("Nylas_Modified_At__c") != null, o + " lacks Nylas_Modified_At__c");
            }
        }
    }
}

package io.nylassf.testkit.sandbox;

import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.salesforce.FieldDef;
import io.nylassf.testkit.salesforce.FieldType;
import io.nylassf.testkit.salesforce.Org;
import io.nylassf.testkit.salesforce.SalesforceEmulator;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads generated sandbox data into the two emulators, as if the reps had connected their mailboxes. */
public final class Sandbox {
    /** What was loaded: the grant created for each rep's mailbox, and the Salesforce User that owns its work. */
    public record Loaded(SandboxData data, Map<String, String> grantIdByRep, Map<String, String> userIdByRep,
                         Map<String, String> accountIdByDomain) {
        public List<String> grantIds() {
            return List.copyOf(grantIdByRep.values());
        }
    }

    private Sandbox() {
    }

    /**
     * The custom fields an admin creates for the integration (docs/salesforce-sink.md) beyond the external IDs the
     * emulator's standard schema already has: the source modified time that last-write-wins compares.
     */
    public static void declareIntegrationFields(Org org) {
        for (String sobject : List.of("Contact", "Lead", "Task", "Event")) {
            if (org.schema(sobject).field("Nylas_Modified_At__c") == null) {
                org.declareField(sobject, FieldDef.of("Nylas_Modified_At__c", FieldType.DATETIME));
            }
        }
    }

    public static Loaded load(SandboxData data, NylasEmulator nylas, SalesforceEmulator salesforce) {
        Map<String, String> grants = new LinkedHashMap<>();
        Map<String, String> users = new LinkedHashMap<>();
        Map<String, String> accounts = new LinkedHashMap<>();
        Org org = salesforce.org();
        declareIntegrationFields(org);
        for (SandboxData.Company c : data.companies()) {
            if (!c.account()) {
                continue;
            }
            String accountId = org.insert("Account", Map.of("Name", c.name(), "Website", "https://www." + c.domain(),
                    "Industry", c.industry(), "Type", "Prospect"));
            accounts.put(c.domain(), accountId);
            if (c.openOpportunity()) {
                org.insert("Opportunity", Map.of("Name", c.name() + " - Expansion", "StageName", "Proposal/Price Quote",
                        "CloseDate", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString(), "AccountId", accountId,
                        "Amount", 25_000 + 5_000 * accounts.size()));
            }
        }
        for (SandboxData.Rep rep : data.reps()) {
            String grantId = nylas.createGrant(rep.email(), "google");
            grants.put(rep.email(), grantId);
            users.put(rep.email(), org.insert("User", Map.of("Username", rep.email(), "Email", rep.email(),
                    "FirstName", rep.firstName(), "LastName", rep.lastName(), "IsActive", true)));
            data.contactsByRep().getOrDefault(rep.email(), List.of()).forEach(c -> nylas.addContact(grantId, c));
            data.messagesByRep().getOrDefault(rep.email(), List.of()).forEach(m -> nylas.addMessage(grantId, m));
            data.eventsByRep().getOrDefault(rep.email(), List.of()).forEach(e -> nylas.addEvent(grantId, "primary", e));
        }
        return new Loaded(data, grants, users, accounts);
    }
}

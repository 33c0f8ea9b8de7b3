package io.nylassf.testkit.sandbox;

import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.salesforce.Org;
import io.nylassf.testkit.salesforce.SalesforceEmulator;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

    public static Loaded load(SandboxData data, NylasEmulator nylas, SalesforceEmulator salesforce) {
        Map<String, String> grants = new LinkedHashMap<>();
        Map<String, String> users = new LinkedHashMap<>();
        Map<String, String> accounts = new LinkedHashMap<>();
        Org org = salesforce.org();
        for (SandboxData.Rep rep : data.reps()) {
            users.put(rep.email(), org.insert("User", Map.of("Username", rep.email(), "Email", rep.email(),
                    "FirstName", rep.firstName(), "LastName", rep.lastName(), "IsActive", true)));
        }
        // The CRM data reps typed themselves: written as the first rep, so the Salesforce source sees a person's work.
        String firstRep = users.values().iterator().next();
        List<String> opportunities = new ArrayList<>();
        for (SandboxData.Company c : data.companies()) {
            if (!c.account()) {
                continue;
            }
            String accountId = org.insertAs(firstRep, "Account", Map.of("Name", c.name(), "Website",
                    "https://www." + c.domain(), "Industry", c.industry(), "Type", "Prospect", "OwnerId", firstRep));
            accounts.put(c.domain(), accountId);
            if (c.openOpportunity()) {
                opportunities.add(org.insertAs(firstRep, "Opportunity", Map.of("Name", c.name() + " - Expansion",
                        "StageName", "Proposal/Price Quote", "CloseDate",
                        LocalDate.now(ZoneOffset.UTC).plusDays(30).toString(), "AccountId", accountId,
                        "Amount", 25_000 + 5_000 * accounts.size(), "OwnerId", firstRep)));
            }
        }
        for (SandboxData.Rep rep : data.reps()) {
            String grantId = nylas.createGrant(rep.email(), "google");
            grants.put(rep.email(), grantId);
            data.contactsByRep().getOrDefault(rep.email(), List.of()).forEach(c -> nylas.addContact(grantId, c));
            data.messagesByRep().getOrDefault(rep.email(), List.of()).forEach(m -> nylas.addMessage(grantId, m));
            data.eventsByRep().getOrDefault(rep.email(), List.of()).forEach(e -> nylas.addEvent(grantId, "primary", e));
        }
        seedOutboundWork(data, org, users, accounts);
        if (!opportunities.isEmpty()) {
            org.updateAs(firstRep, "Opportunity", opportunities.get(0), Map.of("StageName", "Closed Won"));
        }
        return new Loaded(data, grants, users, accounts);
    }

    /**
     * For each rep, one customer they already keep in Salesforce, a follow-up email Task waiting to be sent
     * (the Nylas sink's default send rule: TaskSubtype Email, Status Not Started) and a meeting for tomorrow.
     */
    @SuppressWarnings("unchecked")
    private static void seedOutboundWork(SandboxData data, Org org, Map<String, String> users,
                                         Map<String, String> accounts) {
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        for (SandboxData.Rep rep : data.reps()) {
            String owner = users.get(rep.email());
            for (Map<String, Object> c : data.contactsByRep().getOrDefault(rep.email(), List.of())) {
                String email = (String) ((List<Map<String, Object>>) c.get("emails")).get(0).get("email");
                String accountId = accounts.get(email.substring(email.indexOf('@') + 1));
                if (accountId == null) {
                    continue;
                }
                String contactId = org.insertAs(owner, "Contact", Map.of("FirstName", c.get("given_name"),
                        "LastName", c.get("surname"), "Email", email, "AccountId", accountId, "OwnerId", owner));
                org.insertAs(owner, "Task", Map.of("Subject", "Next steps after our call",
                        "Description", "Hi " + c.get("given_name") + ", thanks for your time today. As promised, "
                                + "the proposal follows this week. Best, " + rep.firstName(),
                        "TaskSubtype", "Email", "Status", "Not Started", "WhoId", contactId, "WhatId", accountId,
                        "ActivityDate", LocalDate.now(ZoneOffset.UTC).toString(), "OwnerId", owner));
                org.insertAs(owner, "Event", Map.of("Subject", "Pricing review with " + c.get("company_name"),
                        "StartDateTime", tomorrow + "T15:00:00Z", "EndDateTime", tomorrow + "T15:30:00Z",
                        "WhoId", contactId, "WhatId", accountId, "OwnerId", owner));
                break;
            }
        }
    }
}

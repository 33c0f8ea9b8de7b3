package io.nylassf.connect.sink.salesforce.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.nylassf.connect.sink.salesforce.pipeline.SfRecords.mostRecent;
import static io.nylassf.connect.sink.salesforce.pipeline.SfRecords.str;

/**
 * What one batch knows about the org (immutable): the records its lookups found by external ID and by email, the
 * people the lookup cache already knew, the Accounts by domain, and what earlier phases of the batch created.
 * A later phase gets a new snapshot ({@code with...}) rather than a changed one.
 */
final class OrgSnapshot {
    static final OrgSnapshot EMPTY = new Builder().build();

    private final Map<String, Map<String, List<Map<String, Object>>>> byExt;
    private final Map<String, List<Map<String, Object>>> contactsByEmail;
    private final Map<String, List<Map<String, Object>>> leadsByEmail;
    private final Map<String, Person> knownPeople;
    private final Map<String, Map<String, Object>> accountByDomain;
    private final Map<String, Person> newPeople;
    private final Map<String, String> openOpportunityByContact;
    private final Map<String, Owner> ownerByGrant;
    private final Map<String, List<Map<String, Object>>> grantTasks;

    private OrgSnapshot(Map<String, Map<String, List<Map<String, Object>>>> byExt,
                        Map<String, List<Map<String, Object>>> contactsByEmail,
                        Map<String, List<Map<String, Object>>> leadsByEmail, Map<String, Person> knownPeople,
                        Map<String, Map<String, Object>> accountByDomain, Map<String, Person> newPeople,
                        Map<String, String> openOpportunityByContact, Map<String, Owner> ownerByGrant,
                        Map<String, List<Map<String, Object>>> grantTasks) {
        Map<String, Map<String, List<Map<String, Object>>>> ext = new HashMap<>();
        byExt.forEach((o, m) -> ext.put(o, Map.copyOf(m)));
        this.byExt = Map.copyOf(ext);
        this.contactsByEmail = Map.copyOf(contactsByEmail);
        this.leadsByEmail = Map.copyOf(leadsByEmail);
        this.knownPeople = Map.copyOf(knownPeople);
        this.accountByDomain = Map.copyOf(accountByDomain);
        this.newPeople = Map.copyOf(newPeople);
        this.openOpportunityByContact = Map.copyOf(openOpportunityByContact);
        this.ownerByGrant = Map.copyOf(ownerByGrant);
        this.grantTasks = Map.copyOf(grantTasks);
    }

    /** The reconnect Tasks of an expired grant ({@link GrantTaskPlanner}), open or closed. */
    List<Map<String, Object>> grantTasks(String grantId) {
        return grantTasks.getOrDefault(grantId, List.of());
    }

    /** The active User who owns the grant's records, or null (the integration user keeps them). */
    Owner owner(String grantId) {
        Owner o = grantId == null ? null : ownerByGrant.get(grantId);
        return o == null || !o.found() ? null : o;
    }

    /** The records of {@code sobject} whose external-ID field holds {@code value}. */
    List<Map<String, Object>> ext(String sobject, String value) {
        return byExt.getOrDefault(sobject, Map.of()).getOrDefault(value, List.of());
    }

    List<Map<String, Object>> contactsWithEmail(String email) {
        return contactsByEmail.getOrDefault(email, List.of());
    }

    List<Map<String, Object>> leadsWithEmail(String email) {
        return leadsByEmail.getOrDefault(email, List.of());
    }

    Map<String, Object> account(String domain) {
        return domain == null ? null : accountByDomain.get(domain);
    }

    /**
     * The person an activity names: for the first counterpart that has one, a Contact with that email, else a
     * Lead, else the person the cache knew, else one this batch created.
     */
    Person person(List<String> emails) {
        for (String email : emails) {
            Map<String, Object> c = mostRecent(contactsByEmail.get(email));
            if (c != null) {
                return new Person(str(c.get("Id")), "Contact", str(c.get("AccountId")));
            }
            Map<String, Object> lead = mostRecent(leadsByEmail.get(email));
            if (lead != null) {
                return new Person(str(lead.get("Id")), "Lead", null);
            }
            Person p = knownPeople.getOrDefault(email, newPeople.get(email));
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /** Whether {@link #person} answers for these emails from the lookup cache rather than from this batch. */
    boolean personFromCache(List<String> emails) {
        for (String email : emails) {
            if (!contactsWithEmail(email).isEmpty() || !leadsWithEmail(email).isEmpty()) {
                return false;
            }
            if (knownPeople.containsKey(email)) {
                return true;
            }
            if (newPeople.containsKey(email)) {
                return false;
            }
        }
        return false;
    }

    /** The WhatId for an activity with this person: a Contact's open Opportunity, else its Account. */
    String what(Person who) {
        if (who == null || !who.isContact()) {
            return null;
        }
        String opp = openOpportunityByContact.get(who.id());
        return opp != null ? opp : who.accountId();
    }

    /** The people found by email, one per email (Contacts first): what the lookup cache may remember. */
    Map<String, Person> peopleByEmail() {
        Map<String, Person> out = new HashMap<>();
        leadsByEmail.keySet().forEach(e -> out.put(e, person(List.of(e))));
        contactsByEmail.keySet().forEach(e -> out.put(e, person(List.of(e))));
        return out;
    }

    OrgSnapshot withAccounts(Map<String, Map<String, Object>> created) {
        Map<String, Map<String, Object>> a = new HashMap<>(accountByDomain);
        a.putAll(created);
        return new OrgSnapshot(byExt, contactsByEmail, leadsByEmail, knownPeople, a, newPeople,
                openOpportunityByContact, ownerByGrant, grantTasks);
    }

    OrgSnapshot withNewPeople(Map<String, Person> created) {
        Map<String, Person> p = new HashMap<>(newPeople);
        p.putAll(created);
        return new OrgSnapshot(byExt, contactsByEmail, leadsByEmail, knownPeople, accountByDomain, p,
                openOpportunityByContact, ownerByGrant, grantTasks);
    }

    OrgSnapshot withOpportunities(Map<String, String> byContact) {
        return new OrgSnapshot(byExt, contactsByEmail, leadsByEmail, knownPeople, accountByDomain, newPeople,
                byContact, ownerByGrant, grantTasks);
    }

    /** Collects what the lookups read; {@link #build()} freezes it. */
    static final class Builder {
        private final Map<String, Map<String, List<Map<String, Object>>>> byExt = new HashMap<>();
        private final Map<String, List<Map<String, Object>>> contactsByEmail = new HashMap<>();
        private final Map<String, List<Map<String, Object>>> leadsByEmail = new HashMap<>();
        private final Map<String, Person> knownPeople = new HashMap<>();
        private final Map<String, Map<String, Object>> accountByDomain = new HashMap<>();
        private final Map<String, Owner> ownerByGrant = new HashMap<>();
        private final Map<String, List<Map<String, Object>>> grantTasks = new HashMap<>();

        Builder grantTask(String grantId, Map<String, Object> task) {
            grantTasks.computeIfAbsent(grantId, k -> new ArrayList<>()).add(task);
            return this;
        }

        Builder owner(String grantId, Owner owner) {
            ownerByGrant.put(grantId, owner);
            return this;
        }

        /** Files a record of {@code sobject} under the value of its external-ID field, if it has one. */
        Builder byExt(String sobject, String extField, Map<String, Object> record) {
            String v = str(record.get(extField));
            if (v != null) {
                byExt.computeIfAbsent(sobject, k -> new HashMap<>()).computeIfAbsent(v, k -> new ArrayList<>())
                        .add(record);
            }
            return this;
        }

        /** Files a Contact or Lead under its email (lower case). */
        Builder byEmail(String sobject, Map<String, Object> record) {
            String e = str(record.get("Email"));
            if (e != null) {
                ("Contact".equals(sobject) ? contactsByEmail : leadsByEmail)
                        .computeIfAbsent(e.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(record);
            }
            return this;
        }

        Builder knownPerson(String email, Person p) {
            knownPeople.put(email, p);
            return this;
        }

        Builder account(String domain, Map<String, Object> record) {
            accountByDomain.merge(domain, record, (x, y) -> mostRecent(List.of(x, y)));
            return this;
        }

        OrgSnapshot build() {
            Map<String, Map<String, List<Map<String, Object>>>> ext = new HashMap<>();
            byExt.forEach((o, m) -> ext.put(o, frozen(m)));
            return new OrgSnapshot(ext, frozen(contactsByEmail), frozen(leadsByEmail), knownPeople, accountByDomain,
                    Map.of(), Map.of(), ownerByGrant, frozen(grantTasks));
        }

        private static Map<String, List<Map<String, Object>>> frozen(Map<String, List<Map<String, Object>>> m) {
            Map<String, List<Map<String, Object>>> out = new HashMap<>();
            m.forEach((k, v) -> out.put(k, List.copyOf(v)));
            return out;
        }
    }
}

package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.common.salesforce.SalesforceClient;
import io.nylassf.connect.common.salesforce.Soql;
import io.nylassf.connect.sink.salesforce.SalesforceSinkConnectorConfig;
import io.nylassf.connect.sink.salesforce.mapping.ConflictResolver;
import io.nylassf.connect.sink.salesforce.mapping.ContactMapper;
import io.nylassf.connect.sink.salesforce.mapping.DomainNormalizer;
import io.nylassf.connect.sink.salesforce.mapping.FreeMailDomains;
import io.nylassf.connect.sink.salesforce.mapping.MessageToTaskMapper;
import io.nylassf.connect.sink.salesforce.mapping.PersonRouter;
import io.nylassf.connect.sink.salesforce.mapping.SfValues;
import io.nylassf.connect.sink.salesforce.record.NylasContact;
import io.nylassf.connect.sink.salesforce.record.NylasMessage;
import io.nylassf.connect.sink.salesforce.record.Participant;
import io.nylassf.connect.sink.salesforce.record.NylasEvent;
import io.nylassf.connect.sink.salesforce.write.QueryBatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.nylassf.connect.sink.salesforce.pipeline.SfRecords.str;

/**
 * Reads what a batch needs to know about the org in as few calls as possible: one statement per object where the
 * URL allows (a Contact by external ID or by email in one query), five statements to a Composite call. Emails the
 * lookup cache already knows are not asked for. Stateless between batches.
 */
final class OrgLookups {
    private static final String GRANT_TASKS = "GrantTask";
    private final SalesforceSinkConnectorConfig config;
    private final SalesforceClient client;
    private final Counterparts counterparts;
    private final String contactExt;
    private final String messageExt;
    private final String eventExt;
    private final String messageObject;
    private final Set<String> internalDomains;
    private final GrantOwners owners;

    OrgLookups(SalesforceSinkConnectorConfig config, SalesforceClient client, Counterparts counterparts) {
        this.config = config;
        this.client = client;
        this.counterparts = counterparts;
        this.contactExt = config.contactExternalId();
        this.messageExt = config.messageExternalId();
        this.eventExt = config.eventExternalId();
        this.messageObject = config.messageTarget().sobject();
        this.internalDomains = config.internalDomains();
        this.owners = new GrantOwners(config.ownerMap());
    }

    boolean isCompanyDomain(String domain) {
        return !FreeMailDomains.isFreeMail(domain) && !internalDomains.contains(domain);
    }

    /** The snapshot for these items (already past the replay filter). */
    OrgSnapshot read(Decoded d, LookupCache cache) {
        OrgSnapshot.Builder org = new OrgSnapshot.Builder();
        Set<String> contactIds = new LinkedHashSet<>();
        Set<String> emails = new TreeSet<>();
        Set<String> domains = new TreeSet<>();
        for (Item i : d.contacts()) {
            if (i.obj().deleted()) {
                continue;
            }
            contactIds.add(i.obj().id());
            String email = ContactMapper.primaryEmail((NylasContact) i.obj());
            if (email != null) {
                emails.add(email); // the full record is needed to update it, whatever the cache knows
                String domain = DomainNormalizer.ofEmail(email);
                if (domain != null && isCompanyDomain(domain)) {
                    domains.add(domain);
                }
            }
        }
        Set<String> messageIds = new LinkedHashSet<>();
        Set<String> eventIds = new LinkedHashSet<>();
        List<Item> activities = new ArrayList<>();
        d.messages().stream().filter(i -> !i.obj().deleted()).forEach(i -> {
            messageIds.add(i.obj().id());
            activities.add(i);
        });
        d.events().forEach(i -> {
            eventIds.add(i.obj().id());
            activities.add(i);
        });
        for (Item i : activities) {
            for (String email : counterparts.of(i.obj())) {
                Person known = emails.contains(email) ? null : cache.person(email);
                if (known != null) {
                    org.knownPerson(email, known); // a repeated sender: no query
                } else {
                    emails.add(email);
                }
            }
        }
        QueryBatch q = new QueryBatch(client);
        Queries.anyOf(q, "Contact", select("Contact", "Email", "AccountId"), "Contact",
                inLists(contactExt, contactIds, "Email", emails), List.of(), null);
        Queries.anyOf(q, "Lead", select("Lead", "Email"), "Lead", inLists(contactExt, contactIds, "Email", emails),
                List.of(), "IsConverted = false");
        if (config.emailMessageMode()) {
            Set<String> identifiers = new TreeSet<>();
            Set<String> participants = new TreeSet<>();
            d.messages().stream().filter(i -> !i.obj().deleted()).forEach(i -> {
                NylasMessage m = (NylasMessage) i.obj();
                String mid = MessageToTaskMapper.messageIdentifier(m);
                if (mid != null) {
                    identifiers.add(mid);
                }
                for (List<Participant> people : List.of(m.from(), m.to(), m.cc(), m.bcc())) {
                    people.stream().map(Participant::email).filter(e -> e != null).forEach(participants::add);
                }
            });
            // the batch's EmailMessages by Nylas ID, and the same emails read from other mailboxes by Message-ID
            Queries.anyOf(q, messageObject, List.of("Id", "LastModifiedDate", ConflictResolver.LAST_MODIFIED_BY,
                    messageExt, "MessageIdentifier"), messageObject,
                    inLists(messageExt, messageIds, "MessageIdentifier", identifiers), List.of(), null);
            // their people already linked (a replay or a second mailbox adds only what is missing)
            Queries.anyOf(q, RelationPlanner.SOBJECT, List.of("Id", "EmailMessageId", "RelationId", "RelationType"),
                    RelationPlanner.SOBJECT, inLists("EmailMessage." + messageExt, messageIds,
                            "EmailMessage.MessageIdentifier", identifiers), List.of(), null);
            Queries.in(q, "User", List.of("Id", "Email"), "User", "Email", participants, null);
        } else {
            Queries.in(q, messageObject, select("Task", "WhoId", "WhatId", "Status", "Type", "ActivityDate"),
                    messageObject, messageExt, messageIds, null);
        }
        List<String> eventFields = select("Event", "StartDateTime", "EndDateTime", "IsAllDayEvent", "ActivityDate",
                "ShowAs", "WhoId", "WhatId", "Subject");
        String seriesField = config.eventSeriesField();
        Set<String> removedSeries = seriesField == null ? Set.of() : removedEventIds(d);
        if (removedSeries.isEmpty()) {
            Queries.in(q, "Event", eventFields, "Event", eventExt, eventIds, null);
        } else {
            // a removed event may be a series' master: its occurrences' Events go with it, found in the same query
            eventFields = new ArrayList<>(eventFields);
            eventFields.add(seriesField);
            Queries.anyOf(q, "Event", eventFields, "Event", inLists(eventExt, eventIds, seriesField, removedSeries),
                    List.of(), null);
        }
        boolean accounts = config.routing() != PersonRouter.Rule.LEAD && !domains.isEmpty();
        if (accounts) {
            addAccountQuery(q, domains);
        }
        Set<String> expiryGrants = new TreeSet<>();
        d.grants().forEach(i -> expiryGrants.add(i.obj().grantId()));
        if (!expiryGrants.isEmpty()) {
            // the reconnect Tasks of the grants whose state changed (rare: a grant expires or comes back)
            List<String> likes = expiryGrants.stream().map(g -> messageExtOnTask() + " LIKE "
                    + Soql.likeContains(GrantTaskPlanner.prefix(g))).toList();
            Queries.anyOf(q, GRANT_TASKS, List.of("Id", "Status", "IsClosed", messageExtOnTask()), "Task",
                    Map.of(), likes, null);
        }
        // last: when it does not fit the first Composite call it is the only one left over, and the cache spares
        // it after the first batch of a grant
        Map<String, String> ownerKeys = ownerKeys(d);
        Set<String> askOwners = new TreeSet<>();
        for (Map.Entry<String, String> e : ownerKeys.entrySet()) {
            Owner known = cache.owner(e.getValue());
            if (known != null) {
                org.owner(e.getKey(), known);
            } else {
                askOwners.add(e.getValue());
            }
        }
        owners.query(q, askOwners);
        if (q.isEmpty()) {
            return org.build();
        }
        Map<String, List<Map<String, Object>>> r = q.run();
        if (!askOwners.isEmpty()) {
            Map<String, Owner> found = owners.read(askOwners, r.getOrDefault(GrantOwners.KEY, List.of()));
            found.forEach(cache::putOwner);
            ownerKeys.forEach((grant, key) -> {
                if (found.containsKey(key)) {
                    org.owner(grant, found.get(key));
                }
            });
        }
        for (String sobject : List.of("Contact", "Lead")) {
            for (Map<String, Object> rec : r.getOrDefault(sobject, List.of())) {
                if (contactIds.contains(str(rec.get(contactExt)))) {
                    org.byExt(sobject, contactExt, rec);
                }
                if (rec.get("Email") != null && emails.contains(str(rec.get("Email")).toLowerCase(Locale.ROOT))) {
                    org.byEmail(sobject, rec);
                }
            }
        }
        r.getOrDefault(messageObject, List.of()).forEach(rec -> org.byExt(messageObject, messageExt, rec));
        for (Map<String, Object> t : r.getOrDefault(GRANT_TASKS, List.of())) {
            String ext = str(t.get(messageExtOnTask()));
            expiryGrants.stream().filter(g -> ext != null && ext.startsWith(GrantTaskPlanner.prefix(g)))
                    .forEach(g -> org.grantTask(g, t));
        }
        EmailIndex email = config.emailMessageMode() ? EmailIndex.of(r.getOrDefault(messageObject, List.of()),
                r.getOrDefault(RelationPlanner.SOBJECT, List.of()), r.getOrDefault("User", List.of()))
                : EmailIndex.EMPTY;
        r.getOrDefault("Event", List.of()).forEach(rec -> {
            org.byExt("Event", eventExt, rec);
            if (!removedSeries.isEmpty()) {
                org.byExt(EventPlanner.SERIES, seriesField, rec);
            }
        });
        for (Map<String, Object> a : r.getOrDefault("Account", List.of())) {
            String domain = DomainNormalizer.normalize(str(a.get(config.accountDomainField())));
            if ((domain == null || !domains.contains(domain)) && config.createAccounts()) {
                domain = str(a.get(config.accountExternalId()));
            }
            if (domain != null && domains.contains(domain)) {
                org.account(domain, a);
            }
        }
        return org.build().withEmail(email);
    }

    /** The Task field a grant's reconnect Task is keyed by: the message external-ID field. */
    String messageExtOnTask() {
        return messageExt;
    }

    /** Grant id → the lookup key of its owner, for every grant the batch's records came from that has one. */
    private Map<String, String> ownerKeys(Decoded d) {
        Map<String, String> out = new LinkedHashMap<>();
        for (List<Item> items : List.of(d.contacts(), d.messages(), d.events(), d.grants())) {
            for (Item i : items) {
                String key = i.obj().deleted() || i.obj().grantId() == null ? null : owners.key(i);
                if (key != null) {
                    out.putIfAbsent(i.obj().grantId(), key);
                }
            }
        }
        return out;
    }

    /** Accounts whose domain field contains one of the domains, or (when the sink creates them) keyed by one. */
    private void addAccountQuery(QueryBatch q, Set<String> domains) {
        String field = config.accountDomainField();
        List<String> likes = domains.stream().map(d -> field + " LIKE " + Soql.likeContains(d)).toList();
        List<String> select = new ArrayList<>(List.of("Id", "Name", field));
        Map<String, Collection<String>> keyed = new LinkedHashMap<>();
        if (config.createAccounts()) {
            // the Accounts this sink (on any task) created carry the domain as their upsert key
            if (!select.contains(config.accountExternalId())) {
                select.add(config.accountExternalId());
            }
            keyed.put(config.accountExternalId(), domains);
        }
        select.add("LastModifiedDate");
        Queries.anyOf(q, "Account", List.copyOf(new LinkedHashSet<>(select)), "Account", keyed, likes, null);
    }

    /** Contact ID → the open Opportunity (most recently modified) it plays a role in. */
    Map<String, String> openOpportunities(Set<String> contactIds) {
        QueryBatch q = new QueryBatch(client);
        Queries.in(q, "ocr", List.of("ContactId", "OpportunityId", "Opportunity.LastModifiedDate"),
                "OpportunityContactRole", "ContactId", contactIds, "Opportunity.IsClosed = false");
        Map<String, String> out = new HashMap<>();
        if (q.isEmpty()) {
            return out;
        }
        Map<String, Instant> newest = new HashMap<>();
        for (Map<String, Object> r : q.run().get("ocr")) {
            String contact = str(r.get("ContactId"));
            Object opp = r.get("Opportunity");
            Instant t = opp instanceof Map<?, ?> m ? SfValues.parseDateTime(m.get("LastModifiedDate")) : null;
            t = t == null ? Instant.EPOCH : t;
            Instant prev = newest.get(contact);
            if (prev == null || t.isAfter(prev)) {
                newest.put(contact, t);
                out.put(contact, str(r.get("OpportunityId")));
            }
        }
        return out;
    }

    /** Contacts and Leads by Id (the records a duplicate rule matched), read with every field the rules need. */
    Map<String, Map<String, Object>> people(Collection<String> ids) {
        Set<String> contacts = new TreeSet<>();
        Set<String> leads = new TreeSet<>();
        for (String id : ids) {
            String sobject = SfRecords.sobjectOfId(id);
            if ("Contact".equals(sobject)) {
                contacts.add(id);
            } else if ("Lead".equals(sobject)) {
                leads.add(id);
            }
        }
        QueryBatch q = new QueryBatch(client);
        Queries.in(q, "Contact", select("Contact", "Email", "AccountId"), "Contact", "Id", contacts, null);
        Queries.in(q, "Lead", select("Lead", "Email"), "Lead", "Id", leads, null);
        Map<String, Map<String, Object>> byId = new HashMap<>();
        if (!q.isEmpty()) {
            q.run().values().forEach(list -> list.forEach(r -> byId.put(str(r.get("Id")), r)));
        }
        return byId;
    }

    private static Set<String> removedEventIds(Decoded d) {
        Set<String> out = new LinkedHashSet<>();
        d.events().stream().filter(i -> ((NylasEvent) i.obj()).removed()).forEach(i -> out.add(i.obj().id()));
        return out;
    }

    private static Map<String, Collection<String>> inLists(String f1, Collection<String> v1, String f2,
                                                           Collection<String> v2) {
        Map<String, Collection<String>> m = new LinkedHashMap<>();
        m.put(f1, v1);
        m.put(f2, v2);
        return m;
    }

    /** Id, LastModifiedDate, the external-ID and modified-at fields, the extras and every mapped target. */
    private List<String> select(String sobject, String... extra) {
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<String> wanted = new ArrayList<>(List.of("Id", "LastModifiedDate", ConflictResolver.LAST_MODIFIED_BY));
        wanted.add(switch (sobject) {
            case "Contact", "Lead" -> contactExt;
            case "Event" -> eventExt;
            default -> messageExt;
        });
        if (config.modifiedAtField() != null) {
            wanted.add(config.modifiedAtField());
        }
        wanted.addAll(List.of(extra));
        wanted.addAll(config.mapping(sobject).targets());
        return wanted.stream().filter(seen::add).toList();
    }
}

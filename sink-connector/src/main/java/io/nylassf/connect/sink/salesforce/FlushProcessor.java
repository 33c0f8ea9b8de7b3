package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.http.ApiException;
import io.nylassf.connect.common.loop.LoopGuard;
import io.nylassf.connect.common.salesforce.SalesforceClient;
import io.nylassf.connect.common.salesforce.SaveError;
import io.nylassf.connect.common.salesforce.SaveResult;
import io.nylassf.connect.common.salesforce.Soql;
import io.nylassf.connect.sink.salesforce.mapping.ConflictResolver;
import io.nylassf.connect.sink.salesforce.mapping.ConflictResolver.Resolution;
import io.nylassf.connect.sink.salesforce.mapping.ContactMapper;
import io.nylassf.connect.sink.salesforce.mapping.DomainNormalizer;
import io.nylassf.connect.sink.salesforce.mapping.EventMapper;
import io.nylassf.connect.sink.salesforce.mapping.FieldLimits;
import io.nylassf.connect.sink.salesforce.mapping.FreeMailDomains;
import io.nylassf.connect.sink.salesforce.mapping.MessageToTaskMapper;
import io.nylassf.connect.sink.salesforce.mapping.PersonRouter;
import io.nylassf.connect.sink.salesforce.mapping.SfValues;
import io.nylassf.connect.sink.salesforce.record.NylasContact;
import io.nylassf.connect.sink.salesforce.record.NylasEvent;
import io.nylassf.connect.sink.salesforce.record.NylasMessage;
import io.nylassf.connect.sink.salesforce.record.NylasObject;
import io.nylassf.connect.sink.salesforce.record.NylasRecordDecoder;
import io.nylassf.connect.sink.salesforce.record.RecordDecodeException;
import io.nylassf.connect.sink.salesforce.write.ItemRetries;
import io.nylassf.connect.sink.salesforce.write.QueryBatch;
import io.nylassf.connect.sink.salesforce.write.SalesforceWriter;
import io.nylassf.connect.sink.salesforce.write.WriteOp;
import io.nylassf.connect.sink.salesforce.pipeline.BatchResult;
import io.nylassf.connect.sink.salesforce.pipeline.BatchWriter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Turns one batch of sink records into Salesforce writes: decode → dedupe (newest {@code modified_at} per object)
 * → batched lookups (one set of SOQL queries per flush, five to a Composite call) → pure mapping and conflict
 * resolution → writes in phases (Accounts, people, Leads for unmatched messages, activities), each phase one or a
 * few Composite calls. Returns the records to dead-letter and whether a transient failure asks for a redelivery.
 * Every write is idempotent (external IDs, last-write-wins), so a redelivered batch does no harm.
 */
final class FlushProcessor implements BatchWriter {
    private static final Logger log = LoggerFactory.getLogger(FlushProcessor.class);

    /** A record for the dead-letter queue and why. */
    record Failure(SinkRecord record, String reason) {
    }

    /** What happened to a batch. */
    static final class Outcome {
        final List<Failure> failures = new ArrayList<>();
        ApiException retryCause;
        String retryReason;

        boolean retry() {
            return retryReason != null;
        }
    }

    private record Item(SinkRecord record, NylasObject obj) {
    }

    private record Who(String id, String sobject, String accountId) {
    }

    /** A write and what to do when it succeeds. */
    private record Pending(Item item, WriteOp op, boolean link, Consumer<SaveResult> onSuccess) {
    }

    private final SalesforceSinkConnectorConfig config;
    private final SalesforceClient client;
    private final ItemRetries writer;
    private final SinkMetrics metrics;
    private final NylasRecordDecoder decoder = new NylasRecordDecoder();
    private final ContactMapper contactMapper;
    private final MessageToTaskMapper messageMapper;
    private final EventMapper eventMapper;
    private final PersonRouter router;
    private ConflictResolver resolver;
    private final Set<String> internalDomains;
    private final String contactExt;
    private final String messageExt;
    private final String eventExt;
    private final String modifiedAt;
    private final String messageObject;
    private boolean peopleIdsNeeded;

    FlushProcessor(SalesforceSinkConnectorConfig config, SalesforceClient client, SalesforceWriter writer,
                   SinkMetrics metrics) {
        this(config, client, new ItemRetries(writer, config.itemRetryAttempts(), config.itemRetryBackoff()), metrics);
    }

    FlushProcessor(SalesforceSinkConnectorConfig config, SalesforceClient client, ItemRetries writer,
                   SinkMetrics metrics) {
        this.config = config;
        this.client = client;
        this.writer = writer;
        this.metrics = metrics;
        this.contactMapper = new ContactMapper(config.mapping("Contact"), config.mapping("Lead"));
        this.internalDomains = config.internalDomains();
        this.messageMapper = new MessageToTaskMapper(config.mapping("Task"), config.activityZone(), internalDomains);
        this.eventMapper = new EventMapper(config.mapping("Event"));
        this.router = new PersonRouter(config.routing(), config.createAccounts());
        this.contactExt = config.contactExternalId();
        this.messageExt = config.messageExternalId();
        this.eventExt = config.eventExternalId();
        this.modifiedAt = config.modifiedAtField();
        this.messageObject = config.emailMessageMode() ? "EmailMessage" : "Task";
    }

    // ================================================================== entry point

    /** Not yet safe for concurrent batches: one at a time. */
    @Override
    public synchronized BatchResult write(List<SinkRecord> records) {
        Outcome o = process(records);
        return new BatchResult(o.failures.stream().map(f -> new BatchResult.DeadLetter(f.record(), f.reason()))
                .toList(), o.retry() ? new BatchResult.Retry(o.retryReason, o.retryCause) : null);
    }

    Outcome process(Collection<SinkRecord> records) {
        if (resolver == null) {
            // once per task, when enabled: the user we write as, so records only we changed may follow Nylas
            String sinkUser = config.followOwnWrites() ? client.userId() : null;
            if (config.followOwnWrites() && sinkUser == null) {
                log.warn("Could not tell which Salesforce user this sink writes as; fields that are not Nylas-owned "
                        + "are only filled when empty");
            }
            resolver = new ConflictResolver(config.ownership(), config.modifiedAtField(), sinkUser);
        }
        Outcome out = new Outcome();
        List<Item> items = dedupe(decode(records, out));
        List<Item> contacts = new ArrayList<>();
        List<Item> messages = new ArrayList<>();
        List<Item> events = new ArrayList<>();
        for (Item i : items) {
            if (i.obj() instanceof NylasContact) {
                contacts.add(i);
            } else if (i.obj() instanceof NylasMessage) {
                messages.add(i);
            } else {
                events.add(i);
            }
            metrics.sourceTime(i.obj().modifiedAt());
        }
        // new people's IDs matter only to activities of the same flush (a bulk job downloads them at one call)
        peopleIdsNeeded = !messages.isEmpty() || !events.isEmpty();
        Lookups lookups = lookup(contacts, messages, events);
        Map<String, Who> newPeople = new HashMap<>();

        // Phase 1 and 2: Accounts to create, then people (Contacts and Leads).
        List<Pending> people = planContacts(contacts, lookups, newPeople, out);
        if (!people.isEmpty()) {
            execute(people, out);
            resolveDuplicates(people, lookups, out);
        }
        if (out.retry()) {
            return out;
        }
        // Phase 3: Leads for messages nobody matches (behavior.on.unmatched.message=create_lead).
        List<Pending> leads = planMessageLeads(messages, lookups, newPeople, out);
        if (!leads.isEmpty()) {
            execute(leads, out);
            if (out.retry()) {
                return out;
            }
        }
        if (config.relateToOpportunity()) {
            lookupOpportunities(lookups, messages, events, newPeople);
        }
        // Phase 4: activities.
        List<Pending> activities = new ArrayList<>();
        activities.addAll(planMessages(messages, lookups, newPeople, out));
        activities.addAll(planEvents(events, lookups, newPeople, out));
        if (!activities.isEmpty()) {
            execute(activities, out);
        }
        return out;
    }

    // ================================================================== decode and dedupe

    private List<Item> decode(Collection<SinkRecord> records, Outcome out) {
        List<Item> items = new ArrayList<>();
        for (SinkRecord r : records) {
            try {
                items.add(new Item(r, decoder.decode(r)));
            } catch (RecordDecodeException e) {
                out.failures.add(new Failure(r, e.getMessage()));
            } catch (RuntimeException e) {
                out.failures.add(new Failure(r, "UNREADABLE_RECORD: " + e));
            }
        }
        return items;
    }

    /** One item per object (type and ID): the newest modified_at, later offsets winning ties. */
    private List<Item> dedupe(List<Item> items) {
        Map<String, Item> newest = new LinkedHashMap<>();
        for (Item i : items) {
            String key = i.obj().getClass().getSimpleName() + "/" + i.obj().id();
            Item prev = newest.get(key);
            if (prev == null || !isOlder(i.obj().modifiedAt(), prev.obj().modifiedAt())) {
                if (prev != null) {
                    metrics.skipped.incrementAndGet();
                }
                newest.put(key, i);
            } else {
                metrics.skipped.incrementAndGet();
                metrics.conflicts.incrementAndGet();
            }
        }
        return new ArrayList<>(newest.values());
    }

    private static boolean isOlder(Instant candidate, Instant current) {
        return candidate != null && current != null && candidate.isBefore(current);
    }

    // ================================================================== lookups

    /** Everything one flush needs to know about the org, read in as few calls as possible. */
    private static final class Lookups {
        final Map<String, Map<String, List<Map<String, Object>>>> byExt = new HashMap<>();
        final Map<String, List<Map<String, Object>>> contactsByEmail = new HashMap<>();
        final Map<String, List<Map<String, Object>>> leadsByEmail = new HashMap<>();
        final Map<String, Map<String, Object>> accountByDomain = new HashMap<>();
        final Map<String, String> openOpportunityByContact = new HashMap<>();

        List<Map<String, Object>> ext(String sobject, String value) {
            return byExt.getOrDefault(sobject, Map.of()).getOrDefault(value, List.of());
        }
    }

    private Lookups lookup(List<Item> contacts, List<Item> messages, List<Item> events) {
        Lookups l = new Lookups();
        QueryBatch q = new QueryBatch(client);
        Set<String> contactIds = new LinkedHashSet<>();
        Set<String> emails = new TreeSet<>();
        Set<String> domains = new TreeSet<>();
        for (Item i : contacts) {
            NylasContact c = (NylasContact) i.obj();
            if (c.deleted()) {
                continue;
            }
            contactIds.add(c.id());
            String email = ContactMapper.primaryEmail(c);
            if (email != null) {
                emails.add(email);
                String d = DomainNormalizer.ofEmail(email);
                if (d != null && isCompanyDomain(d)) {
                    domains.add(d);
                }
            }
        }
        Set<String> messageIds = new LinkedHashSet<>();
        for (Item i : messages) {
            NylasMessage m = (NylasMessage) i.obj();
            if (!m.deleted()) {
                messageIds.add(m.id());
                emails.addAll(messageMapper.counterpartEmails(m));
            }
        }
        Set<String> eventIds = new LinkedHashSet<>();
        for (Item i : events) {
            NylasEvent e = (NylasEvent) i.obj();
            eventIds.add(e.id());
            emails.addAll(EventMapper.attendeeEmails(e, internalDomains));
        }
        addIn(q, "ext:Contact", select("Contact", "Email", "AccountId"), "Contact", contactExt, contactIds, null);
        addIn(q, "ext:Lead", select("Lead", "Email"), "Lead", contactExt, contactIds, "IsConverted = false");
        addIn(q, "email:Contact", select("Contact", "Email", "AccountId"), "Contact", "Email", emails, null);
        addIn(q, "email:Lead", select("Lead", "Email"), "Lead", "Email", emails, "IsConverted = false");
        if (config.emailMessageMode()) {
            addIn(q, "ext:EmailMessage", List.of("Id", "LastModifiedDate", ConflictResolver.LAST_MODIFIED_BY, messageExt), "EmailMessage", messageExt,
                    messageIds, null);
        } else {
            addIn(q, "ext:Task", select("Task", "WhoId", "WhatId", "Status", "Type", "ActivityDate"), "Task",
                    messageExt, messageIds, null);
        }
        addIn(q, "ext:Event", select("Event", "StartDateTime", "EndDateTime", "IsAllDayEvent", "ActivityDate",
                "ShowAs", "WhoId", "WhatId", "Subject"), "Event", eventExt, eventIds, null);
        if (config.routing() != PersonRouter.Rule.LEAD && !domains.isEmpty()) {
            String field = config.accountDomainField();
            List<String> likes = domains.stream().map(d -> field + " LIKE " + Soql.likeContains(d)).toList();
            String prefix = "SELECT Id, Name, " + field + ", LastModifiedDate FROM Account WHERE ";
            for (String group : Soql.orGroupsForUrl(likes, Soql.MAX_ENCODED_QUERY_BYTES
                    - Soql.encodedLength(prefix))) {
                q.add("accounts", prefix + group);
            }
            if (config.createAccounts()) {
                // the Accounts this sink (on any task) created carry the domain as their upsert key
                addIn(q, "accounts", List.copyOf(new LinkedHashSet<>(List.of("Id", "Name", field,
                        config.accountExternalId(), "LastModifiedDate"))), "Account", config.accountExternalId(),
                        domains, null);
            }
        }
        if (q.isEmpty()) {
            return l;
        }
        Map<String, List<Map<String, Object>>> r = q.run();
        index(l, "Contact", contactExt, r.get("ext:Contact"));
        index(l, "Lead", contactExt, r.get("ext:Lead"));
        index(l, messageObject, messageExt, r.get("ext:" + messageObject));
        index(l, "Event", eventExt, r.get("ext:Event"));
        byEmail(l.contactsByEmail, r.get("email:Contact"));
        byEmail(l.leadsByEmail, r.get("email:Lead"));
        for (Map<String, Object> a : r.getOrDefault("accounts", List.of())) {
            String d = DomainNormalizer.normalize(str(a.get(config.accountDomainField())));
            if ((d == null || !domains.contains(d)) && config.createAccounts()) {
                d = str(a.get(config.accountExternalId()));
            }
            if (d != null && domains.contains(d)) {
                l.accountByDomain.merge(d, a, (x, y) -> mostRecent(List.of(x, y)));
            }
        }
        return l;
    }

    private boolean isCompanyDomain(String domain) {
        return !FreeMailDomains.isFreeMail(domain) && !internalDomains.contains(domain);
    }

    /** Id, LastModifiedDate, the external-ID and modified-at fields, the extras and every mapped target. */
    private List<String> select(String sobject, String... extra) {
        Set<String> fields = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<String> out = new ArrayList<>();
        List<String> wanted = new ArrayList<>(List.of("Id", "LastModifiedDate", ConflictResolver.LAST_MODIFIED_BY));
        wanted.add(switch (sobject) {
            case "Contact", "Lead" -> contactExt;
            case "Event" -> eventExt;
            default -> messageExt;
        });
        if (modifiedAt != null) {
            wanted.add(modifiedAt);
        }
        wanted.addAll(List.of(extra));
        wanted.addAll(config.mapping(sobject).targets());
        for (String f : wanted) {
            if (fields.add(f)) {
                out.add(f);
            }
        }
        return out;
    }

    private static void addIn(QueryBatch q, String key, List<String> select, String sobject, String field,
                              Collection<String> values, String extraCondition) {
        if (values.isEmpty()) {
            return;
        }
        String prefix = "SELECT " + String.join(", ", select) + " FROM " + sobject + " WHERE "
                + (extraCondition == null ? "" : extraCondition + " AND ");
        // IN lists as long as the rules allow (the encoded statement within the URI limit), so a flush of
        // 10,000 records needs a dozen queries, two or three Composite calls
        int room = Soql.MAX_ENCODED_QUERY_BYTES - Soql.encodedLength(prefix);
        for (String clause : Soql.inClausesForUrl(field, values, room)) {
            q.add(key, prefix + clause);
        }
    }

    private static void index(Lookups l, String sobject, String extField, List<Map<String, Object>> records) {
        if (records == null) {
            return;
        }
        Map<String, List<Map<String, Object>>> m = l.byExt.computeIfAbsent(sobject, k -> new HashMap<>());
        for (Map<String, Object> r : records) {
            String v = str(r.get(extField));
            if (v != null) {
                m.computeIfAbsent(v, k -> new ArrayList<>()).add(r);
            }
        }
    }

    private static void byEmail(Map<String, List<Map<String, Object>>> index, List<Map<String, Object>> records) {
        if (records == null) {
            return;
        }
        for (Map<String, Object> r : records) {
            String e = str(r.get("Email"));
            if (e != null) {
                index.computeIfAbsent(e.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(r);
            }
        }
    }

    /**
     * The record to update when several match: the most recently modified, lowest ID on ties, so every task
     * and every replay picks the same one.
     */
    static Map<String, Object> mostRecent(List<Map<String, Object>> records) {
        if (records == null || records.isEmpty()) {
            return null;
        }
        return records.stream().max(Comparator.<Map<String, Object>, Instant>comparing(
                        r -> Optional.ofNullable(SfValues.parseDateTime(r.get("LastModifiedDate"))).orElse(Instant.EPOCH))
                .thenComparing(r -> str(r.get("Id")), Comparator.reverseOrder())).orElse(null);
    }

    private static Map<String, Object> pick(List<Map<String, Object>> records, String what) {
        Map<String, Object> r = mostRecent(records);
        if (records.size() > 1) {
            log.warn("{} matches {} Salesforce records; updating the most recently modified, {}", what,
                    records.size(), r.get("Id"));
        }
        return r;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static String sobjectOf(Map<String, Object> record) {
        Object attrs = record.get("attributes");
        if (attrs instanceof Map<?, ?> m && m.get("type") != null) {
            return m.get("type").toString();
        }
        return sobjectOfId(str(record.get("Id")));
    }

    private static String sobjectOfId(String id) {
        if (id == null || id.length() < 3) {
            return null;
        }
        return switch (id.substring(0, 3)) {
            case "003" -> "Contact";
            case "00Q" -> "Lead";
            case "001" -> "Account";
            case "00T" -> "Task";
            case "00U" -> "Event";
            case "02s" -> "EmailMessage";
            case "006" -> "Opportunity";
            default -> null;
        };
    }

    private Who whoFor(List<String> emails, Lookups l, Map<String, Who> newPeople) {
        for (String email : emails) {
            Map<String, Object> c = mostRecent(l.contactsByEmail.get(email));
            if (c != null) {
                return new Who(str(c.get("Id")), "Contact", str(c.get("AccountId")));
            }
            Map<String, Object> lead = mostRecent(l.leadsByEmail.get(email));
            if (lead != null) {
                return new Who(str(lead.get("Id")), "Lead", null);
            }
            Who fresh = newPeople.get(email);
            if (fresh != null) {
                return fresh;
            }
        }
        return null;
    }

    private String whatFor(Who who, Lookups l) {
        if (who == null || !"Contact".equals(who.sobject())) {
            return null;
        }
        String opp = l.openOpportunityByContact.get(who.id());
        return opp != null ? opp : who.accountId();
    }

    private void lookupOpportunities(Lookups l, List<Item> messages, List<Item> events, Map<String, Who> newPeople) {
        Set<String> contactIds = new TreeSet<>();
        for (Item i : messages) {
            Who w = whoFor(messageMapper.counterpartEmails((NylasMessage) i.obj()), l, newPeople);
            if (w != null && "Contact".equals(w.sobject())) {
                contactIds.add(w.id());
            }
        }
        for (Item i : events) {
            Who w = whoFor(EventMapper.attendeeEmails((NylasEvent) i.obj(), internalDomains), l, newPeople);
            if (w != null && "Contact".equals(w.sobject())) {
                contactIds.add(w.id());
            }
        }
        QueryBatch q = new QueryBatch(client);
        addIn(q, "ocr", List.of("ContactId", "OpportunityId", "Opportunity.LastModifiedDate"), "OpportunityContactRole",
                "ContactId", contactIds, "Opportunity.IsClosed = false");
        if (q.isEmpty()) {
            return;
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
                l.openOpportunityByContact.put(contact, str(r.get("OpportunityId")));
            }
        }
    }

    // ================================================================== contacts → Contact / Lead

    private List<Pending> planContacts(List<Item> items, Lookups l, Map<String, Who> newPeople, Outcome out) {
        List<Pending> pending = new ArrayList<>();
        Map<String, List<Pending>> needAccount = new LinkedHashMap<>();
        Map<String, String> accountNames = new LinkedHashMap<>();
        for (Item i : items) {
            NylasContact c = (NylasContact) i.obj();
            if (c.deleted()) {
                metrics.skipped.incrementAndGet(); // people are never deleted from the CRM by the sync
                continue;
            }
            String email = ContactMapper.primaryEmail(c);
            String domain = DomainNormalizer.ofEmail(email);
            Map<String, Object> matchedAccount = domain == null ? null : l.accountByDomain.get(domain);
            String accountId = matchedAccount == null ? null : str(matchedAccount.get("Id"));

            List<Map<String, Object>> byExt = new ArrayList<>(l.ext("Contact", c.id()));
            byExt.addAll(l.ext("Lead", c.id()));
            Map<String, Object> existing = byExt.isEmpty() ? null : pick(byExt, "Nylas contact " + c.id());
            if (existing == null && email != null) {
                List<Map<String, Object>> contacts = l.contactsByEmail.getOrDefault(email, List.of());
                existing = !contacts.isEmpty() ? pick(contacts, "email of Nylas contact " + c.id())
                        : l.leadsByEmail.containsKey(email) ? pick(l.leadsByEmail.get(email),
                        "email of Nylas contact " + c.id()) : null;
            }
            if (existing != null) {
                String sobject = sobjectOf(existing);
                Map<String, Object> fields = contactMapper.fields(c, sobject);
                if ("Contact".equals(sobject) && accountId != null) {
                    fields.put("AccountId", accountId);
                }
                boolean linking = SfValues.isEmpty(existing.get(contactExt));
                if (linking) {
                    fields.put(contactExt, c.id());
                }
                Resolution res = resolver.resolve(sobject, fields, existing, c.modifiedAt(),
                        Set.of(contactExt), Set.of());
                Pending p = updateOrSkip(i, sobject, str(existing.get("Id")), res, linking);
                if (p != null) {
                    pending.add(p);
                }
                continue;
            }
            PersonRouter.Route route = router.route(domain, accountId, domain != null && isCompanyDomain(domain));
            Map<String, Object> fields = contactMapper.fields(c, route.sobject());
            fields.put(contactExt, c.id());
            if (route.accountId() != null) {
                fields.put("AccountId", route.accountId());
            }
            Resolution res = resolver.resolve(route.sobject(), fields, null, c.modifiedAt(), Set.of(), Set.of());
            WriteOp op = WriteOp.upsert(route.sobject(), contactExt, new LinkedHashMap<>(res.changes()));
            if (peopleIdsNeeded) {
                op.wantId();
            }
            String sobject = route.sobject();
            Pending p = new Pending(i, op, false, r -> {
                if (email != null) {
                    newPeople.put(email, new Who(r.id(), sobject, str(op.fields().get("AccountId"))));
                }
            });
            if (route.createAccount()) {
                accountNames.putIfAbsent(domain, c.companyName() != null && !c.companyName().isBlank()
                        ? c.companyName() : domain);
                needAccount.computeIfAbsent(domain, d -> new ArrayList<>()).add(p);
            } else {
                pending.add(p);
            }
        }
        if (!accountNames.isEmpty()) {
            Map<String, String> accountFailures = createAccounts(accountNames, l, out);
            needAccount.forEach((domain, ps) -> {
                Map<String, Object> acc = l.accountByDomain.get(domain);
                for (Pending p : ps) {
                    if (acc != null) {
                        p.op().fields().put("AccountId", str(acc.get("Id")));
                        pending.add(p);
                    } else if (!out.retry()) {
                        out.failures.add(new Failure(p.item().record(), accountFailures.getOrDefault(domain,
                                "ACCOUNT_NOT_CREATED: no Account for " + domain)));
                    }
                }
            });
        }
        return pending;
    }

    /** Creates one Account per domain; returns the failure reason per domain that could not be created. */
    private Map<String, String> createAccounts(Map<String, String> names, Lookups l, Outcome out) {
        Map<String, String> accountFailures = new HashMap<>();
        List<WriteOp> ops = new ArrayList<>();
        List<String> domains = new ArrayList<>();
        names.forEach((domain, name) -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("Name", FieldLimits.truncate(name, 255));
            f.put(config.accountDomainField(), domain);
            // upsert on a key derived from the domain: tasks that meet the same new domain at once make one Account
            f.put(config.accountExternalId(), domain);
            ops.add(WriteOp.upsert("Account", config.accountExternalId(), f).wantId());
            domains.add(domain);
        });
        if (!runWrites(ops, out)) {
            return accountFailures;
        }
        for (int k = 0; k < ops.size(); k++) {
            SaveResult r = ops.get(k).result();
            if (r.success()) {
                (r.created() ? metrics.created : metrics.updated).incrementAndGet();
                Map<String, Object> acc = new LinkedHashMap<>(ops.get(k).fields());
                acc.put("Id", r.id());
                l.accountByDomain.put(domains.get(k), acc);
            } else {
                accountFailures.put(domains.get(k), "Account " + r.firstError().describe());
            }
        }
        return accountFailures;
    }

    /** An UPDATE for a resolution, or null (and the skip counted) when nothing is to be written. */
    private Pending updateOrSkip(Item i, String sobject, String id, Resolution res, boolean link) {
        metrics.conflicts.addAndGet(res.protectedFields().size());
        switch (res.outcome()) {
            case STALE -> {
                metrics.conflicts.incrementAndGet();
                metrics.skipped.incrementAndGet();
                log.debug("Skipping older change to {} {}", sobject, id);
                return null;
            }
            case UNCHANGED -> {
                metrics.skipped.incrementAndGet();
                return null;
            }
            default -> {
                return new Pending(i, WriteOp.update(sobject, id, new LinkedHashMap<>(res.changes())), link, r -> {
                });
            }
        }
    }

    /** DUPLICATES_DETECTED on a new person: update the matched record instead (conflict rules apply). */
    private void resolveDuplicates(List<Pending> people, Lookups l, Outcome out) {
        Map<Pending, List<String>> dups = new LinkedHashMap<>();
        for (Pending p : people) {
            SaveResult r = p.op().result();
            if (r != null && !r.success() && r.firstError().isDuplicate() && !r.firstError().duplicateIds().isEmpty()
                    && p.item().obj() instanceof NylasContact) {
                dups.put(p, r.firstError().duplicateIds());
            }
        }
        if (dups.isEmpty()) {
            return;
        }
        Set<String> contactIds = new TreeSet<>();
        Set<String> leadIds = new TreeSet<>();
        dups.values().forEach(ids -> ids.forEach(id -> {
            if ("Contact".equals(sobjectOfId(id))) {
                contactIds.add(id);
            } else if ("Lead".equals(sobjectOfId(id))) {
                leadIds.add(id);
            }
        }));
        QueryBatch q = new QueryBatch(client);
        addIn(q, "Contact", select("Contact", "Email", "AccountId"), "Contact", "Id", contactIds, null);
        addIn(q, "Lead", select("Lead", "Email"), "Lead", "Id", leadIds, null);
        Map<String, Map<String, Object>> byId = new HashMap<>();
        q.run().values().forEach(list -> list.forEach(r -> byId.put(str(r.get("Id")), r)));
        List<Pending> updates = new ArrayList<>();
        dups.forEach((p, ids) -> {
            List<Map<String, Object>> matches = ids.stream().map(byId::get).filter(Objects::nonNull).toList();
            if (matches.isEmpty()) {
                out.failures.add(new Failure(p.item().record(), p.op().result().firstError().describe()));
                return;
            }
            NylasContact c = (NylasContact) p.item().obj();
            Map<String, Object> target = pick(matches, "duplicate rule match for Nylas contact " + c.id());
            String sobject = sobjectOf(target);
            Map<String, Object> fields = contactMapper.fields(c, sobject);
            boolean linking = SfValues.isEmpty(target.get(contactExt));
            if (linking) {
                fields.put(contactExt, c.id());
            }
            log.info("DUPLICATES_DETECTED for Nylas contact {}: updating matched {} {}", c.id(), sobject,
                    target.get("Id"));
            Pending u = updateOrSkip(p.item(), sobject, str(target.get("Id")),
                    resolver.resolve(sobject, fields, target, c.modifiedAt(), Set.of(contactExt), Set.of()), linking);
            if (u != null) {
                updates.add(u);
            }
        });
        if (!updates.isEmpty()) {
            execute(updates, out);
        }
    }

    // ================================================================== messages → Task / EmailMessage

    private List<Pending> planMessageLeads(List<Item> messages, Lookups l, Map<String, Who> newPeople, Outcome out) {
        if (!"create_lead".equals(config.unmatchedMessage())) {
            return List.of();
        }
        Map<String, Pending> byEmail = new LinkedHashMap<>();
        for (Item i : messages) {
            NylasMessage m = (NylasMessage) i.obj();
            if (m.deleted() || !l.ext(messageObject, m.id()).isEmpty() || tagFor(m).isPresent()) {
                continue;
            }
            List<String> emails = messageMapper.counterpartEmails(m);
            if (emails.isEmpty() || whoFor(emails, l, newPeople) != null || byEmail.containsKey(emails.get(0))) {
                continue;
            }
            String email = emails.get(0);
            String domain = DomainNormalizer.ofEmail(email);
            String name = MessageToTaskMapper.nameOf(m, email);
            Map<String, Object> f = new LinkedHashMap<>();
            String last = name == null ? DomainNormalizer.localPart(email)
                    : name.contains(" ") ? name.substring(name.lastIndexOf(' ') + 1) : name;
            if (name != null && name.contains(" ")) {
                f.put("FirstName", FieldLimits.truncate("Lead", "FirstName", name.substring(0, name.lastIndexOf(' '))));
            }
            f.put("LastName", FieldLimits.truncate("Lead", "LastName", last == null ? "Unknown" : last));
            f.put("Company", domain == null ? ContactMapper.UNKNOWN_COMPANY : domain);
            f.put("Email", email);
            // upsert on a key derived from the email: tasks that meet the same new sender at once make one Lead
            f.put(config.leadEmailKeyField(), email.trim().toLowerCase(Locale.ROOT));
            WriteOp op = WriteOp.upsert("Lead", config.leadEmailKeyField(), f).wantId();
            byEmail.put(email, new Pending(i, op, false, r -> newPeople.put(email, new Who(r.id(), "Lead", null))));
        }
        return new ArrayList<>(byEmail.values());
    }

    private Optional<String> tagFor(NylasMessage m) {
        Optional<String> id = LoopGuard.find(m.metadata());
        return id.filter(x -> messageObject.equals(sobjectOfId(x)));
    }

    private List<Pending> planMessages(List<Item> items, Lookups l, Map<String, Who> newPeople, Outcome out) {
        List<Pending> pending = new ArrayList<>();
        for (Item i : items) {
            NylasMessage m = (NylasMessage) i.obj();
            if (m.deleted()) {
                metrics.skipped.incrementAndGet(); // the activity record stays: it happened
                continue;
            }
            List<Map<String, Object>> byExt = l.ext(messageObject, m.id());
            Map<String, Object> existing = byExt.isEmpty() ? null : pick(byExt, "Nylas message " + m.id());
            Optional<String> tag = tagFor(m);
            if (tag.isPresent()) {
                if (existing != null && SfValues.same(existing.get("Id"), tag.get())) {
                    metrics.skipped.incrementAndGet(); // already linked
                } else {
                    pending.add(link(i, messageObject, tag.get(), messageExt, m.id(), m.modifiedAt()));
                }
                continue;
            }
            if (existing != null && "EmailMessage".equals(messageObject)) {
                metrics.skipped.incrementAndGet(); // sent EmailMessages cannot change
                continue;
            }
            try {
                Who who = whoFor(messageMapper.counterpartEmails(m), l, newPeople);
                if (existing == null && who == null) {
                    if ("fail".equals(config.unmatchedMessage())) {
                        out.failures.add(new Failure(i.record(), "NO_MATCHING_PERSON: no Contact or Lead matches "
                                + "the message's counterparts"));
                    } else {
                        metrics.skipped.incrementAndGet();
                    }
                    continue;
                }
                String what = whatFor(who, l);
                Map<String, Object> fields;
                if ("EmailMessage".equals(messageObject)) {
                    fields = messageMapper.emailMessage(m, what != null ? what : who == null ? null : who.id());
                } else {
                    fields = messageMapper.task(m, who == null ? null : who.id(), what);
                }
                if (existing != null) {
                    Pending p = updateOrSkip(i, messageObject, str(existing.get("Id")), resolver.resolve(messageObject,
                            fields, existing, m.modifiedAt(), Set.of(), MessageToTaskMapper.TASK_CREATE_ONLY), false);
                    if (p != null) {
                        pending.add(p);
                    }
                } else {
                    fields.put(messageExt, m.id());
                    Map<String, Object> create = "EmailMessage".equals(messageObject) ? fields
                            : resolver.resolve(messageObject, fields, null, m.modifiedAt(), Set.of(), Set.of()).changes();
                    pending.add(new Pending(i, WriteOp.upsert(messageObject, messageExt, new LinkedHashMap<>(create)),
                            false, r -> { }));
                }
            } catch (RecordDecodeException e) {
                out.failures.add(new Failure(i.record(), e.getMessage()));
            }
        }
        return pending;
    }

    /** Loop guard: the object was written from this Salesforce record; store its Nylas ID there, create nothing. */
    private Pending link(Item i, String sobject, String id, String extField, String nylasId, Instant modified) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put(extField, nylasId);
        if (modifiedAt != null && modified != null && !"EmailMessage".equals(sobject)) {
            f.put(modifiedAt, SfValues.dateTime(modified));
        }
        return new Pending(i, WriteOp.update(sobject, id, f), true, r -> { });
    }

    // ================================================================== events → Event

    private List<Pending> planEvents(List<Item> items, Lookups l, Map<String, Who> newPeople, Outcome out) {
        List<Pending> pending = new ArrayList<>();
        for (Item i : items) {
            NylasEvent e = (NylasEvent) i.obj();
            List<Map<String, Object>> byExt = l.ext("Event", e.id());
            Map<String, Object> existing = byExt.isEmpty() ? null : pick(byExt, "Nylas event " + e.id());
            try {
                if (e.deleted() || e.cancelled()) {
                    Pending p = removal(i, e, existing);
                    if (p != null) {
                        pending.add(p);
                    }
                    continue;
                }
                Optional<String> tag = LoopGuard.find(e.metadata()).filter(x -> "Event".equals(sobjectOfId(x)));
                if (tag.isPresent() && (existing == null || !SfValues.same(existing.get("Id"), tag.get()))) {
                    pending.add(link(i, "Event", tag.get(), eventExt, e.id(), e.modifiedAt()));
                    continue;
                }
                Who who = whoFor(EventMapper.attendeeEmails(e, internalDomains), l, newPeople);
                Map<String, Object> fields = eventMapper.event(e, who == null ? null : who.id(), whatFor(who, l));
                if (existing != null) {
                    Pending p = updateOrSkip(i, "Event", str(existing.get("Id")),
                            resolver.resolve("Event", fields, existing, e.modifiedAt(), Set.of(), Set.of()), false);
                    if (p != null) {
                        pending.add(p);
                    }
                } else {
                    fields.put(eventExt, e.id());
                    pending.add(new Pending(i, WriteOp.upsert("Event", eventExt, new LinkedHashMap<>(
                            resolver.resolve("Event", fields, null, e.modifiedAt(), Set.of(), Set.of()).changes())),
                            false, r -> { }));
                }
            } catch (RecordDecodeException ex) {
                out.failures.add(new Failure(i.record(), ex.getMessage()));
            }
        }
        return pending;
    }

    private Pending removal(Item i, NylasEvent e, Map<String, Object> existing) {
        String behavior = config.deletedEvent();
        if (existing == null || "ignore".equals(behavior)) {
            metrics.skipped.incrementAndGet();
            return null;
        }
        Instant stored = modifiedAt == null ? null : SfValues.parseDateTime(existing.get(modifiedAt));
        if (e.modifiedAt() != null && stored != null && e.modifiedAt().isBefore(stored)) {
            metrics.conflicts.incrementAndGet();
            metrics.skipped.incrementAndGet();
            return null;
        }
        String id = str(existing.get("Id"));
        if ("delete".equals(behavior)) {
            return new Pending(i, WriteOp.delete("Event", id), false, r -> { });
        }
        Map<String, Object> f = EventMapper.cancellation(existing.get("Subject"));
        if (!f.containsKey("Subject") && "Free".equals(existing.get("ShowAs"))) {
            metrics.skipped.incrementAndGet();
            return null;
        }
        if (modifiedAt != null && e.modifiedAt() != null) {
            f.put(modifiedAt, SfValues.dateTime(e.modifiedAt()));
        }
        return new Pending(i, WriteOp.update("Event", id, f), false, r -> { });
    }

    // ================================================================== execution and outcomes

    private boolean runWrites(List<WriteOp> ops, Outcome out) {
        try {
            writer.write(ops);
            return true;
        } catch (ApiException e) {
            if (e.isRetriable()) {
                retry(out, e.getMessage(), e);
                return false;
            }
            throw e;
        }
    }

    private void execute(List<Pending> pending, Outcome out) {
        List<WriteOp> ops = pending.stream().map(Pending::op).toList();
        if (!runWrites(ops, out)) {
            return;
        }
        for (Pending p : pending) {
            SaveResult r = p.op().result();
            if (r.success()) {
                if (p.link()) {
                    metrics.linked.incrementAndGet();
                } else if (r.created()) {
                    metrics.created.incrementAndGet();
                } else {
                    metrics.updated.incrementAndGet();
                }
                p.onSuccess().accept(r);
                continue;
            }
            SaveError err = r.firstError();
            if ("DUPLICATE_EXTERNAL_ID".equals(err.statusCode())) {
                // a concurrent writer created a second record with our external ID: the redelivery's lookups
                // see both and update the most recent one deterministically
                retry(out, err.describe(), null);
            } else if (err.isDuplicate() && p.op().action() != WriteOp.Action.UPDATE && !p.link()
                    && "Lead".equals(p.op().sobject()) && !(p.item().obj() instanceof NylasContact)
                    && !err.duplicateIds().isEmpty()) {
                String match = err.duplicateIds().stream().sorted().findFirst().orElseThrow();
                p.onSuccess().accept(new SaveResult(match, true, false, null));
                metrics.skipped.incrementAndGet();
            } else if (err.isDuplicate() && p.item().obj() instanceof NylasContact && !err.duplicateIds().isEmpty()) {
                continue; // resolveDuplicates updates the matched record
            } else {
                out.failures.add(new Failure(p.item().record(), p.op().sobject() + " " + err.describe()));
            }
        }
    }

    private static void retry(Outcome out, String reason, ApiException cause) {
        if (out.retryReason == null) {
            out.retryReason = reason;
            out.retryCause = cause;
        }
    }
}

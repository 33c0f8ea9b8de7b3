package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.common.config.ApiBudgetConfig;
import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.common.salesforce.SalesforceClient;
import io.nylassf.connect.common.salesforce.SaveResult;
import io.nylassf.connect.sink.salesforce.AttachmentsConfig;
import io.nylassf.connect.sink.salesforce.SalesforceSinkConnectorConfig;
import io.nylassf.connect.sink.salesforce.SinkMetrics;
import io.nylassf.connect.sink.salesforce.mapping.ConflictResolver;
import io.nylassf.connect.sink.salesforce.options.UnmatchedMessage;
import io.nylassf.connect.sink.salesforce.pipeline.BatchResult.DeadLetter;
import io.nylassf.connect.sink.salesforce.pipeline.PeoplePlanner.PeoplePlan;
import io.nylassf.connect.sink.salesforce.files.AttachmentFetcher;
import io.nylassf.connect.sink.salesforce.files.AttachmentRules;
import io.nylassf.connect.sink.salesforce.files.FileWriter;
import io.nylassf.connect.sink.salesforce.write.ItemRetries;
import io.nylassf.connect.sink.salesforce.write.QueryBatch;
import io.nylassf.connect.sink.salesforce.write.WriteOp;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns one batch of sink records into Salesforce writes, one way: decode and de-duplicate → skip the replays the
 * lookup cache vouches for → read an {@link OrgSnapshot} (batched queries) → plan (pure) and write in phases:
 * Accounts, people, Leads for unmatched senders, activities, in EmailMessage mode the emails' people as
 * EmailMessageRelations, and (when enabled) the messages' attachments as Files ({@link AttachmentPhase}). Each
 * phase returns its results and a later phase gets what an earlier one created as a new snapshot. Every write is idempotent (external IDs, last-write-wins),
 * so a redelivered batch does no harm.
 *
 * <p>Thread-safe: batches run on several threads at once; everything a batch knows lives in its own call, and the
 * shared parts (settings, planners, the cache, the metrics) are immutable or synchronized.
 */
public final class BatchPipeline implements BatchWriter {
    private static final Logger log = LoggerFactory.getLogger(BatchPipeline.class);

    private final SalesforceSinkConnectorConfig config;
    private final SalesforceClient client;
    private final SinkMetrics metrics;
    private final BatchDecoder decoder = new BatchDecoder();
    private final Counterparts counterparts;
    private final OrgLookups lookups;
    private final WriteExecutor executor;
    private final CacheKeeper cacheKeeper;
    private volatile Planners planners;
    /** Phase 6, with salesforce.attachments.enabled: the messages' files; null when off. */
    private final AttachmentPhase attachments;

    public BatchPipeline(SalesforceSinkConnectorConfig config, SalesforceClient client, ItemRetries writer,
                         SinkMetrics metrics, LookupCache cache) {
        this(config, client, writer, metrics, cache, null);
    }

    /** @param nylas where attachments are downloaded from; null leaves them out (only listed in the activity) */
    public BatchPipeline(SalesforceSinkConnectorConfig config, SalesforceClient client, ItemRetries writer,
                         SinkMetrics metrics, LookupCache cache, NylasClient nylas) {
        this.attachments = nylas == null ? null : attachmentPhase(config, client, nylas, metrics);
        this.config = config;
        this.client = client;
        this.metrics = metrics;
        this.counterparts = new Counterparts(Planners.messageMapper(config), config.internalDomains());
        this.lookups = new OrgLookups(config, client, counterparts);
        this.executor = new WriteExecutor(writer);
        this.cacheKeeper = new CacheKeeper(cache, config.modifiedAtField(), config.messageTarget().sobject(),
                counterparts);
    }

    private static AttachmentPhase attachmentPhase(SalesforceSinkConnectorConfig config, SalesforceClient client,
                                                   NylasClient nylas, SinkMetrics metrics) {
        AttachmentRules rules = AttachmentsConfig.rules(config);
        String ext = AttachmentsConfig.externalIdField(config);
        return new AttachmentPhase(rules, new AttachmentFetcher(nylas, rules), new FileWriter(client, ext),
                () -> new QueryBatch(client), client.limits(), ApiBudgetConfig.reserve(config), ext,
                metrics.attachments);
    }

    /** The planners, built at the first batch: the conflict rules may need the user the sink writes as (a call). */
    private Planners planners() {
        Planners p = planners;
        if (p == null) {
            synchronized (this) {
                p = planners;
                if (p == null) {
                    String sinkUser = config.followOwnWrites() ? client.userId() : null;
                    if (config.followOwnWrites() && sinkUser == null) {
                        log.warn("Could not tell which Salesforce user this sink writes as; fields that are not "
                                + "Nylas-owned are only filled when empty");
                    }
                    p = Planners.of(config, new ConflictResolver(config.ownership(), config.modifiedAtField(),
                            sinkUser), counterparts, lookups::isCompanyDomain);
                    planners = p;
                }
            }
        }
        return p;
    }

    @Override
    public BatchResult write(List<SinkRecord> records) {
        Planners p = planners();
        Decoded all = decoder.decode(records);
        all.contacts().forEach(i -> metrics.sourceTime(i.obj().modifiedAt()));
        all.messages().forEach(i -> metrics.sourceTime(i.obj().modifiedAt()));
        all.events().forEach(i -> metrics.sourceTime(i.obj().modifiedAt()));
        Decoded batch = cacheKeeper.skipReplays(all);
        Outcome out = new Outcome(new DriftTally(records));
        out.add(batch.unreadable(), batch.tally());
        if (!batch.isEmpty()) {
            phases(p, batch, out);
        }
        cacheKeeper.forget(out.deadLetters, all);
        out.reportDrift();
        return out.result();
    }

    private void phases(Planners p, Decoded batch, Outcome out) {
        OrgSnapshot org = lookups.read(batch, cacheKeeper.cache());
        cacheKeeper.rememberReads(batch, org);

        // Phases 1 and 2: Accounts to create, then people (Contacts and Leads).
        PeoplePlan people = p.people().plan(batch.contacts(), org, batch.hasActivities());
        out.add(people.ready());
        List<Planned> peopleWrites = new ArrayList<>(people.ready().writes());
        if (!people.accountsToCreate().isEmpty()) {
            Accounts accounts = createAccounts(p.people(), people.accountsToCreate(), out);
            if (out.retry != null) {
                return;
            }
            org = org.withAccounts(accounts.created());
            Plan underAccounts = p.people().underAccounts(people.awaitingAccount(), org, accounts.failures());
            out.add(underAccounts);
            peopleWrites.addAll(underAccounts.writes());
        }
        Settled written = phase(peopleWrites, out);
        if (!written.duplicates().isEmpty() && out.retry == null) {
            Set<String> ids = new TreeSet<>();
            written.duplicates().forEach(d -> ids.addAll(d.error().duplicateIds()));
            Plan updates = p.people().duplicates(written.duplicates(), lookups.people(ids));
            out.add(updates);
            phase(updates.writes(), out);
        }
        if (out.retry != null) {
            return;
        }
        org = org.withNewPeople(written.newPeople());

        // Phase 3: Leads for messages nobody matches (behavior.on.unmatched.message=create_lead).
        if (config.unmatchedMessage() == UnmatchedMessage.CREATE_LEAD) {
            Plan leads = p.senderLeads().plan(batch.messages(), org);
            out.add(leads);
            Settled created = phase(leads.writes(), out);
            if (out.retry != null) {
                return;
            }
            org = org.withNewPeople(created.newPeople());
        }
        if (config.relateToOpportunity()) {
            org = org.withOpportunities(lookups.openOpportunities(contactsNamed(batch, org)));
        }
        // Phase 4: activities, and the reconnect Tasks of grants that expired or came back.
        Plan activities = p.messages().plan(batch.messages(), org).plus(p.events().plan(batch.events(), org))
                .plus(p.grants().plan(batch.grants(), org));
        out.add(activities);
        Settled activityWrites = record(retryWhereTheCacheNamedThePerson(execute(activities.writes()), org), out);
        // Phase 5 (EmailMessage mode): the people of each email, as EmailMessageRelations.
        if (config.emailMessageMode() && out.retry == null) {
            Plan relations = p.relations().plan(batch.messages(), createdEmailMessages(activityWrites), org);
            out.add(relations);
            phase(relations.writes(), out);
        }

        // Phase 6: the messages' attachments as Files (salesforce.attachments.enabled).
        if (attachments != null && out.retry == null && !batch.messages().isEmpty()) {
            BatchResult.Retry files = attachments.run(batch.messages(), activityWrites.succeeded(), org,
                    config.messageTarget().sobject());
            if (files != null) {
                // the activities are written; forgetting them makes the redelivery look them up (unchanged)
                // and copy the files still missing, instead of skipping the messages as replays
                batch.messages().forEach(i -> cacheKeeper.cache().forgetRecord(i.key()));
                out.retry(files);
            }
        }
    }

    /** The EmailMessages phase 4 wrote, by the Nylas ID of their message. */
    private static Map<String, String> createdEmailMessages(Settled s) {
        Map<String, String> out = new HashMap<>();
        for (Settled.Done d : s.succeeded()) {
            if ("EmailMessage".equals(d.planned().op().sobject()) && d.planned().kind() == Planned.Kind.WRITE) {
                out.put(d.planned().item().obj().id(), d.id());
            }
        }
        return out;
    }

    /**
     * An activity that failed naming a person only the cache knew may have failed because of the cache (the
     * person merged or deleted meanwhile): its people are forgotten and the batch is written again, asking afresh,
     * instead of dead-lettering it.
     */
    private Settled retryWhereTheCacheNamedThePerson(Settled s, OrgSnapshot org) {
        Map<SinkRecord, Planned> byRecord = new IdentityHashMap<>();
        s.failed().forEach(p -> byRecord.put(p.item().record(), p));
        List<DeadLetter> keep = new ArrayList<>();
        String stale = null;
        for (DeadLetter d : s.failures()) {
            Planned p = byRecord.get(d.record());
            List<String> emails = p == null ? List.of() : counterparts.of(p.item().obj());
            if (p != null && org.personFromCache(emails)) {
                emails.forEach(cacheKeeper.cache()::forgetPerson);
                stale = stale != null ? stale : d.reason();
            } else {
                keep.add(d);
            }
        }
        if (stale == null) {
            return s;
        }
        log.info("An activity naming a person the lookup cache knew failed ({}); writing the batch again", stale);
        return new Settled(s.newPeople(), keep, s.duplicates(), s.succeeded(), s.failed(), s.retry() != null
                ? s.retry() : new BatchResult.Retry("person from the lookup cache may be stale: " + stale, null),
                s.tally());
    }

    /** The Accounts created, by domain, and why the others were not. */
    private record Accounts(Map<String, Map<String, Object>> created, Map<String, String> failures) {
    }

    /** Writes one Account per domain. */
    private Accounts createAccounts(PeoplePlanner planner, Map<String, String> names, Outcome out) {
        List<String> domains = new ArrayList<>(names.keySet());
        List<WriteOp> ops = planner.accountWrites(names);
        WriteExecutor.Results r = executor.write(ops);
        if (r.retrying()) {
            out.retry(r.retry());
            return new Accounts(Map.of(), Map.of());
        }
        Map<String, Map<String, Object>> created = new LinkedHashMap<>();
        Map<String, String> failures = new HashMap<>();
        for (int k = 0; k < ops.size(); k++) {
            SaveResult s = r.results().get(k);
            if (s.success()) {
                out.add(List.of(), s.created() ? new Tally(1, 0, 0, 0, 0) : new Tally(0, 1, 0, 0, 0));
                Map<String, Object> account = new LinkedHashMap<>(ops.get(k).fields());
                account.put("Id", s.id());
                created.put(domains.get(k), account);
            } else {
                failures.put(domains.get(k), "Account " + s.firstError().describe());
            }
        }
        return new Accounts(created, failures);
    }

    /** Writes a phase, keeps the cache and the outcome, and returns what the phase came to. */
    private Settled phase(List<Planned> writes, Outcome out) {
        return record(execute(writes), out);
    }

    private Settled execute(List<Planned> writes) {
        return Settled.of(writes, writes.isEmpty() ? new WriteExecutor.Results(List.of(), null)
                : executor.run(writes));
    }

    private Settled record(Settled s, Outcome out) {
        cacheKeeper.rememberWrites(s);
        out.drift.add(s);
        out.add(s.failures(), s.tally());
        if (s.retry() != null) {
            out.retry(s.retry());
        }
        return s;
    }

    /** The Contacts the batch's activities name, for their open Opportunities. */
    private Set<String> contactsNamed(Decoded batch, OrgSnapshot org) {
        Set<String> ids = new TreeSet<>();
        List<Item> activities = new ArrayList<>(batch.messages());
        activities.addAll(batch.events());
        for (Item i : activities) {
            Person who = org.person(counterparts.of(i.obj()));
            if (who != null && who.isContact()) {
                ids.add(who.id());
            }
        }
        return ids;
    }

    /** What the batch came to so far (a local of one {@link #write} call). */
    private final class Outcome {
        private final List<DeadLetter> deadLetters = new ArrayList<>();
        private final DriftTally drift;
        private BatchResult.Retry retry;

        Outcome(DriftTally drift) {
            this.drift = drift;
        }

        /** Counts and logs what the batch's reconciliation records repaired (a batch written again counts again). */
        void reportDrift() {
            if (drift.checked() == 0 || retry != null) {
                return;
            }
            drift.repaired().forEach(metrics::driftRepaired);
            log.info("Reconciliation: {} record(s) checked, {} repaired {}", drift.checked(), drift.total(),
                    drift.repaired());
        }

        void add(Plan plan) {
            add(plan.failures(), plan.tally());
        }

        void add(List<DeadLetter> failures, Tally tally) {
            deadLetters.addAll(failures);
            tally.addTo(metrics);
        }

        void retry(BatchResult.Retry r) {
            if (retry == null) {
                retry = r;
            }
        }

        BatchResult result() {
            return new BatchResult(deadLetters, retry);
        }
    }
}

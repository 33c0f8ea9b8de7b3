package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.common.salesforce.SaveError;
import io.nylassf.connect.sink.salesforce.mapping.ConflictResolver;
import io.nylassf.connect.sink.salesforce.mapping.ConflictResolver.Resolution;
import io.nylassf.connect.sink.salesforce.mapping.ContactMapper;
import io.nylassf.connect.sink.salesforce.mapping.DomainNormalizer;
import io.nylassf.connect.sink.salesforce.mapping.FieldLimits;
import io.nylassf.connect.sink.salesforce.mapping.PersonRouter;
import io.nylassf.connect.sink.salesforce.mapping.SfValues;
import io.nylassf.connect.sink.salesforce.record.NylasContact;
import io.nylassf.connect.sink.salesforce.write.WriteOp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import static io.nylassf.connect.sink.salesforce.pipeline.SfRecords.pick;
import static io.nylassf.connect.sink.salesforce.pipeline.SfRecords.sobjectOf;
import static io.nylassf.connect.sink.salesforce.pipeline.SfRecords.str;

/**
 * Plans Nylas contacts as Contacts and Leads (pure): an update of the record with the contact's Nylas ID, else of
 * the one with its email, under the conflict rules; else a new person routed to a Contact (under the domain's
 * Account, which may have to be created first) or a Lead. People are never deleted by the sync.
 */
final class PeoplePlanner {
    private static final Logger log = LoggerFactory.getLogger(PeoplePlanner.class);

    /** The plan, the Accounts to create first (domain → name) and the new people waiting for them, by domain. */
    record PeoplePlan(Plan ready, Map<String, String> accountsToCreate, Map<String, List<Planned>> awaitingAccount) {
    }

    /** A new person a duplicate rule refused, with the records it matched. */
    record Duplicate(Planned planned, SaveError error) {
    }

    private final ContactMapper mapper;
    private final PersonRouter router;
    private final ConflictResolver resolver;
    private final String contactExt;
    private final Predicate<String> companyDomain;
    private final String accountDomainField;
    private final String accountExternalId;
    private final PersonOwnership ownership;

    PeoplePlanner(ContactMapper mapper, PersonRouter router, ConflictResolver resolver, String contactExt,
                  Predicate<String> companyDomain, String accountDomainField, String accountExternalId,
                  PersonOwnership ownership) {
        this.ownership = ownership;
        this.mapper = mapper;
        this.router = router;
        this.resolver = resolver;
        this.contactExt = contactExt;
        this.companyDomain = companyDomain;
        this.accountDomainField = accountDomainField;
        this.accountExternalId = accountExternalId;
    }

    /** @param wantIds whether new people's IDs are needed (activities in the same batch link to them) */
    PeoplePlan plan(List<Item> contacts, OrgSnapshot org, boolean wantIds) {
        Plan.Builder plan = new Plan.Builder();
        Map<String, String> accounts = new LinkedHashMap<>();
        Map<String, List<Planned>> awaiting = new LinkedHashMap<>();
        for (Item i : contacts) {
            NylasContact c = (NylasContact) i.obj();
            if (c.deleted()) {
                plan.skip(); // people are never deleted from the CRM by the sync
                continue;
            }
            String email = ContactMapper.primaryEmail(c);
            String domain = DomainNormalizer.ofEmail(email);
            Map<String, Object> matchedAccount = org.account(domain);
            String accountId = matchedAccount == null ? null : str(matchedAccount.get("Id"));
            Map<String, Object> existing = existing(c, email, org);
            if (existing != null) {
                update(plan, i, existing, accountId);
                continue;
            }
            PersonRouter.Route route = router.route(domain, accountId, domain != null && companyDomain.test(domain));
            Map<String, Object> fields = mapper.fields(c, route.sobject());
            fields.put(contactExt, c.id());
            if (route.accountId() != null) {
                fields.put("AccountId", route.accountId());
            }
            Resolution res = resolver.resolve(route.sobject(), fields, null, c.modifiedAt(), Set.of(), Set.of());
            WriteOp op = ownership.apply(WriteOp.upsert(route.sobject(), contactExt, res.changes()), i, org, plan);
            Planned p = new Planned(i, wantIds ? op.wantId() : op, Planned.Kind.WRITE, email);
            if (route.createAccount()) {
                accounts.putIfAbsent(domain, c.companyName() != null && !c.companyName().isBlank()
                        ? c.companyName() : domain);
                awaiting.computeIfAbsent(domain, d -> new ArrayList<>()).add(p);
            } else {
                plan.write(p);
            }
        }
        return new PeoplePlan(plan.build(), accounts, awaiting);
    }

    /** The record a contact updates: the one with its Nylas ID, else a Contact, else a Lead, with its email. */
    private static Map<String, Object> existing(NylasContact c, String email, OrgSnapshot org) {
        List<Map<String, Object>> byExt = new ArrayList<>(org.ext("Contact", c.id()));
        byExt.addAll(org.ext("Lead", c.id()));
        if (!byExt.isEmpty()) {
            return pick(byExt, "Nylas contact " + c.id());
        }
        if (email == null) {
            return null;
        }
        List<Map<String, Object>> contacts = org.contactsWithEmail(email);
        List<Map<String, Object>> leads = org.leadsWithEmail(email);
        return !contacts.isEmpty() ? pick(contacts, "email of Nylas contact " + c.id())
                : !leads.isEmpty() ? pick(leads, "email of Nylas contact " + c.id()) : null;
    }

    private void update(Plan.Builder plan, Item i, Map<String, Object> existing, String accountId) {
        NylasContact c = (NylasContact) i.obj();
        String sobject = sobjectOf(existing);
        Map<String, Object> fields = mapper.fields(c, sobject);
        if ("Contact".equals(sobject) && accountId != null) {
            fields.put("AccountId", accountId);
        }
        boolean linking = SfValues.isEmpty(existing.get(contactExt));
        if (linking) {
            fields.put(contactExt, c.id());
        }
        Resolution res = resolver.resolve(sobject, fields, existing, c.modifiedAt(), Set.of(contactExt), Set.of());
        plan.updateOrSkip(i, sobject, str(existing.get("Id")), res, linking ? Planned.Kind.LINK : Planned.Kind.WRITE);
    }

    /** One Account upsert per domain, keyed by the domain so tasks meeting the same new domain at once make one. */
    List<WriteOp> accountWrites(Map<String, String> namesByDomain) {
        List<WriteOp> ops = new ArrayList<>();
        namesByDomain.forEach((domain, name) -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("Name", FieldLimits.truncate(name, 255));
            f.put(accountDomainField, domain);
            f.put(accountExternalId, domain);
            ops.add(WriteOp.upsert("Account", accountExternalId, f).wantId());
        });
        return ops;
    }

    /**
     * The people that waited for their Account: each under the Account now known for its domain, or dead-lettered
     * with why the Account could not be created.
     */
    Plan underAccounts(Map<String, List<Planned>> awaiting, OrgSnapshot org, Map<String, String> accountFailures) {
        Plan.Builder plan = new Plan.Builder();
        awaiting.forEach((domain, people) -> {
            Map<String, Object> account = org.account(domain);
            for (Planned p : people) {
                if (account != null) {
                    plan.write(p.withOp(p.op().with("AccountId", str(account.get("Id")))));
                } else {
                    plan.fail(p.item(), accountFailures.getOrDefault(domain, "ACCOUNT_NOT_CREATED: no Account for "
                            + domain));
                }
            }
        });
        return plan.build();
    }

    /** DUPLICATES_DETECTED on a new person: update the matched record instead (the conflict rules apply). */
    Plan duplicates(List<Duplicate> refused, Map<String, Map<String, Object>> matchedById) {
        Plan.Builder plan = new Plan.Builder();
        for (Duplicate d : refused) {
            Item i = d.planned().item();
            List<Map<String, Object>> matches = d.error().duplicateIds().stream().map(matchedById::get)
                    .filter(Objects::nonNull).toList();
            if (matches.isEmpty()) {
                plan.fail(i, d.error().describe());
                continue;
            }
            NylasContact c = (NylasContact) i.obj();
            Map<String, Object> target = pick(matches, "duplicate rule match for Nylas contact " + c.id());
            log.info("DUPLICATES_DETECTED for Nylas contact {}: updating matched {} {}", c.id(), sobjectOf(target),
                    target.get("Id"));
            update(plan, i, target, null);
        }
        return plan.build();
    }
}

package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.common.loop.LoopGuard;
import io.nylassf.connect.sink.salesforce.mapping.ConflictResolver;
import io.nylassf.connect.sink.salesforce.mapping.MessageToTaskMapper;
import io.nylassf.connect.sink.salesforce.mapping.SfValues;
import io.nylassf.connect.sink.salesforce.options.MessageTarget;
import io.nylassf.connect.sink.salesforce.options.UnmatchedMessage;
import io.nylassf.connect.sink.salesforce.record.NylasMessage;
import io.nylassf.connect.sink.record.RecordDecodeException;
import io.nylassf.connect.sink.salesforce.write.WriteOp;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.nylassf.connect.sink.salesforce.pipeline.SfRecords.pick;
import static io.nylassf.connect.sink.salesforce.pipeline.SfRecords.str;

/**
 * Plans messages as Tasks or EmailMessages (pure): linked to the first counterpart that is a known person and to
 * that Contact's Account or open Opportunity. A message written from Salesforce (loop guard) only gets its Nylas ID;
 * a sent EmailMessage never changes; a deleted message leaves its activity in place (it happened).
 */
record MessagePlanner(MessageToTaskMapper mapper, Counterparts counterparts, ConflictResolver resolver,
                      MessageTarget target, UnmatchedMessage unmatched, String messageExt, String modifiedAt) {

    Plan plan(List<Item> messages, OrgSnapshot org) {
        Plan.Builder plan = new Plan.Builder();
        String sobject = target.sobject();
        for (Item i : messages) {
            NylasMessage m = (NylasMessage) i.obj();
            if (m.deleted()) {
                plan.skip(); // the activity record stays: it happened
                continue;
            }
            List<Map<String, Object>> byExt = org.ext(sobject, m.id());
            Map<String, Object> existing = byExt.isEmpty() ? null : pick(byExt, "Nylas message " + m.id());
            Optional<String> tag = LoopGuard.find(m.metadata()).filter(x -> sobject.equals(SfRecords.sobjectOfId(x)));
            if (tag.isPresent()) {
                if (existing != null && SfValues.same(existing.get("Id"), tag.get())) {
                    plan.skip(); // already linked
                } else {
                    plan.write(Links.link(i, sobject, tag.get(), messageExt, modifiedAt));
                }
                continue;
            }
            if (existing != null && target == MessageTarget.EMAIL_MESSAGE) {
                plan.skip(); // sent EmailMessages cannot change
                continue;
            }
            try {
                planOne(plan, i, m, existing, org);
            } catch (RecordDecodeException e) {
                plan.fail(i, e.getMessage());
            }
        }
        return plan.build();
    }

    private void planOne(Plan.Builder plan, Item i, NylasMessage m, Map<String, Object> existing, OrgSnapshot org) {
        String sobject = target.sobject();
        Person who = org.person(counterparts.of(m));
        if (existing == null && who == null) {
            if (unmatched == UnmatchedMessage.FAIL) {
                plan.fail(i, "NO_MATCHING_PERSON: no Contact or Lead matches the message's counterparts");
            } else {
                plan.skip();
            }
            return;
        }
        String what = org.what(who);
        String whoId = who == null ? null : who.id();
        Owner owner = org.owner(m.grantId());
        Map<String, Object> fields = target == MessageTarget.EMAIL_MESSAGE
                ? mapper.emailMessage(m, what != null ? what : whoId)
                : mapper.task(m, whoId, what, owner == null ? null : owner.zone());
        if (existing != null) {
            plan.updateOrSkip(i, sobject, str(existing.get("Id")), resolver.resolve(sobject, fields, existing,
                    m.modifiedAt(), Set.of(), MessageToTaskMapper.TASK_CREATE_ONLY), Planned.Kind.WRITE);
            return;
        }
        fields.put(messageExt, m.id());
        Map<String, Object> create = target == MessageTarget.EMAIL_MESSAGE ? fields
                : resolver.resolve(sobject, fields, null, m.modifiedAt(), Set.of(), Set.of()).changes();
        if (target == MessageTarget.TASK) {
            // the rep whose mailbox it came from owns it; only on create: an existing Task keeps its owner
            if (owner != null) {
                create.put("OwnerId", owner.userId());
            } else {
                plan.ownerFallback(i);
            }
        }
        plan.write(Planned.write(i, WriteOp.upsert(sobject, messageExt, create)));
    }
}

package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.common.loop.LoopGuard;
import io.nylassf.connect.sink.salesforce.mapping.MessageToTaskMapper;
import io.nylassf.connect.sink.salesforce.record.NylasMessage;
import io.nylassf.connect.sink.salesforce.record.Participant;
import io.nylassf.connect.sink.salesforce.write.WriteOp;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.nylassf.connect.sink.salesforce.pipeline.SfRecords.str;

/**
 * Links an email's people the way Salesforce does (pure): one {@code EmailMessageRelation} per sender and recipient
 * who is a Contact, a Lead or a User, with its role (FromAddress, ToAddress, CcAddress, BccAddress). Relations have
 * no external ID, so each is created only when the EmailMessage does not have it yet: a replay, the same email in a
 * second mailbox, or a batch written again after a crash adds only what is missing.
 */
final class RelationPlanner {
    static final String SOBJECT = "EmailMessageRelation";

    /**
     * @param created the EmailMessage this batch created for a message, by the message's Nylas ID
     */
    Plan plan(List<Item> messages, Map<String, String> created, OrgSnapshot org) {
        Plan.Builder plan = new Plan.Builder();
        Set<String> planned = new HashSet<>();
        for (Item i : messages) {
            NylasMessage m = (NylasMessage) i.obj();
            if (m.deleted() || LoopGuard.find(m.metadata()).isPresent()) {
                continue;
            }
            String emailMessage = emailMessageOf(m, created, org);
            if (emailMessage == null) {
                continue;
            }
            role(plan, planned, i, org, emailMessage, "FromAddress", m.from().isEmpty() ? List.of()
                    : List.of(m.from().get(0)));
            role(plan, planned, i, org, emailMessage, "ToAddress", m.to());
            role(plan, planned, i, org, emailMessage, "CcAddress", m.cc());
            role(plan, planned, i, org, emailMessage, "BccAddress", m.bcc());
        }
        return plan.build();
    }

    /** This message's EmailMessage: created now, found by Nylas ID, or found by Message-ID (another mailbox's). */
    private String emailMessageOf(NylasMessage m, Map<String, String> created, OrgSnapshot org) {
        String id = created.get(m.id());
        if (id == null && !org.ext("EmailMessage", m.id()).isEmpty()) {
            id = str(SfRecords.mostRecent(org.ext("EmailMessage", m.id())).get("Id"));
        }
        if (id == null) {
            Map<String, Object> same = org.email().byIdentifier(MessageToTaskMapper.messageIdentifier(m));
            id = same == null ? null : str(same.get("Id"));
        }
        return id;
    }

    private void role(Plan.Builder plan, Set<String> planned, Item i, OrgSnapshot org, String emailMessage,
                      String type, List<Participant> people) {
        for (Participant p : people) {
            if (p.email() == null) {
                continue;
            }
            Person person = org.person(List.of(p.email()));
            String relationId = person != null ? person.id() : org.email().user(p.email());
            if (relationId == null || org.email().related(emailMessage, type, relationId)
                    || !planned.add(emailMessage + "|" + EmailIndex.key(type, relationId))) {
                continue;
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("EmailMessageId", emailMessage);
            f.put("RelationId", relationId);
            f.put("RelationType", type);
            f.put("RelationAddress", p.email()); // an address is at most 254 characters (RFC 5321), the field 255
            plan.write(new Planned(i, WriteOp.create(SOBJECT, f), Planned.Kind.RELATION, null));
        }
    }
}

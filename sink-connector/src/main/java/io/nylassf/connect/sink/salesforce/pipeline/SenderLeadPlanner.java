package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.common.loop.LoopGuard;
import io.nylassf.connect.sink.salesforce.mapping.ContactMapper;
import io.nylassf.connect.sink.salesforce.mapping.DomainNormalizer;
import io.nylassf.connect.sink.salesforce.mapping.FieldLimits;
import io.nylassf.connect.sink.salesforce.record.NylasMessage;
import io.nylassf.connect.sink.salesforce.write.WriteOp;
import io.nylassf.connect.sink.salesforce.mapping.MessageToTaskMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plans a Lead for each new message none of whose counterparts is a known person
 * ({@code behavior.on.unmatched.message=create_lead}; pure): one per email, upserted on a key derived from the
 * email, so tasks that meet the same new sender at once make one Lead.
 */
final class SenderLeadPlanner {
    private final Counterparts counterparts;
    private final String messageObject;
    private final String emailKeyField;

    private final PersonOwnership ownership;

    SenderLeadPlanner(Counterparts counterparts, String messageObject, String emailKeyField,
                      PersonOwnership ownership) {
        this.ownership = ownership;
        this.counterparts = counterparts;
        this.messageObject = messageObject;
        this.emailKeyField = emailKeyField;
    }

    Plan plan(List<Item> messages, OrgSnapshot org) {
        Map<String, Planned> byEmail = new LinkedHashMap<>();
        Plan.Builder plan = new Plan.Builder();
        for (Item i : messages) {
            NylasMessage m = (NylasMessage) i.obj();
            if (m.deleted() || !org.ext(messageObject, m.id()).isEmpty() || LoopGuard.find(m.metadata())
                    .filter(id -> messageObject.equals(SfRecords.sobjectOfId(id))).isPresent()) {
                continue;
            }
            List<String> emails = counterparts.of(m);
            if (emails.isEmpty() || org.person(emails) != null || byEmail.containsKey(emails.get(0))) {
                continue;
            }
            String email = emails.get(0);
            WriteOp create = ownership.apply(WriteOp.upsert("Lead", emailKeyField, lead(m, email)), i, org, plan);
            byEmail.put(email, new Planned(i, create.wantId(), Planned.Kind.SENDER_LEAD, email));
        }
        byEmail.values().forEach(plan::write);
        return plan.build();
    }

    private Map<String, Object> lead(NylasMessage m, String email) {
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
        f.put(emailKeyField, email.trim().toLowerCase(Locale.ROOT));
        return f;
    }
}

package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.sink.salesforce.mapping.FieldLimits;
import io.nylassf.connect.sink.salesforce.mapping.SfValues;
import io.nylassf.connect.sink.salesforce.record.NylasGrantStatus;
import io.nylassf.connect.sink.salesforce.write.WriteOp;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.nylassf.connect.sink.salesforce.pipeline.SfRecords.str;

/**
 * Makes an expired grant visible to its rep (pure): one open Task, owned by the grant's User, saying the mailbox must
 * be reconnected, and Completed once the grant is valid again. The Task's external ID (the message external-ID field
 * of Task) is {@value #PREFIX}{@code <grant>:<observed epoch second>}: a replayed status record upserts the same
 * Task, and while the grant has an open one no other is created, however often the source reports the expiry.
 */
record GrantTaskPlanner(String extField, ZoneId defaultZone) {
    static final String PREFIX = "nylas-grant-expired:";
    static final String SUBJECT = "Reconnect your mailbox: the CRM sync cannot read it";

    static String externalId(String grantId, Instant observedAt) {
        return PREFIX + grantId + ":" + (observedAt == null ? 0 : observedAt.getEpochSecond());
    }

    /** What every reconnect Task of a grant has in its external ID. */
    static String prefix(String grantId) {
        return PREFIX + grantId + ":";
    }

    Plan plan(List<Item> grants, OrgSnapshot org) {
        Plan.Builder plan = new Plan.Builder();
        for (Item i : grants) {
            NylasGrantStatus g = (NylasGrantStatus) i.obj();
            List<Map<String, Object>> tasks = org.grantTasks(g.grantId());
            if (NylasGrantStatus.EXPIRED.equals(g.status())) {
                String ext = externalId(g.grantId(), g.observedAt());
                boolean shown = tasks.stream().anyMatch(t -> ext.equals(str(t.get(extField))) || !closed(t));
                if (shown) {
                    plan.skip(); // this expiry (or one not yet resolved) already has its Task
                } else {
                    if (org.owner(g.grantId()) == null) {
                        plan.ownerFallback(i);
                    }
                    plan.write(Planned.write(i, WriteOp.upsert("Task", extField, task(g, ext, org))));
                }
            } else if (NylasGrantStatus.VALID.equals(g.status())) {
                List<Map<String, Object>> open = tasks.stream().filter(t -> !closed(t)).toList();
                if (open.isEmpty()) {
                    plan.skip();
                }
                for (Map<String, Object> t : open) {
                    plan.write(Planned.write(i, WriteOp.update("Task", str(t.get("Id")),
                            Map.of("Status", "Completed"))));
                }
            } else {
                plan.skip(); // deleted or forbidden: nothing a reconnect would settle
            }
        }
        return plan.build();
    }

    private Map<String, Object> task(NylasGrantStatus g, String ext, OrgSnapshot org) {
        Owner owner = org.owner(g.grantId());
        ZoneId zone = owner == null || owner.zone() == null ? defaultZone : owner.zone();
        String mailbox = g.email() == null ? "your mailbox" : g.email();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("Subject", SUBJECT);
        f.put("Description", FieldLimits.truncate("Nylas can no longer read " + mailbox
                + (g.reason() == null ? "" : " (" + g.reason() + ")")
                + ", so its email and meetings stop reaching Salesforce and Tasks waiting to be sent from it wait. "
                + "Reconnect the account (sign in again where you connected it); this Task is completed by the sync "
                + "once the mailbox is readable again.", 32_000));
        f.put("Status", "Not Started");
        f.put("Priority", "High");
        if (g.observedAt() != null) {
            f.put("ActivityDate", SfValues.date(g.observedAt().atZone(zone).toLocalDate()));
        }
        f.put(extField, ext);
        if (owner != null) {
            f.put("OwnerId", owner.userId());
        }
        return f;
    }

    private static boolean closed(Map<String, Object> t) {
        return Boolean.TRUE.equals(t.get("IsClosed")) || "Completed".equals(t.get("Status"));
    }
}

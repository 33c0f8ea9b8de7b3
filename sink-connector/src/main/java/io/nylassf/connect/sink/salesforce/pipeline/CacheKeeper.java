package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.sink.salesforce.mapping.SfValues;
import io.nylassf.connect.sink.salesforce.record.NylasContact;
import io.nylassf.connect.sink.salesforce.record.NylasEvent;
import io.nylassf.connect.sink.salesforce.record.NylasRecord;
import io.nylassf.connect.sink.salesforce.write.WriteOp;
import org.apache.kafka.connect.sink.SinkRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static io.nylassf.connect.sink.salesforce.pipeline.SfRecords.mostRecent;
import static io.nylassf.connect.sink.salesforce.pipeline.SfRecords.sobjectOf;

/**
 * Reads and keeps the {@link LookupCache} for the pipeline. A replay costs nothing: an object whose change is not
 * newer than the stamp the sink last wrote or read for it is skipped before any lookup (the conflict rules would
 * find it stale or unchanged). A newer change is always looked up, since only the record tells whether someone
 * edited it. Without a modified-at field there are no stamps, so nothing is skipped.
 */
record CacheKeeper(LookupCache cache, String modifiedAtField, String messageObject, Counterparts counterparts) {

    /** The batch without the replays the cache vouches for, and their count. */
    Decoded skipReplays(Decoded d) {
        if (modifiedAtField == null || !cache.enabled()) {
            return d;
        }
        Tally[] tally = {d.tally()};
        List<List<Item>> kept = new ArrayList<>();
        for (List<Item> items : List.of(d.contacts(), d.messages(), d.events())) {
            List<Item> keep = new ArrayList<>();
            for (Item i : items) {
                Tally skip = replay(i);
                if (skip == null) {
                    keep.add(i);
                } else {
                    tally[0] = tally[0].plus(skip);
                }
            }
            kept.add(keep);
        }
        return new Decoded(kept.get(0), kept.get(1), kept.get(2), d.unreadable(), tally[0], d.grants());
    }

    /** How a replay counts (unchanged: skipped; older: a conflict too), or null when it must be looked up. */
    private Tally replay(Item i) {
        NylasRecord obj = i.obj();
        LookupCache.Written w = obj.modifiedAt() == null || obj.deleted() ? null : cache.record(i.key());
        if (w == null || w.stamp() == null || obj.modifiedAt().isAfter(w.stamp())) {
            return null;
        }
        if (obj instanceof NylasEvent e && e.removed()) {
            // a removal is only skipped when a newer change already reached the Event
            return obj.modifiedAt().isBefore(w.stamp()) ? Tally.skipped(1).plus(Tally.conflicts(1)) : null;
        }
        return obj.modifiedAt().isBefore(w.stamp()) ? Tally.skipped(1).plus(Tally.conflicts(1)) : Tally.skipped(1);
    }

    /** Remembers what the lookups read: each item's record (with the stamp it holds) and the people by email. */
    void rememberReads(Decoded d, OrgSnapshot org) {
        if (!cache.enabled()) {
            return;
        }
        org.peopleByEmail().forEach(cache::putPerson);
        for (Item i : d.contacts()) {
            List<Map<String, Object>> found = new ArrayList<>(org.ext("Contact", i.obj().id()));
            found.addAll(org.ext("Lead", i.obj().id()));
            remember(i, found);
        }
        d.messages().forEach(i -> remember(i, org.ext(messageObject, i.obj().id())));
        d.events().forEach(i -> remember(i, org.ext("Event", i.obj().id())));
    }

    private void remember(Item i, List<Map<String, Object>> found) {
        if (found.isEmpty()) {
            return;
        }
        Map<String, Object> r = mostRecent(found); // the one the planners pick
        Instant stamp = modifiedAtField == null ? null : SfValues.parseDateTime(r.get(modifiedAtField));
        cache.putRecord(i.key(), new LookupCache.Written(SfRecords.id(r), sobjectOf(r), stamp));
    }

    /** Remembers a phase's writes: each item's record with the stamp just written, and the people created. */
    void rememberWrites(Settled s) {
        for (Settled.Done d : s.succeeded()) {
            Planned p = d.planned();
            switch (p.kind()) {
                case WRITE, LINK -> {
                    cache.putRecord(p.item().key(), new LookupCache.Written(d.id(), p.op().sobject(),
                            p.item().obj().modifiedAt()));
                    if (p.item().obj() instanceof NylasContact && p.op().action() == WriteOp.Action.UPDATE) {
                        // an updated person may have moved (email, Account): the next activity asks again
                        counterparts.of(p.item().obj()).forEach(cache::forgetPerson);
                    }
                }
                case REMOVE -> cache.forgetRecord(p.item().key());
                case SENDER_LEAD -> { }
            }
        }
        s.newPeople().forEach(cache::putPerson);
    }

    /**
     * Forgets the records of the dead-lettered items and the people they name: what the cache knew may be why the
     * write failed, so the next change to them is looked up afresh.
     */
    void forget(List<BatchResult.DeadLetter> deadLetters, Decoded d) {
        if (deadLetters.isEmpty() || !cache.enabled()) {
            return;
        }
        Map<SinkRecord, Item> byRecord = new IdentityHashMap<>();
        for (List<Item> items : List.of(d.contacts(), d.messages(), d.events())) {
            items.forEach(i -> byRecord.put(i.record(), i));
        }
        for (BatchResult.DeadLetter dl : deadLetters) {
            Item i = byRecord.get(dl.record());
            if (i != null) {
                cache.forgetRecord(i.key());
                counterparts.of(i.obj()).forEach(cache::forgetPerson);
            }
        }
    }
}

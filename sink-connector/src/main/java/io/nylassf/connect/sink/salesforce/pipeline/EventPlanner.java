package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.common.loop.LoopGuard;
import io.nylassf.connect.sink.salesforce.mapping.ConflictResolver;
import io.nylassf.connect.sink.salesforce.mapping.EventMapper;
import io.nylassf.connect.sink.salesforce.mapping.SfValues;
import io.nylassf.connect.sink.salesforce.options.DeletedEvent;
import io.nylassf.connect.sink.salesforce.record.NylasEvent;
import io.nylassf.connect.sink.record.RecordDecodeException;
import io.nylassf.connect.sink.salesforce.write.WriteOp;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.nylassf.connect.sink.salesforce.pipeline.SfRecords.pick;
import static io.nylassf.connect.sink.salesforce.pipeline.SfRecords.str;

/**
 * Plans calendar events as Events (pure), linked like messages; a deleted or cancelled event's Event is deleted,
 * marked cancelled or left alone ({@code behavior.on.deleted.event}), unless a newer change already reached it.
 * A meeting the outbound direction wrote comes back as an echo of that write and is only linked, never written
 * over its Salesforce Event, unless someone changed it in the calendar since ({@link LoopGuard#changedSinceOwnWrite}).
 * A recurring series becomes one Event per occurrence (each its own Nylas event, upserted on its own id, with the
 * series' id in {@code seriesField}); the series' master is skipped, never flattened into one Event, and when the
 * master is deleted or cancelled, its occurrences' Events are removed with it.
 */
record EventPlanner(EventMapper mapper, Counterparts counterparts, ConflictResolver resolver, DeletedEvent onDeleted,
                    String eventExt, String modifiedAt, String seriesField) {
    /** The snapshot key under which Events are filed by their series id. */
    static final String SERIES = "Event#series";

    /** Without a series field: occurrences are written like single events. */
    EventPlanner(EventMapper mapper, Counterparts counterparts, ConflictResolver resolver, DeletedEvent onDeleted,
                 String eventExt, String modifiedAt) {
        this(mapper, counterparts, resolver, onDeleted, eventExt, modifiedAt, null);
    }

    Plan plan(List<Item> events, OrgSnapshot org) {
        Plan.Builder plan = new Plan.Builder();
        for (Item i : events) {
            NylasEvent e = (NylasEvent) i.obj();
            List<Map<String, Object>> byExt = org.ext("Event", e.id());
            Map<String, Object> existing = byExt.isEmpty() ? null : pick(byExt, "Nylas event " + e.id());
            try {
                if (e.seriesMaster() && !e.removed()) {
                    plan.skip(); // its occurrences are the meetings; the source reads them with it
                    continue;
                }
                if (e.removed()) {
                    List<Map<String, Object>> occurrences = existing != null || seriesField == null ? List.of()
                            : org.ext(SERIES, e.id());
                    if (occurrences.isEmpty()) {
                        removal(plan, i, e, existing);
                    } else { // a removed series: each occurrence's Event, as a removed occurrence's would be
                        occurrences.forEach(o -> removal(plan, i, e, o));
                    }
                    continue;
                }
                Optional<String> tag = LoopGuard.find(e.metadata()).filter(x -> "Event".equals(SfRecords.sobjectOfId(x)));
                if (tag.isPresent() && (existing == null || !SfValues.same(existing.get("Id"), tag.get()))) {
                    plan.write(Links.link(i, "Event", tag.get(), eventExt, modifiedAt));
                    continue;
                }
                if (tag.isPresent() && !LoopGuard.changedSinceOwnWrite(e.metadata(), epochSeconds(e.modifiedAt()))) {
                    // the echo of the outbound direction's own calendar write: nothing a person changed, and
                    // writing it back would overwrite a rep's newer edit of the meeting in Salesforce
                    plan.skip();
                    continue;
                }
                Person who = org.person(counterparts.of(e));
                Map<String, Object> fields = mapper.event(e, who == null ? null : who.id(), org.what(who));
                if (seriesField != null && e.masterEventId() != null) {
                    fields.put(seriesField, e.masterEventId());
                }
                if (existing != null) {
                    plan.updateOrSkip(i, "Event", str(existing.get("Id")),
                            resolver.resolve("Event", fields, existing, e.modifiedAt(), Set.of(), Set.of()),
                            Planned.Kind.WRITE);
                } else {
                    fields.put(eventExt, e.id());
                    Map<String, Object> create = resolver.resolve("Event", fields, null, e.modifiedAt(), Set.of(),
                            Set.of()).changes();
                    // the rep whose calendar it came from owns it (so their edits flow back to that calendar);
                    // only on create: an existing Event keeps its owner
                    Owner owner = org.owner(e.grantId());
                    if (owner != null) {
                        create.put("OwnerId", owner.userId());
                    } else {
                        plan.ownerFallback(i);
                    }
                    plan.write(Planned.write(i, WriteOp.upsert("Event", eventExt, create)));
                }
            } catch (RecordDecodeException ex) {
                plan.fail(i, ex.getMessage());
            }
        }
        return plan.build();
    }

    private static Long epochSeconds(Instant t) {
        return t == null ? null : t.getEpochSecond();
    }

    private void removal(Plan.Builder plan, Item i, NylasEvent e, Map<String, Object> existing) {
        if (existing == null || onDeleted == DeletedEvent.IGNORE) {
            plan.skip();
            return;
        }
        Instant stored = modifiedAt == null ? null : SfValues.parseDateTime(existing.get(modifiedAt));
        if (e.modifiedAt() != null && stored != null && e.modifiedAt().isBefore(stored)) {
            plan.stale();
            return;
        }
        String id = str(existing.get("Id"));
        if (onDeleted == DeletedEvent.DELETE) {
            plan.write(new Planned(i, WriteOp.delete("Event", id), Planned.Kind.REMOVE, null));
            return;
        }
        Map<String, Object> f = EventMapper.cancellation(existing.get("Subject"));
        if (!f.containsKey("Subject") && "Free".equals(existing.get("ShowAs"))) {
            plan.skip();
            return;
        }
        if (modifiedAt != null && e.modifiedAt() != null) {
            f.put(modifiedAt, SfValues.dateTime(e.modifiedAt()));
        }
        plan.write(new Planned(i, WriteOp.update("Event", id, f), Planned.Kind.REMOVE, null));
    }
}

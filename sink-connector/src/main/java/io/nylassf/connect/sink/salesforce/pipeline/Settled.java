package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.common.salesforce.SaveError;
import io.nylassf.connect.common.salesforce.SaveResult;
import io.nylassf.connect.sink.salesforce.pipeline.BatchResult.DeadLetter;
import io.nylassf.connect.sink.salesforce.pipeline.PeoplePlanner.Duplicate;
import io.nylassf.connect.sink.salesforce.record.NylasContact;
import io.nylassf.connect.sink.salesforce.write.WriteOp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.nylassf.connect.sink.salesforce.pipeline.SfRecords.str;

/**
 * What one phase's writes came to (pure): the people it created (for later phases), the records to dead-letter,
 * the new people a duplicate rule refused, what succeeded and what was dead-lettered, and whether the batch must
 * be written again.
 */
record Settled(Map<String, Person> newPeople, List<DeadLetter> failures, List<Duplicate> duplicates,
               List<Done> succeeded, List<Planned> failed, BatchResult.Retry retry, Tally tally) {

    /** A write that succeeded and the Id of its record. */
    record Done(Planned planned, String id) {
    }

    static Settled retry(BatchResult.Retry retry) {
        return new Settled(Map.of(), List.of(), List.of(), List.of(), List.of(), retry, Tally.NONE);
    }

    static Settled of(List<Planned> planned, WriteExecutor.Results written) {
        if (written.retrying()) {
            return retry(written.retry());
        }
        Map<String, Person> people = new HashMap<>();
        List<DeadLetter> failures = new ArrayList<>();
        List<Duplicate> duplicates = new ArrayList<>();
        List<Done> done = new ArrayList<>();
        List<Planned> failed = new ArrayList<>();
        BatchResult.Retry retry = null;
        Tally tally = Tally.NONE;
        for (int k = 0; k < planned.size(); k++) {
            Planned p = planned.get(k);
            SaveResult r = written.results().get(k);
            if (r.success()) {
                tally = tally.plus(p.kind() == Planned.Kind.LINK ? new Tally(0, 0, 1, 0, 0)
                        : r.created() ? new Tally(1, 0, 0, 0, 0) : new Tally(0, 1, 0, 0, 0));
                String id = r.id() != null ? r.id() : p.op().id();
                if (p.personEmail() != null) {
                    people.put(p.personEmail(), new Person(id, p.op().sobject(), str(p.op().fields().get("AccountId"))));
                }
                done.add(new Done(p, id));
                continue;
            }
            SaveError err = r.firstError();
            boolean fromContact = p.item().obj() instanceof NylasContact;
            if ("DUPLICATE_EXTERNAL_ID".equals(err.statusCode())) {
                // a concurrent writer created a second record with our external ID: the redelivery's lookups
                // see both and update the most recent one deterministically
                retry = retry != null ? retry : new BatchResult.Retry(err.describe(), null);
            } else if (err.isDuplicate() && p.kind() == Planned.Kind.SENDER_LEAD
                    && p.op().action() != WriteOp.Action.UPDATE && !err.duplicateIds().isEmpty()) {
                // the sender is a person already: the activity names the matched record
                String match = err.duplicateIds().stream().sorted().findFirst().orElseThrow();
                people.put(p.personEmail(), new Person(match, "Lead", null));
                tally = tally.plus(Tally.skipped(1));
            } else if (err.isDuplicate() && fromContact && !err.duplicateIds().isEmpty()) {
                duplicates.add(new Duplicate(p, err));
            } else {
                failures.add(new DeadLetter(p.item().record(), p.op().sobject() + " " + err.describe()));
                failed.add(p);
            }
        }
        return new Settled(people, failures, duplicates, done, failed, retry, tally);
    }
}

package io.nylassf.testkit.salesforce;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every committed write as a {@link Change}, plus the undo log that lets a composite or allOrNone request roll
 * back to a savepoint: a savepoint is just a position in both lists. Guarded by the org lock.
 */
final class ChangeJournal {
    private record Undo(Table table, String id, Map<String, Object> previous) {}

    private final List<Change> changes = new ArrayList<>();
    private final Deque<Undo> undo = new ArrayDeque<>();
    private int txDepth;
    private long changeSeq;

    /** Enters a (possibly nested) transaction: stores from now on are undoable. */
    void begin() {
        txDepth++;
    }

    /** Leaves a transaction; the outermost end forgets the undo log. */
    void end() {
        if (--txDepth == 0) {
            undo.clear();
        }
    }

    Org.Savepoint savepoint() {
        return new Org.Savepoint(undo.size(), changes.size());
    }

    void rollbackTo(Org.Savepoint sp) {
        while (undo.size() > sp.undoSize()) {
            Undo u = undo.pop();
            u.table().put(u.id(), u.previous());
        }
        while (changes.size() > sp.changeSize()) {
            changes.remove(changes.size() - 1);
        }
    }

    /** Writes the row, remembering the previous one when inside a transaction. */
    void store(Table t, String id, Map<String, Object> row) {
        Map<String, Object> previous = t.put(id, row);
        if (txDepth > 0) {
            undo.push(new Undo(t, id, previous));
        }
    }

    void log(SObjectSchema s, String id, String op, WriteContext ctx, Instant now, Set<String> changed) {
        changes.add(new Change(++changeSeq, s.name(), id, op, ctx.client(), now, Set.copyOf(changed)));
    }

    List<Change> changes() {
        return List.copyOf(changes);
    }

    /** The {@code Sforce-Call-Options} client of the last write to this record, or null. */
    String lastClient(String sobject, String id18) {
        for (int i = changes.size() - 1; i >= 0; i--) {
            Change c = changes.get(i);
            if (c.id().equals(id18) && c.sobject().equalsIgnoreCase(sobject)) {
                return c.client();
            }
        }
        return null;
    }

    /** Forgets the change log (sequence numbers keep counting). */
    void clear() {
        changes.clear();
    }
}

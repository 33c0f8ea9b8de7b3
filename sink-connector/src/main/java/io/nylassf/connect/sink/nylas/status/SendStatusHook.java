package io.nylassf.connect.sink.nylas.status;

import io.nylassf.connect.sink.nylas.NotAuthorizedException;
import io.nylassf.connect.sink.nylas.exec.Outcome;
import io.nylassf.connect.sink.nylas.exec.OutcomeRouter.Rejected;
import io.nylassf.connect.sink.nylas.exec.PendingAction;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.Send;

import java.util.List;

/**
 * Where sends end, their Tasks learn it: a send's outcome with a sent message ({@link Outcome#sent()}) marks its
 * Task sent; a DLQ entry that ends a send for good ({@link Rejected#sendTaskId()}) marks it failed with the
 * reason. Only files updates with the {@link SendStatusWriter}: never blocks, never throws into the task.
 */
public final class SendStatusHook implements AutoCloseable {
    private final TaskStatusMapping mapping;
    private final SendStatusWriter writer;

    public SendStatusHook(TaskStatusMapping mapping, SendStatusWriter writer) {
        this.mapping = mapping;
        this.writer = writer;
    }

    /** Sees every outcome (task thread). */
    public void ended(PendingAction p, Outcome o) {
        if (o.sent() != null && p.action() instanceof Send s) {
            writer.offer(mapping.sent(s.change().id(), o.sent().messageId(), o.sent().at()));
        }
    }

    /** Sees the DLQ entries before they are reported (task thread). */
    public void rejected(List<Rejected> rejected) {
        for (Rejected r : rejected) {
            if (r.sendTaskId() != null) {
                writer.offer(mapping.failed(r.sendTaskId(), reason(r), r.reason() instanceof NotAuthorizedException));
            }
        }
    }

    /** The reason without the {@code Task <Id>: } prefix the DLQ carries: on the Task itself it says nothing. */
    static String reason(Rejected r) {
        String m = r.reason().getMessage();
        if (m == null) {
            m = r.reason().getClass().getSimpleName();
        }
        String prefix = "Task " + r.sendTaskId() + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    public SendStatusWriter writer() {
        return writer;
    }

    @Override
    public void close() {
        writer.close();
    }
}

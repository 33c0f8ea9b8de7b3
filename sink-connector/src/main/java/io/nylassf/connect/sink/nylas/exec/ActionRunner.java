package io.nylassf.connect.sink.nylas.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a list of actions on the keyed pool (one record's actions in order, different records in parallel) and
 * waits for all of them, up to a deadline. Every action ends with an {@link Outcome}: an exception that is not a
 * Nylas API error (a defect, a malformed value the planner let through) is that action's failure, never the
 * batch's; an action still running at the deadline is a transient failure (a later run queues behind it).
 */
public final class ActionRunner {
    /** An action that ran once more, and how that run ended. */
    public record Ended(PendingAction action, Outcome outcome) {
    }

    private final KeyedExecutor executor;
    private final NylasWriter writer;
    private final Duration timeout;

    public ActionRunner(KeyedExecutor executor, NylasWriter writer, Duration timeout) {
        this.executor = executor;
        this.writer = writer;
        this.timeout = timeout;
    }

    public List<Ended> run(List<PendingAction> actions) throws InterruptedException {
        List<CompletableFuture<Outcome>> futures = new ArrayList<>(actions.size());
        for (PendingAction p : actions) {
            futures.add(executor.submit(p.action().change().recordKey(), () -> writer.execute(p.action())));
        }
        List<Ended> out = new ArrayList<>(actions.size());
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < actions.size(); i++) {
            Outcome o;
            try {
                o = futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                o = Outcome.retry("still running after " + timeout, e, null);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                o = Outcome.failed("unexpected " + cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                        cause);
            }
            out.add(new Ended(actions.get(i).ranOnce(), o));
        }
        return out;
    }
}

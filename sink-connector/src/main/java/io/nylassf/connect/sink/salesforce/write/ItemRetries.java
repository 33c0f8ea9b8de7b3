package io.nylassf.connect.sink.salesforce.write;

import io.nylassf.connect.common.http.ApiException;
import io.nylassf.connect.common.http.Backoff;
import io.nylassf.connect.common.salesforce.SaveError;
import io.nylassf.connect.common.salesforce.SaveResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Writes operations and retries, in place, only those that failed for a transient reason of their own
 * ({@code UNABLE_TO_LOCK_ROW}, one 503 subrequest, rows a Bulk job left unprocessed...): each round re-sends just
 * those operations, after an exponential backoff, until {@code maxAttempts} attempts in all. What still fails keeps
 * its last error, marked as given up, for the dead-letter queue. The rest of the batch is never written again and
 * no lookup is repeated.
 *
 * <p>Why in place rather than by a redelivery of the batch: a flush writes in phases (Accounts, people, activities)
 * and a later phase links to what an earlier one wrote, so a phase's stragglers are settled before the next phase
 * is planned. The wait is short and bounded: at most the sum of {@code maxAttempts - 1} backoffs.
 */
public final class ItemRetries {
    private static final Logger log = LoggerFactory.getLogger(ItemRetries.class);

    /** Item errors that a later attempt of the same write may not meet. */
    private static final Set<String> UPSERT_RACE = Set.of("DUPLICATE_VALUE");

    /** How the wait between rounds is spent (a test may make it instant). */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final SalesforceWriter writer;
    private final int maxAttempts;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final AtomicLong retried = new AtomicLong();

    public ItemRetries(SalesforceWriter writer, int maxAttempts, Duration initialBackoff) {
        this(writer, maxAttempts, initialBackoff, d -> Thread.sleep(d.toMillis()));
    }

    public ItemRetries(SalesforceWriter writer, int maxAttempts, Duration initialBackoff, Sleeper sleeper) {
        this.writer = writer;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.backoff = new Backoff(initialBackoff, initialBackoff.multipliedBy(16));
        this.sleeper = sleeper;
    }

    /**
     * Writes every operation and returns their results, aligned with {@code ops}. A whole-request transient failure
     * of the first attempt is thrown (nothing was written: the batch is redelivered); one during a retry round
     * counts as a failed attempt.
     */
    public List<SaveResult> write(List<WriteOp> ops) {
        List<SaveResult> results = new ArrayList<>(writer.write(ops));
        List<Integer> failing = retriable(ops, results, allIndices(ops.size()));
        int attempt = 1;
        while (!failing.isEmpty() && attempt < maxAttempts) {
            attempt++;
            Duration wait = backoff.delay(attempt - 1, (Duration) null);
            log.info("Retrying {} write(s) that failed transiently ({}) in {} ms, attempt {} of {}", failing.size(),
                    results.get(failing.get(0)).firstError().statusCode(), wait.toMillis(), attempt, maxAttempts);
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(ApiException.Kind.TRANSIENT, 0, null, "interrupted between item retries",
                        null, e);
            }
            retried.addAndGet(failing.size());
            List<SaveResult> again;
            try {
                again = writer.write(failing.stream().map(ops::get).toList());
            } catch (ApiException e) {
                if (!e.isRetriable()) {
                    throw e;
                }
                log.info("Retry round failed as a whole ({}); {} write(s) still pending", e.getMessage(),
                        failing.size());
                continue; // the ops keep their transient results
            }
            for (int k = 0; k < failing.size(); k++) {
                results.set(failing.get(k), again.get(k));
            }
            failing = retriable(ops, results, failing);
        }
        for (int i : failing) {
            SaveError last = results.get(i).firstError();
            results.set(i, SaveResult.failure(new SaveError(last.statusCode(), last.message() + " (still failing after "
                    + maxAttempts + " attempt(s); salesforce.item.retry.max.attempts)", last.fields(), null)));
        }
        return results;
    }

    /** Operations written again so far (for tests and logs). */
    public long retried() {
        return retried.get();
    }

    static boolean isRetriable(WriteOp op, SaveResult r) {
        if (r == null || r.success()) {
            return false;
        }
        return r.isTransientFailure() || (op.action() == WriteOp.Action.UPSERT
                && r.errors().stream().allMatch(e -> UPSERT_RACE.contains(e.statusCode())));
    }

    private static List<Integer> retriable(List<WriteOp> ops, List<SaveResult> results, List<Integer> among) {
        return among.stream().filter(i -> isRetriable(ops.get(i), results.get(i))).toList();
    }

    private static List<Integer> allIndices(int n) {
        return IntStream.range(0, n).boxed().toList();
    }
}

package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.common.http.ApiException;
import org.apache.kafka.connect.sink.SinkRecord;

import java.util.List;

/**
 * What became of a batch: the records for the dead-letter queue with their reasons, and, when a transient
 * failure stopped the batch short, why it must be written again ({@code retry} is then non-null and the batch's
 * offsets must not be committed).
 */
public record BatchResult(List<DeadLetter> deadLetters, Retry retry) {
    /** A record that cannot be written, and why (a Salesforce error code first, never a secret). */
    public record DeadLetter(SinkRecord record, String reason) {
    }

    /** A transient failure of the whole batch; {@code cause} may carry a {@code Retry-After}. */
    public record Retry(String reason, ApiException cause) {
    }

    public BatchResult {
        deadLetters = List.copyOf(deadLetters);
    }

    public boolean needsRetry() {
        return retry != null;
    }
}

package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.common.http.ApiException;
import io.nylassf.connect.common.salesforce.SaveResult;
import io.nylassf.connect.sink.salesforce.write.ItemRetries;
import io.nylassf.connect.sink.salesforce.write.WriteOp;

import java.util.List;

/** Runs one phase's writes and returns their results; a transient failure of the whole phase becomes a retry. */
final class WriteExecutor {
    /** The results, aligned with the writes, or (results empty) why the batch must be written again. */
    record Results(List<SaveResult> results, BatchResult.Retry retry) {
        boolean retrying() {
            return retry != null;
        }
    }

    private final ItemRetries writer;

    WriteExecutor(ItemRetries writer) {
        this.writer = writer;
    }

    Results write(List<WriteOp> ops) {
        if (ops.isEmpty()) {
            return new Results(List.of(), null);
        }
        try {
            return new Results(List.copyOf(writer.write(ops)), null);
        } catch (ApiException e) {
            if (e.isRetriable()) {
                return new Results(List.of(), new BatchResult.Retry(e.getMessage(), e));
            }
            throw e;
        }
    }

    Results run(List<Planned> planned) {
        return write(planned.stream().map(Planned::op).toList());
    }
}

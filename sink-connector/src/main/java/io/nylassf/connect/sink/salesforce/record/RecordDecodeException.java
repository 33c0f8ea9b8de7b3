package io.nylassf.connect.sink.salesforce.record;

import org.apache.kafka.connect.errors.DataException;

/** A record the sink cannot read: it goes to the DLQ with {@link #code()} in the reason. */
public class RecordDecodeException extends DataException {
    private final String code;

    public RecordDecodeException(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

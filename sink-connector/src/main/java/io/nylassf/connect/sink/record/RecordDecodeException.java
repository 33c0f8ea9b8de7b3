package io.nylassf.connect.sink.record;

import org.apache.kafka.connect.errors.DataException;

/**
 * A record a sink cannot read: it goes to the DLQ with the message as the reason. The Salesforce sink adds a
 * {@link #code()} (e.g. {@code MISSING_ID}) in front of the message; the Nylas sink reports the message alone.
 */
public class RecordDecodeException extends DataException {
    private final String code;

    public RecordDecodeException(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    public RecordDecodeException(String message) {
        super(message);
        this.code = null;
    }

    /** The reason code, or null when the exception carries only a message. */
    public String code() {
        return code;
    }
}

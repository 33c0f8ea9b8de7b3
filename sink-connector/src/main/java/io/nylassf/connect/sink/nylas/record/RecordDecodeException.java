package io.nylassf.connect.sink.nylas.record;

/** A record this sink cannot read: reported to the DLQ with the message. */
public class RecordDecodeException extends RuntimeException {
    public RecordDecodeException(String message) {
        super(message);
    }

    public RecordDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}

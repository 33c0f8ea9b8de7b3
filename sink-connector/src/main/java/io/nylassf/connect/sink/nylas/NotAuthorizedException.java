package io.nylassf.connect.sink.nylas;

import org.apache.kafka.connect.errors.DataException;

/**
 * An outbound action refused because the record's writers may not act in its owner's name, or because it names
 * an event that is not its own: reported to the DLQ with a message starting {@code not_authorized: }, counted,
 * never retried.
 */
public class NotAuthorizedException extends DataException {
    public NotAuthorizedException(String message) {
        super(message);
    }
}

package io.nylassf.connect.sink.salesforce.record;

import java.time.Instant;

/** What every decoded Nylas record has: identity and the change envelope. */
public sealed interface NylasRecord permits NylasContact, NylasMessage, NylasEvent, NylasGrantStatus {
    String grantId();

    String id();

    /** change_type = deleted. */
    boolean deleted();

    /** The source's modified time (last-write-wins), or null when the record does not say. */
    Instant modifiedAt();

    /** The Nylas fields a configurable mapping may name (snake_case), as strings. */
    java.util.Map<String, String> attributes();
}

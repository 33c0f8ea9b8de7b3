package io.nylassf.connect.sink.nylas.exec;

import java.time.Duration;
import java.time.Instant;

/**
 * How one action ended: what {@code put} does next depends only on {@link Status}. {@code sent}: the message a send
 * left (or was found to have left) the mailbox as, for the Task's send status; null otherwise.
 */
public record Outcome(Status status, String detail, Throwable error, Duration retryAfter, Sent sent) {
    /** The sent message: its Nylas id and when it was sent. */
    public record Sent(String messageId, Instant at) {
    }

    public Outcome(Status status, String detail, Throwable error, Duration retryAfter) {
        this(status, detail, error, retryAfter, null);
    }

    public enum Status {
        /** Written to Nylas. */
        DONE,
        /** Nothing to write (sent already, stale version, calendar newer...). */
        SKIPPED,
        /** Transient (5xx, timeout, 429 beyond the per-grant waits, idempotent request still in flight): only this action runs again. */
        RETRY,
        /** The record's fault or its owner has no grant: to the DLQ. */
        FAILED,
        /** The grant is expired or revoked: parked until valid again, or the DLQ, per grant.expired.behavior. */
        GRANT_EXPIRED,
        /** The application's API key is refused: the task stops with the reason. */
        FATAL,
        /** The action names an object it may not touch (another record's or grant's event): DLQ, never retried. */
        NOT_AUTHORIZED
    }

    public static Outcome done(String detail) {
        return new Outcome(Status.DONE, detail, null, null);
    }

    /** A send that succeeded now ({@link Status#DONE}) or earlier ({@link Status#SKIPPED}, {@code now=false}). */
    public static Outcome sent(String detail, boolean now, String messageId, Instant at) {
        return new Outcome(now ? Status.DONE : Status.SKIPPED, detail, null, null, new Sent(messageId, at));
    }

    public static Outcome skipped(String detail) {
        return new Outcome(Status.SKIPPED, detail, null, null);
    }

    public static Outcome retry(String detail, Throwable error, Duration retryAfter) {
        return new Outcome(Status.RETRY, detail, error, retryAfter);
    }

    /** {@code detail} starts with {@code not_authorized: }. */
    public static Outcome notAuthorized(String detail) {
        return new Outcome(Status.NOT_AUTHORIZED, detail, null, null);
    }

    public static Outcome failed(String detail, Throwable error) {
        return new Outcome(Status.FAILED, detail, error, null);
    }
}

package io.nylassf.connect.sink.nylas.exec;

import java.time.Duration;

/** How one action ended: what {@code put} does next depends only on {@link Status}. */
public record Outcome(Status status, String detail, Throwable error, Duration retryAfter) {
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

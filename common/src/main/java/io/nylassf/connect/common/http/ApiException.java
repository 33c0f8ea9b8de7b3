package io.nylassf.connect.common.http;

import java.time.Duration;
import java.util.Optional;

/**
 * A failed API call, classified once so the Connect glue can decide: transient and rate-limited failures are
 * retried (honouring {@link #retryAfter()}), authentication failures refresh once and then fail, the rest are
 * the record's fault. The message never carries credentials or request bodies.
 */
public class ApiException extends RuntimeException {
    /** What the caller should do about the failure. */
    public enum Kind {
        /** 5xx, timeouts, dropped connections, lock contention: try again later. */
        TRANSIENT,
        /** 429: try again after Retry-After. */
        RATE_LIMITED,
        /** 401: refresh credentials once; if that fails, stop with a clear message. */
        AUTHENTICATION,
        /** The daily allocation is spent (Salesforce REQUEST_LIMIT_EXCEEDED): wait for room. */
        LIMIT_EXCEEDED,
        /** 404. */
        NOT_FOUND,
        /** 409 conflicts (e.g. an idempotency key reused with another payload). */
        CONFLICT,
        /** 400 and other permanent, request-specific failures: the record's fault. */
        BAD_REQUEST,
        /** 403 other than limits: permissions or scopes. */
        FORBIDDEN
    }

    private final Kind kind;
    private final int status;
    private final String errorCode;
    private final Duration retryAfter;

    public ApiException(Kind kind, int status, String errorCode, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.errorCode = errorCode;
        this.retryAfter = retryAfter;
    }

    public ApiException(Kind kind, int status, String errorCode, String message) {
        this(kind, status, errorCode, message, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    /** The API's own error code (e.g. UNABLE_TO_LOCK_ROW, api.rate_limit_error), if it sent one. */
    public String errorCode() {
        return errorCode;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean isRetriable() {
        return kind == Kind.TRANSIENT || kind == Kind.RATE_LIMITED || kind == Kind.LIMIT_EXCEEDED;
    }
}

package io.nylassf.connect.common.nylas;

import io.nylassf.connect.common.http.ApiException;

import java.time.Duration;

/**
 * A failed Nylas call, classified into an {@link ApiException.Kind}, with the grant it concerned. A 401 that
 * carries a {@code provider_error} is the grant's fault (expired or revoked: {@link #grantExpired()}); a 401
 * without one is the application's API key. Messages never carry the key or bodies.
 */
public class NylasApiException extends ApiException {
    private final String grantId;
    private final boolean grantExpired;

    public NylasApiException(Kind kind, int status, String errorType, String message, Duration retryAfter,
                             String grantId, boolean grantExpired, Throwable cause) {
        super(kind, status, errorType, message, retryAfter, cause);
        this.grantId = grantId;
        this.grantExpired = grantExpired;
    }

    /** The grant the call was for, or null for application-level calls. */
    public String grantId() {
        return grantId;
    }

    /** A 401 caused by the grant (expired, revoked, re-authentication needed), not by the API key. */
    public boolean grantExpired() {
        return grantExpired;
    }

    /** The error type without the {@code api.} prefix Nylas sometimes adds: {@code rate_limit_error}, ... */
    public String type() {
        String t = errorCode();
        return t != null && t.startsWith("api.") ? t.substring(4) : t;
    }
}

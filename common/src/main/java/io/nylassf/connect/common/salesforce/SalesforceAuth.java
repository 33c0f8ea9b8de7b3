package io.nylassf.connect.common.salesforce;

import io.nylassf.connect.common.config.SalesforceAuthMethod;
import okhttp3.OkHttpClient;

/**
 * Obtains and caches access tokens for one OAuth 2.0 flow. {@link #token()} returns the cached token (fetching
 * one the first time); {@link #refresh(AccessToken)} replaces a token the API rejected with
 * {@code INVALID_SESSION_ID}. Implementations are thread-safe and never log tokens or keys.
 */
public interface SalesforceAuth {
    AccessToken token();

    /** A new token, unless another thread already replaced {@code rejected}, in which case that one. */
    AccessToken refresh(AccessToken rejected);

    /** The flow's name, for logs and messages. */
    String method();

    /** A fixed, pre-issued token (tests, tools): a rejected token cannot be refreshed. */
    static SalesforceAuth fixed(AccessToken token) {
        return new SalesforceAuth() {
            @Override
            public AccessToken token() {
                return token;
            }

            @Override
            public AccessToken refresh(AccessToken rejected) {
                return token;
            }

            @Override
            public String method() {
                return "static";
            }
        };
    }

    static SalesforceAuth create(SalesforceSettings s, OkHttpClient http) {
        SalesforceAuthMethod m = s.authMethod() == null ? SalesforceAuthMethod.JWT_BEARER : s.authMethod();
        return switch (m) {
            case JWT_BEARER -> new JwtBearerAuth(s, http);
            case CLIENT_CREDENTIALS -> new ClientCredentialsAuth(s, http);
            case REFRESH_TOKEN -> new RefreshTokenAuth(s, http);
        };
    }
}

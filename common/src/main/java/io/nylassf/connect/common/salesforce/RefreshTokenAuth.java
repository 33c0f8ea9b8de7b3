package io.nylassf.connect.common.salesforce;

import okhttp3.OkHttpClient;

import java.util.Map;

/** OAuth 2.0 refresh-token grant (the client secret is optional). */
final class RefreshTokenAuth extends OAuthTokenAuth {
    RefreshTokenAuth(SalesforceSettings settings, OkHttpClient http) {
        super(settings, http);
    }

    @Override
    protected Map<String, String> grant() {
        String secret = settings.clientSecret();
        return form("grant_type", "refresh_token", "refresh_token", settings.refreshToken(),
                "client_id", settings.clientId(), "client_secret", secret == null || secret.isBlank() ? null : secret);
    }

    @Override
    public String method() {
        return "refresh_token";
    }
}

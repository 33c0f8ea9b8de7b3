package io.nylassf.connect.common.salesforce;

import okhttp3.OkHttpClient;

import java.util.LinkedHashMap;
import java.util.Map;

/** OAuth 2.0 refresh-token grant (the client secret is optional). */
final class RefreshTokenAuth extends OAuthTokenAuth {
    RefreshTokenAuth(SalesforceSettings settings, OkHttpClient http) {
        super(settings, http);
    }

    @Override
    protected Map<String, String> grant() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("grant_type", "refresh_token");
        m.put("refresh_token", settings.refreshToken());
        m.put("client_id", settings.clientId());
        if (settings.clientSecret() != null && !settings.clientSecret().isBlank()) {
            m.put("client_secret", settings.clientSecret());
        }
        return m;
    }

    @Override
    public String method() {
        return "refresh_token";
    }
}

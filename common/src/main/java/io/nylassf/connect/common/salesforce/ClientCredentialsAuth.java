package io.nylassf.connect.common.salesforce;

import okhttp3.OkHttpClient;

import java.util.Map;

/** OAuth 2.0 client credentials: the connected app's key and secret, running as its integration user. */
final class ClientCredentialsAuth extends OAuthTokenAuth {
    ClientCredentialsAuth(SalesforceSettings settings, OkHttpClient http) {
        super(settings, http);
    }

    @Override
    protected Map<String, String> grant() {
        return form("grant_type", "client_credentials", "client_id", settings.clientId(),
                "client_secret", settings.clientSecret());
    }

    @Override
    public String method() {
        return "client_credentials";
    }
}

package io.nylassf.connect.common.salesforce;

import okhttp3.OkHttpClient;

import java.util.LinkedHashMap;
import java.util.Map;

/** OAuth 2.0 client credentials: the connected app's key and secret, running as its integration user. */
final class ClientCredentialsAuth extends OAuthTokenAuth {
    ClientCredentialsAuth(SalesforceSettings settings, OkHttpClient http) {
        super(settings, http);
    }

    @Override
    protected Map<String, String> grant() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("grant_type", "client_credentials");
        m.put("client_id", settings.clientId());
        m.put("client_secret", settings.clientSecret());
        return m;
    }

    @Override
    public String method() {
        return "client_credentials";
    }
}

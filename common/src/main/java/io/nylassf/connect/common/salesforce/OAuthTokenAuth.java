package io.nylassf.connect.common.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nylassf.connect.common.http.ApiException;
import io.nylassf.connect.common.http.ApiException.Kind;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The token endpoint ({@code POST {login}/services/oauth2/token}) and the cache shared by every flow. A failed
 * grant ({@code {"error":"invalid_grant",...}}) becomes an AUTHENTICATION {@link ApiException} whose error code
 * is the OAuth error; I/O failures and 5xx are TRANSIENT.
 */
abstract class OAuthTokenAuth implements SalesforceAuth {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    protected final SalesforceSettings settings;
    private final OkHttpClient http;
    private AccessToken cached;

    OAuthTokenAuth(SalesforceSettings settings, OkHttpClient http) {
        this.settings = settings;
        this.http = http;
    }

    /** The form parameters of this flow's grant, in order; null values are left out. */
    protected abstract Map<String, String> grant();

    /** Form parameters from name, value pairs. */
    protected static Map<String, String> form(String... namesAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return m;
    }

    @Override
    public synchronized AccessToken token() {
        if (cached == null) {
            cached = fetch();
        }
        return cached;
    }

    @Override
    public synchronized AccessToken refresh(AccessToken rejected) {
        if (cached != null && cached != rejected) {
            return cached;
        }
        cached = null;
        cached = fetch();
        return cached;
    }

    private AccessToken fetch() {
        FormBody.Builder form = new FormBody.Builder();
        grant().forEach((k, v) -> {
            if (v != null) {
                form.add(k, v);
            }
        });
        Request request = new Request.Builder().url(settings.loginUrl() + "/services/oauth2/token")
                .header("Accept", "application/json").post(form.build()).build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            JsonNode json = text.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(text);
            if (response.isSuccessful()) {
                String token = SalesforceErrors.text(json, "access_token");
                String instance = SalesforceErrors.text(json, "instance_url");
                if (token == null || instance == null) {
                    throw new ApiException(Kind.AUTHENTICATION, response.code(), "invalid_response",
                            "Salesforce token endpoint answered without access_token/instance_url");
                }
                return new AccessToken(token, instance, SalesforceErrors.text(json, "id"));
            }
            String error = SalesforceErrors.text(json, "error");
            String description = SalesforceErrors.text(json, "error_description");
            Kind kind = response.code() >= 500 || response.code() == 429 ? Kind.TRANSIENT : Kind.AUTHENTICATION;
            throw new ApiException(kind, response.code(), error, "Salesforce " + method() + " login failed: HTTP "
                    + response.code() + (error == null ? "" : " " + error)
                    + (description == null ? "" : " (" + description + ")"));
        } catch (IOException e) {
            throw new ApiException(Kind.TRANSIENT, 0, null, "Salesforce login at " + settings.loginUrl()
                    + " unreachable: " + e.getClass().getSimpleName() + ": " + e.getMessage(), null, e);
        }
    }
}

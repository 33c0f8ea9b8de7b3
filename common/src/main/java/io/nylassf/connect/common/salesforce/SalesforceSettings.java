package io.nylassf.connect.common.salesforce;

import io.nylassf.connect.common.config.SalesforceAuthMethod;
import io.nylassf.connect.common.config.SalesforceConnectionConfig;
import org.apache.kafka.common.config.types.Password;

import java.time.Duration;

/**
 * Everything the client needs to reach one org. Secrets are held as plain strings inside this object only;
 * {@link #toString()} masks them.
 *
 * @param callOptionsClient the {@code Sforce-Call-Options: client=<id>} value sent on every request, or null
 * @param allowDuplicateSave send {@code Sforce-Duplicate-Rule-Header: allowSave=true} on writes
 * @param jwtAudience the JWT {@code aud}: the authorization server, not the login URL (null: derived from it)
 */
public record SalesforceSettings(String loginUrl, String apiVersion, SalesforceAuthMethod authMethod, String clientId,
                                 String clientSecret, String username, String jwtPrivateKeyPem, String refreshToken,
                                 Duration requestTimeout, String callOptionsClient, boolean allowDuplicateSave,
                                 String jwtAudience) {
    static final String PRODUCTION_AUDIENCE = "https://login.salesforce.com";
    static final String SANDBOX_AUDIENCE = "https://test.salesforce.com";

    public SalesforceSettings(String loginUrl, String apiVersion, SalesforceAuthMethod authMethod, String clientId,
                              String clientSecret, String username, String jwtPrivateKeyPem, String refreshToken,
                              Duration requestTimeout, String callOptionsClient, boolean allowDuplicateSave) {
        this(loginUrl, apiVersion, authMethod, clientId, clientSecret, username, jwtPrivateKeyPem, refreshToken,
                requestTimeout, callOptionsClient, allowDuplicateSave, null);
    }

    public SalesforceSettings {
        if (loginUrl != null && loginUrl.endsWith("/")) {
            loginUrl = loginUrl.substring(0, loginUrl.length() - 1);
        }
        if (requestTimeout == null) {
            requestTimeout = Duration.ofSeconds(60);
        }
        if (jwtAudience == null || jwtAudience.isBlank()) {
            jwtAudience = defaultAudience(loginUrl);
        }
    }

    /**
     * Salesforce checks {@code aud} against its authorization server: test.salesforce.com for sandboxes (the
     * sandbox login host or a sandbox My Domain), login.salesforce.com for everything else, including a production
     * My Domain URL and any other login URL.
     */
    static String defaultAudience(String loginUrl) {
        String host;
        try {
            host = loginUrl == null ? "" : java.net.URI.create(loginUrl).getHost();
        } catch (IllegalArgumentException e) {
            host = "";
        }
        host = host == null ? "" : host.toLowerCase(java.util.Locale.ROOT);
        boolean sandbox = host.equals("test.salesforce.com") || host.endsWith(".sandbox.my.salesforce.com");
        return sandbox ? SANDBOX_AUDIENCE : PRODUCTION_AUDIENCE;
    }

    /** From the shared connection settings plus the writer's client tag. */
    public static SalesforceSettings from(SalesforceConnectionConfig c, String callOptionsClient,
                                          boolean allowDuplicateSave) {
        return new SalesforceSettings(c.loginUrl(), c.apiVersion(), c.authMethod(), c.clientId(),
                value(c.clientSecret()), c.username(), value(c.jwtPrivateKey()), value(c.refreshToken()),
                c.requestTimeout(), callOptionsClient, allowDuplicateSave, c.jwtAudience());
    }

    private static String value(Password p) {
        return p == null ? null : p.value();
    }

    @Override
    public String toString() {
        return "SalesforceSettings[loginUrl=" + loginUrl + ", apiVersion=" + apiVersion + ", authMethod=" + authMethod
                + ", clientId=" + clientId + ", username=" + username + ", secrets=***]";
    }
}

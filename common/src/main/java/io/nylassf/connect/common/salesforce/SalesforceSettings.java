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
 */
public record SalesforceSettings(String loginUrl, String apiVersion, SalesforceAuthMethod authMethod, String clientId,
                                 String clientSecret, String username, String jwtPrivateKeyPem, String refreshToken,
                                 Duration requestTimeout, String callOptionsClient, boolean allowDuplicateSave) {

    public SalesforceSettings {
        if (loginUrl != null && loginUrl.endsWith("/")) {
            loginUrl = loginUrl.substring(0, loginUrl.length() - 1);
        }
        if (requestTimeout == null) {
            requestTimeout = Duration.ofSeconds(60);
        }
    }

    /** From the shared connection settings plus the writer's client tag. */
    public static SalesforceSettings from(SalesforceConnectionConfig c, String callOptionsClient,
                                          boolean allowDuplicateSave) {
        return new SalesforceSettings(c.loginUrl(), c.apiVersion(), c.authMethod(), c.clientId(),
                value(c.clientSecret()), c.username(), value(c.jwtPrivateKey()), value(c.refreshToken()),
                c.requestTimeout(), callOptionsClient, allowDuplicateSave);
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

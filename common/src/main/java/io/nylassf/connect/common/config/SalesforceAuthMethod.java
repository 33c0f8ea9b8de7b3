package io.nylassf.connect.common.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The OAuth 2.0 flows the connectors support (the username-password flow is being retired, so it is not one). */
public enum SalesforceAuthMethod {
    JWT_BEARER("jwt_bearer"),
    CLIENT_CREDENTIALS("client_credentials"),
    REFRESH_TOKEN("refresh_token");

    private final String configValue;

    SalesforceAuthMethod(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    public static SalesforceAuthMethod fromConfig(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (SalesforceAuthMethod m : values()) {
            if (m.configValue.equals(v)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown Salesforce auth method '" + value + "'");
    }

    public static List<Object> configValues() {
        return Arrays.stream(values()).map(m -> (Object) m.configValue).toList();
    }
}

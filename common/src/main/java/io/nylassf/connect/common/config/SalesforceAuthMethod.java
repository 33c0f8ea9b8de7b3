package io.nylassf.connect.common.config;

import java.util.List;

/** The OAuth 2.0 flows the connectors support (the username-password flow is being retired, so it is not one). */
public enum SalesforceAuthMethod implements ConfigChoice {
    JWT_BEARER, CLIENT_CREDENTIALS, REFRESH_TOKEN;

    public static final ChoiceSetting<SalesforceAuthMethod> SETTING = ChoiceSetting.of(SalesforceAuthMethod.class);

    public static SalesforceAuthMethod fromConfig(String value) {
        return SETTING.parse(value);
    }

    public static List<Object> configValues() {
        return SETTING.values();
    }
}

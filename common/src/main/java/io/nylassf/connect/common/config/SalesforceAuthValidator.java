package io.nylassf.connect.common.config;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.config.types.Password;

import java.util.Map;

import static io.nylassf.connect.common.config.SalesforceConnectionConfig.AUTH_METHOD;

/**
 * The cross-setting rule of the Salesforce connection the ConfigDef cannot express: each auth method's own
 * credentials must be present. Errors are attached to the missing setting so validate names it.
 */
public final class SalesforceAuthValidator {
    private SalesforceAuthValidator() {
    }

    public static Config validate(Config config) {
        validate(ValidationResults.byName(config));
        return config;
    }

    static void validate(Map<String, ConfigValue> values) {
        ConfigValue method = values.get(AUTH_METHOD);
        if (method == null || method.value() == null || !method.errorMessages().isEmpty()) {
            return;
        }
        SalesforceAuthMethod m;
        try {
            m = SalesforceAuthMethod.fromConfig(method.value().toString());
        } catch (IllegalArgumentException e) {
            return;
        }
        switch (m) {
            case JWT_BEARER -> {
                requirePresent(values, SalesforceConnectionConfig.USERNAME, m);
                requirePresent(values, SalesforceConnectionConfig.JWT_PRIVATE_KEY, m);
            }
            case CLIENT_CREDENTIALS -> requirePresent(values, SalesforceConnectionConfig.CLIENT_SECRET, m);
            case REFRESH_TOKEN -> requirePresent(values, SalesforceConnectionConfig.REFRESH_TOKEN, m);
        }
    }

    private static void requirePresent(Map<String, ConfigValue> values, String name, SalesforceAuthMethod method) {
        ConfigValue v = values.get(name);
        if (v == null) {
            return;
        }
        Object value = v.value();
        String s = value instanceof Password p ? p.value() : value == null ? null : value.toString();
        if (s == null || s.isBlank()) {
            v.addErrorMessage(name + " is required when " + AUTH_METHOD + "=" + method.configValue());
        }
    }
}

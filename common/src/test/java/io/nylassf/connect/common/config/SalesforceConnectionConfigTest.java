package io.nylassf.connect.common.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SalesforceConnectionConfigTest {
    private static final ConfigDef DEF = SalesforceConnectionConfig.addTo(new ConfigDef());

    private static Map<String, ConfigValue> validate(Map<String, String> props) {
        Map<String, ConfigValue> byName = new HashMap<>();
        for (ConfigValue v : DEF.validate(props)) {
            byName.put(v.name(), v);
        }
        SalesforceAuthValidator.validate(byName);
        return byName;
    }

    @Test
    void jwtBearerNeedsUsernameAndKey() {
        Map<String, ConfigValue> v = validate(Map.of(SalesforceConnectionConfig.CLIENT_ID, "id"));
        assertTrue(v.get(SalesforceConnectionConfig.USERNAME).errorMessages().get(0)
                .startsWith(SalesforceConnectionConfig.USERNAME));
        assertTrue(v.get(SalesforceConnectionConfig.JWT_PRIVATE_KEY).errorMessages().get(0)
                .contains("jwt_bearer"));
    }

    @Test
    void clientCredentialsNeedTheSecretOnly() {
        Map<String, ConfigValue> v = validate(Map.of(SalesforceConnectionConfig.CLIENT_ID, "id",
                SalesforceConnectionConfig.AUTH_METHOD, "client_credentials"));
        assertFalse(v.get(SalesforceConnectionConfig.CLIENT_SECRET).errorMessages().isEmpty());
        assertEquals(List.of(), v.get(SalesforceConnectionConfig.USERNAME).errorMessages());
        assertEquals(List.of(), v.get(SalesforceConnectionConfig.JWT_PRIVATE_KEY).errorMessages());
    }

    @Test
    void refreshTokenFlowIsCompleteWithItsToken() {
        Map<String, ConfigValue> v = validate(Map.of(SalesforceConnectionConfig.CLIENT_ID, "id",
                SalesforceConnectionConfig.AUTH_METHOD, "refresh_token",
                SalesforceConnectionConfig.REFRESH_TOKEN, "tok"));
        v.values().forEach(c -> assertEquals(List.of(), c.errorMessages(), c.name()));
    }

    @Test
    void unknownMethodAndBadUrlAreNamed() {
        Map<String, ConfigValue> v = validate(Map.of(SalesforceConnectionConfig.CLIENT_ID, "id",
                SalesforceConnectionConfig.AUTH_METHOD, "password",
                SalesforceConnectionConfig.LOGIN_URL, "login.salesforce.com"));
        assertFalse(v.get(SalesforceConnectionConfig.AUTH_METHOD).errorMessages().isEmpty());
        assertTrue(v.get(SalesforceConnectionConfig.LOGIN_URL).errorMessages().get(0)
                .contains(SalesforceConnectionConfig.LOGIN_URL));
    }

    @Test
    void recommenderHidesOtherFlowsSettings() {
        Map<String, ConfigValue> v = validate(Map.of(SalesforceConnectionConfig.CLIENT_ID, "id",
                SalesforceConnectionConfig.AUTH_METHOD, "client_credentials",
                SalesforceConnectionConfig.CLIENT_SECRET, "s"));
        assertFalse(v.get(SalesforceConnectionConfig.JWT_PRIVATE_KEY).visible());
        assertTrue(v.get(SalesforceConnectionConfig.CLIENT_SECRET).visible());
    }
}

package io.nylassf.connect.sink.nylas;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The send status' settings: off needs no Salesforce access; on, validate names the missing connection setting. */
class SendStatusConfigTest {
    private static Map<String, String> base() {
        return new HashMap<>(Map.of("nylas.api.key", "k", "topics", "salesforce.task"));
    }

    private static List<String> errors(Config c, String name) {
        return c.configValues().stream().filter(v -> v.name().equals(name)).findFirst()
                .map(ConfigValue::errorMessages).orElseThrow();
    }

    @Test
    void offByDefaultAndThenNoSalesforceSettingIsNeeded() {
        NylasSinkConnectorConfig c = new NylasSinkConnectorConfig(base());
        assertFalse(SendStatusConfig.enabled(c));
        Config v = new NylasSinkConnector().validate(base());
        assertTrue(errors(v, "salesforce.client.id").isEmpty());
    }

    @Test
    void onValidateNamesTheMissingClientIdAndCredential() {
        Map<String, String> p = base();
        p.put("send.status.enabled", "true");
        p.put("salesforce.auth.method", "client_credentials");
        Config v = new NylasSinkConnector().validate(p);
        assertEquals(List.of("salesforce.client.id is required when send.status.enabled=true"),
                errors(v, "salesforce.client.id"));
        assertEquals(List.of("salesforce.client.secret is required when salesforce.auth.method=client_credentials"),
                errors(v, "salesforce.client.secret"));

        p.put("salesforce.client.id", "app");
        p.put("salesforce.client.secret", "secret");
        v = new NylasSinkConnector().validate(p);
        assertTrue(v.configValues().stream().allMatch(x -> x.errorMessages().isEmpty()), v.configValues().toString());
        NylasSinkConnectorConfig c = new NylasSinkConnectorConfig(p);
        assertEquals("Nylas_Send_Status__c", SendStatusConfig.statusField(c));
        assertEquals(1_000, SendStatusConfig.linger(c).toMillis());
    }

    @Test
    void anEmptyFieldSettingTurnsThatFieldOff() {
        Map<String, String> p = base();
        p.put("send.status.sent.at.field", "");
        assertEquals(null, SendStatusConfig.sentAtField(new NylasSinkConnectorConfig(p)));
    }
}

package io.nylassf.connect.sink.salesforce;

import io.nylassf.testkit.salesforce.SalesforceEmulator;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** validate(): static rules, then one credential check whose rejection names the setting at fault. */
class SalesforceSinkConnectorTest {
    static SalesforceEmulator sf;

    @BeforeAll
    static void start() {
        sf = SalesforceEmulator.builder().clientCredentials("app", "secret", null).refreshToken("rt-app", "rt")
                .build().start();
    }

    @AfterAll
    static void stop() {
        sf.close();
    }

    static Map<String, String> base(String loginUrl) {
        return new HashMap<>(Map.of("name", "x", "topics", "nylas.contacts", "salesforce.login.url", loginUrl,
                "salesforce.auth.method", "client_credentials", "salesforce.client.id", "app",
                "salesforce.client.secret", "secret"));
    }

    static Map<String, List<String>> errors(Config c) {
        return c.configValues().stream().filter(v -> !v.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }

    @Test
    void goodCredentialsValidateClean() {
        assertEquals(Map.of(), errors(new SalesforceSinkConnector().validate(base(sf.baseUrl()))));
    }

    @Test
    void badCredentialsNameTheSetting() {
        Map<String, String> bad = base(sf.baseUrl());
        bad.put("salesforce.client.secret", "wrong");
        Map<String, List<String>> e = errors(new SalesforceSinkConnector().validate(bad));
        assertEquals(List.of("salesforce.client.secret"), List.copyOf(e.keySet()));
        assertTrue(e.get("salesforce.client.secret").get(0).contains("invalid_client"));

        Map<String, String> rt = base(sf.baseUrl());
        rt.put("salesforce.auth.method", "refresh_token");
        rt.put("salesforce.client.id", "rt-app");
        rt.put("salesforce.refresh.token", "stale");
        assertEquals(List.of("salesforce.refresh.token"),
                List.copyOf(errors(new SalesforceSinkConnector().validate(rt)).keySet()));

        Map<String, String> unknownApp = base(sf.baseUrl());
        unknownApp.put("salesforce.client.id", "nobody");
        assertEquals(List.of("salesforce.client.id"),
                List.copyOf(errors(new SalesforceSinkConnector().validate(unknownApp)).keySet()));
    }

    @Test
    void anUnreachableLoginIsToleratedAndStaticErrorsComeFirst() {
        assertEquals(Map.of(), errors(new SalesforceSinkConnector().validate(base("http://127.0.0.1:9"))));
        Map<String, String> bad = base("http://127.0.0.1:9");
        bad.put("salesforce.batch.size", "500");
        bad.put("behavior.on.unmatched.message", "explode");
        bad.put("salesforce.mapping.contact", "not a mapping");
        assertEquals(List.of("behavior.on.unmatched.message", "salesforce.batch.size", "salesforce.mapping.contact"),
                errors(new SalesforceSinkConnector().validate(bad)).keySet().stream().sorted().toList());
    }

    @Test
    void everySettingIsDocumented() {
        for (ConfigDef.ConfigKey k : SalesforceSinkConnectorConfig.CONFIG_DEF.configKeys().values()) {
            assertTrue(k.documentation != null && !k.documentation.isBlank() && k.group != null && k.orderInGroup > 0
                    && k.width != ConfigDef.Width.NONE && k.displayName != null && !k.displayName.equals(k.name),
                    k.name);
        }
    }
}

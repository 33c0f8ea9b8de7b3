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
        SalesforceSinkTaskTest.declareCustomFields(sf);
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
    void missingCustomFieldsAreNamedOnTheirSetting() {
        Map<String, String> props = base(sf.baseUrl());
        props.put("salesforce.contact.external.id.field", "Nylas_Person_Id__c");
        props.put("salesforce.modified.at.field", "Synced_At__c");
        long calls = sf.apiCallCount();
        Map<String, List<String>> e = errors(new SalesforceSinkConnector().validate(props));
        assertEquals(1, sf.apiCallCount() - calls, "every object described in one Composite call");
        assertEquals(java.util.Set.of("salesforce.contact.external.id.field", "salesforce.modified.at.field"),
                e.keySet());
        assertEquals(List.of("Contact has no field Nylas_Person_Id__c: create it as Text(255) External ID (or change "
                        + "salesforce.contact.external.id.field)", "Lead has no field Nylas_Person_Id__c: create it as "
                        + "Text(255) External ID (or change salesforce.contact.external.id.field)"),
                e.get("salesforce.contact.external.id.field"));
        assertTrue(e.get("salesforce.modified.at.field").contains("Event has no field Synced_At__c: create it as "
                + "Date/Time (or change salesforce.modified.at.field)"), e.toString());
        // an empty modified-at field disables the time check and is not required
        props.put("salesforce.modified.at.field", "");
        props.put("salesforce.contact.external.id.field", "Nylas_Contact_Id__c");
        props.put("salesforce.message.target", "email_message");
        assertEquals(Map.of(), errors(new SalesforceSinkConnector().validate(props)));
    }

    @Test
    void aBulkTimeoutBeyondTheConsumersMaxPollIntervalIsFineSincePutNeverWaitsForTheJob() {
        Map<String, String> props = base(sf.baseUrl());
        props.put("consumer.override.max.poll.interval.ms", "120000");
        props.put("salesforce.bulk.timeout.ms", "600000");
        assertEquals(Map.of(), errors(new SalesforceSinkConnector().validate(props)));
    }

    @Test
    void theUpsertKeysOfCreatedAccountsAndLeadsAreCheckedWhenCreationIsOn() {
        Map<String, String> props = base(sf.baseUrl());
        props.put("salesforce.account.create", "true");
        props.put("behavior.on.unmatched.message", "create_lead");
        assertEquals(Map.of(), errors(new SalesforceSinkConnector().validate(props)), "the emulated org has them");
        props.put("salesforce.account.external.id.field", "Domain_Key__c");
        props.put("salesforce.lead.email.key.field", "Email_Key__c");
        Map<String, List<String>> e = errors(new SalesforceSinkConnector().validate(props));
        assertEquals(List.of("Account has no field Domain_Key__c: create it as Text(255) External ID, Unique (or "
                + "change salesforce.account.external.id.field)"), e.get("salesforce.account.external.id.field"));
        assertEquals(List.of("Lead has no field Email_Key__c: create it as Text(255) External ID, Unique (or "
                + "change salesforce.lead.email.key.field)"), e.get("salesforce.lead.email.key.field"));
    }

    @Test
    void everyTaskConfigCarriesItsTaskNumber() {
        SalesforceSinkConnector c = new SalesforceSinkConnector();
        c.start(base(sf.baseUrl()));
        List<Map<String, String>> configs = c.taskConfigs(3);
        assertEquals(List.of("0", "1", "2"), configs.stream().map(m -> m.get(SalesforceSinkTaskConfig.TASK_INDEX))
                .toList());
        assertEquals(2, new SalesforceSinkTaskConfig(configs.get(2)).taskIndex());
        assertTrue(!c.config().configKeys().containsKey(SalesforceSinkTaskConfig.TASK_INDEX), "task-only setting");
        assertEquals("x", configs.get(1).get("name"));
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

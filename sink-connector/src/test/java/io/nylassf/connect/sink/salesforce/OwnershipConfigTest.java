package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.sink.salesforce.options.PersonOwner;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Ownership settings: defaults, parsing, and the messages that name the wrong setting. */
class OwnershipConfigTest {
    static SalesforceSinkConnectorConfig config(String... kv) {
        Map<String, String> p = new HashMap<>(Map.of("salesforce.auth.method", "client_credentials",
                "salesforce.client.id", "app", "salesforce.client.secret", "secret"));
        for (int i = 0; i < kv.length; i += 2) {
            p.put(kv[i], kv[i + 1]);
        }
        return new SalesforceSinkConnectorConfig(p);
    }

    @Test
    void repsOwnByDefaultAndTheMapKeysGrantsOrEmails() {
        assertEquals(PersonOwner.REP, config().personOwner());
        assertEquals(Map.of(), config().ownerMap());
        SalesforceSinkConnectorConfig c = config("salesforce.person.owner", "Assignment_Rules",
                "salesforce.owner.map", "Ana@OurCo.com=005000000000ANA, grant-7=005000000000BOBAAA");
        assertEquals(PersonOwner.ASSIGNMENT_RULES, c.personOwner());
        assertEquals(Map.of("ana@ourco.com", "005000000000ANA", "grant-7", "005000000000BOBAAA"), c.ownerMap());
    }

    @Test
    void aBadValueNamesTheSetting() {
        ConfigException map = assertThrows(ConfigException.class,
                () -> config("salesforce.owner.map", "ana@ourco.com=00Q000000000ANA"));
        assertTrue(map.getMessage().contains("salesforce.owner.map"), map.getMessage());
        ConfigException rule = assertThrows(ConfigException.class, () -> config("salesforce.person.owner", "queue"));
        assertTrue(rule.getMessage().contains("salesforce.person.owner") && rule.getMessage().contains("rep"),
                rule.getMessage());
    }
}

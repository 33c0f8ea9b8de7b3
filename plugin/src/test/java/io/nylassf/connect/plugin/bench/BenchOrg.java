package io.nylassf.connect.plugin.bench;

import io.nylassf.testkit.salesforce.SalesforceEmulator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One emulated org as every writer in the benchmark gets it: client-credentials login, a daily allocation that
 * never runs out, {@link BenchRecords#ACCOUNTS} Accounts and {@link BenchRecords#PEOPLE} Contacts (the
 * counterparts of messages and events; written directly, so no API call is counted), and a fixed latency per call.
 */
final class BenchOrg {
    static final String CLIENT_ID = "bench-app";
    static final String CLIENT_SECRET = "bench-secret";

    private BenchOrg() {
    }

    static SalesforceEmulator start(long latencyMs) {
        SalesforceEmulator sf = SalesforceEmulator.builder().clientCredentials(CLIENT_ID, CLIENT_SECRET, null)
                .dailyApiLimit(1_000_000_000L).build().start();
        List<String> accounts = new java.util.ArrayList<>();
        for (int a = 0; a < BenchRecords.ACCOUNTS; a++) {
            accounts.add(sf.org().insert("Account", Map.of("Name", "Company " + a, "Website", "https://www.company" + a + ".com")));
        }
        for (int i = 0; i < BenchRecords.PEOPLE; i++) {
            Map<String, Object> person = new HashMap<>(Map.of("LastName", "Person " + i,
                    "Email", BenchRecords.personEmail(i)));
            if (i % 2 == 0) {
                person.put("AccountId", accounts.get(i % BenchRecords.ACCOUNTS));
            }
            sf.org().insert("Contact", person);
        }
        latency(sf, latencyMs);
        return sf;
    }

    static void latency(SalesforceEmulator sf, long ms) {
        sf.faults().latency(ms, 0);
    }

    /** The connector's settings: only the required connection settings, topics and converters. */
    static Map<String, String> connectorDefaults(SalesforceEmulator sf, String topic) {
        Map<String, String> c = new HashMap<>();
        c.put("connector.class", "io.nylassf.connect.sink.salesforce.SalesforceSinkConnector");
        c.put("tasks.max", "1");
        c.put("topics", topic);
        c.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        c.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        c.put("salesforce.login.url", sf.baseUrl());
        c.put("salesforce.auth.method", "client_credentials");
        c.put("salesforce.client.id", CLIENT_ID);
        c.put("salesforce.client.secret", CLIENT_SECRET);
        return c;
    }
}

package io.nylassf.connect.sink.salesforce;

import io.nylassf.testkit.connect.ConnectClusterExtension;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.nylassf.connect.sink.salesforce.NylasRecords.contact;
import static io.nylassf.connect.sink.salesforce.NylasRecords.message;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Four tasks meet the same new company domain and the same new sender at the same moment (one record of each in
 * every partition): the upserts on keys derived from the domain and the email make one Account and one Lead.
 * The org's duplicate rules are off: in a real org they do not serialise concurrent transactions, so they are no
 * protection against this race (the emulator's, being atomic, would hide it).
 */
class SalesforceSinkConcurrencyIT {
    static final int TASKS = 4;
    static final String NAME = "sf-sink-concurrency";
    static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.builder().build();
    static final JsonConverter JSON = new JsonConverter();
    static SalesforceEmulator sf;

    @BeforeAll
    static void start() {
        sf = SalesforceEmulator.builder().clientCredentials("app", "secret", null).dailyApiLimit(1_000_000)
                .build().start();
        SalesforceSinkTaskTest.declareCustomFields(sf);
        sf.org().clearDuplicateRules();
        JSON.configure(Map.of("schemas.enable", "true", "converter.type", "value"));
        for (String t : List.of("nylas.contacts", "nylas.messages")) {
            CONNECT.cluster().kafka().createTopic(t, TASKS);
        }
    }

    @AfterAll
    static void stop() {
        sf.close();
    }

    static Map<String, String> config() {
        Map<String, String> c = new HashMap<>();
        c.put("connector.class", SalesforceSinkConnector.class.getName());
        c.put("tasks.max", String.valueOf(TASKS));
        c.put("topics", "nylas.contacts,nylas.messages");
        c.put("key.converter", JsonConverter.class.getName());
        c.put("value.converter", JsonConverter.class.getName());
        c.put("salesforce.login.url", sf.baseUrl());
        c.put("salesforce.auth.method", "client_credentials");
        c.put("salesforce.client.id", "app");
        c.put("salesforce.client.secret", "secret");
        c.put("salesforce.internal.domains", "mycorp.com");
        c.put("salesforce.account.create", "true");
        c.put("behavior.on.unmatched.message", "create_lead");
        c.put("salesforce.retry.backoff.ms", "100");
        return c;
    }

    @Test
    void theSameNewDomainAndSenderInEveryPartitionMakeOneAccountAndOneLead() throws Exception {
        CONNECT.putConnector(NAME, config());
        CONNECT.awaitRunning(NAME, TASKS);
        awaitOnePartitionOfEachTopicPerTask();
        // every call takes a while, so the four tasks' lookups all happen before any of their writes
        sf.faults().latency(200, 0);
        try (KafkaProducer<byte[], byte[]> producer = CONNECT.cluster().kafka().createProducer(Map.of())) {
            for (int p = 0; p < TASKS; p++) {
                send(producer, "nylas.contacts", p, contact("c-" + p, "Person", "P" + p, "person" + p + "@newco.io",
                        "NewCo", null, T));
                send(producer, "nylas.messages", p, message("m-" + p, "Hello " + p, "zoe@sender.io", "me@mycorp.com",
                        T, null, T));
            }
            producer.flush();
        }
        ConnectClusterExtension.waitUntil("every record written", Duration.ofSeconds(120),
                () -> sf.org().count("Contact") == TASKS && sf.org().count("Task") == TASKS);
        sf.faults().reset();

        List<Map<String, Object>> accounts = sf.org().query("SELECT Id FROM Account WHERE Website = 'newco.io'")
                .records();
        List<Map<String, Object>> leads = sf.org().query("SELECT Id FROM Lead WHERE Email = 'zoe@sender.io'")
                .records();
        System.out.printf("%d tasks, same new domain and sender in every partition: %d Account(s), %d Lead(s)%n",
                TASKS, accounts.size(), leads.size());
        assertEquals(1, accounts.size(), "one Account for the new domain");
        assertEquals(1, leads.size(), "one Lead for the new sender");
        String account = (String) accounts.get(0).get("Id");
        assertEquals(TASKS, sf.org().query("SELECT Id FROM Contact WHERE AccountId = '" + account + "'").totalSize());
        String lead = (String) leads.get(0).get("Id");
        assertEquals(TASKS, sf.org().query("SELECT Id FROM Task WHERE WhoId = '" + lead + "'").totalSize());
    }

    /** The race needs each task to hold its own partitions when the records arrive. */
    private static void awaitOnePartitionOfEachTopicPerTask() {
        try (Admin admin = CONNECT.cluster().kafka().createAdminClient()) {
            ConnectClusterExtension.waitUntil("a stable assignment over " + TASKS + " tasks", Duration.ofSeconds(60),
                    () -> {
                        try {
                            ConsumerGroupDescription g = admin.describeConsumerGroups(List.of("connect-" + NAME))
                                    .all().get().get("connect-" + NAME);
                            return g.groupState() == GroupState.STABLE && g.members().size() == TASKS
                                    && g.members().stream().allMatch(m -> m.assignment().topicPartitions().size() == 2);
                        } catch (Exception e) {
                            return false;
                        }
                    });
        }
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, int partition, Struct value) {
        Struct key = NylasRecords.key(topic, value.getString("id"));
        producer.send(new ProducerRecord<>(topic, partition, JSON.fromConnectData(topic, key.schema(), key),
                JSON.fromConnectData(topic, value.schema(), value)));
    }
}

package io.nylassf.connect.sink.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.connect.common.loop.LoopGuard;
import io.nylassf.testkit.connect.ConnectClusterExtension;
import io.nylassf.testkit.salesforce.Org;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Properties;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.nylassf.connect.sink.salesforce.NylasRecords.contact;
import static io.nylassf.connect.sink.salesforce.NylasRecords.event;
import static io.nylassf.connect.sink.salesforce.NylasRecords.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connector on a real Connect cluster (loaded from the classpath through its service manifest) against the
 * Salesforce emulator, fed JSON-converter records (with schemas, from NylasSchemas Structs, and schemaless):
 * volume with the right objects and links, a replay after an offset reset that changes nothing, loop-guard
 * links, DLQ reasons, token expiry mid-run and REQUEST_LIMIT_EXCEEDED pause and resume.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SalesforceSinkIT {
    static final int CONTACTS = 2_000;
    static final int MESSAGES = 10_000;
    static final int EVENTS = 2_000;
    static final int ACCOUNTS = 50;
    static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    static final String NAME = "sf-sink";

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.builder()
            .workerProp("connector.client.config.override.policy", "All")
            .workerProp("config.providers", "file")
            .workerProp("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider")
            .build();
    static final KeyPair JWT_KEYS = rsaKeys();

    static SalesforceEmulator sf;
    static final JsonConverter JSON = new JsonConverter();
    static String taggedTask;

    @BeforeAll
    static void start() {
        sf = SalesforceEmulator.builder().clientCredentials("app", "secret", null)
                .jwtConsumer("jwt-app", (RSAPublicKey) JWT_KEYS.getPublic(), Org.INTEGRATION_USERNAME)
                .dailyApiLimit(1_000_000)
                .bulkProcessingDelay(Duration.ofMillis(50)).build().start();
        SalesforceSinkTaskTest.declareCustomFields(sf);
        JSON.configure(Map.of("schemas.enable", "true", "converter.type", "value"));
        for (String t : List.of("nylas.contacts", "nylas.messages", "nylas.events", "nylas.raw")) {
            CONNECT.cluster().kafka().createTopic(t, 2);
        }
        for (int a = 0; a < ACCOUNTS; a++) {
            sf.org().insert("Account", Map.of("Name", "Company " + a, "Website", "https://www.company" + a + ".com"));
        }
    }

    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close();
        }
        sf.close();
    }

    static Map<String, String> config() {
        Map<String, String> c = new HashMap<>();
        c.put("connector.class", SalesforceSinkConnector.class.getName());
        c.put("tasks.max", "2");
        c.put("topics", "nylas.contacts,nylas.messages,nylas.events");
        c.put("key.converter", JsonConverter.class.getName());
        c.put("value.converter", JsonConverter.class.getName());
        c.put("salesforce.login.url", sf.baseUrl());
        c.put("salesforce.auth.method", "client_credentials");
        c.put("salesforce.client.id", "app");
        c.put("salesforce.client.secret", "secret");
        c.put("salesforce.internal.domains", "mycorp.com");
        c.put("salesforce.api.budget.check.interval.ms", "500");
        c.put("salesforce.retry.backoff.ms", "100");
        c.put("salesforce.linger.ms", "1000"); // short: these tests wait for each change to land
        c.put("errors.tolerance", "all");
        c.put("errors.deadletterqueue.topic.name", "nylas.dlq");
        c.put("errors.deadletterqueue.topic.replication.factor", "1");
        c.put("errors.deadletterqueue.context.headers.enable", "true");
        return c;
    }

    static KafkaProducer<byte[], byte[]> producer;

    /** Sends asynchronously; {@link #flush()} before expecting the records. */
    static void produce(String topic, Struct value) {
        if (producer == null) {
            producer = CONNECT.cluster().kafka().createProducer(Map.of("linger.ms", 20));
        }
        Struct key = NylasRecords.key(topic, value.getString("id"));
        producer.send(new ProducerRecord<>(topic, JSON.fromConnectData(topic, key.schema(), key),
                JSON.fromConnectData(topic, value.schema(), value)));
    }

    static void flush() {
        producer.flush();
    }

    static String email(int i) {
        return i % 2 == 0 ? "person" + i + "@company" + (i % ACCOUNTS) + ".com" : "person" + i + "@prospect" + i + ".io";
    }

    static void await(String what, java.util.function.BooleanSupplier c) {
        ConnectClusterExtension.waitUntil(what, Duration.ofSeconds(120), c);
    }

    @Test
    @Order(1)
    void volumeSyncsIntoTheRightObjectsWithLinks() {
        long start = System.nanoTime();
        CONNECT.putConnector(NAME, config());
        CONNECT.awaitRunning(NAME, 2);
        for (int i = 0; i < CONTACTS; i++) {
            produce("nylas.contacts", contact("c-" + i, "First" + i, "Last" + i, email(i), null, "Title " + i, T));
        }
        flush();
        await("contacts written", () -> sf.org().count("Contact") + sf.org().count("Lead") == CONTACTS);
        assertEquals(CONTACTS / 2, sf.org().count("Contact"), "company-domain people are Contacts");
        assertEquals(CONTACTS / 2, sf.org().count("Lead"));
        assertEquals(0, sf.org().query("SELECT Id FROM Contact WHERE AccountId = null").records().size());

        taggedTask = sf.org().insert("Task", Map.of("Subject", "Sent from Salesforce", "Status", "Completed"));
        for (int i = 0; i < MESSAGES; i++) {
            Map<String, String> meta = i == 0 ? Map.of(LoopGuard.METADATA_KEY, LoopGuard.tag(taggedTask)) : null;
            produce("nylas.messages", message("m-" + i, "Subject " + i, "me@mycorp.com", email(i % CONTACTS), T, meta, T));
            if (i == MESSAGES / 2) {
                sf.expireAllTokens(); // mid-run: invisible
            }
        }
        Instant s = Instant.parse("2026-04-01T15:00:00Z");
        for (int i = 0; i < EVENTS; i++) {
            produce("nylas.events", event("e-" + i, "Meeting " + i, s.plusSeconds(3600L * i), s.plusSeconds(3600L * i + 1800),
                    List.of("me@mycorp.com", email(i)), null, "updated", T));
        }
        flush();
        await("messages and events written", () -> sf.org().count("Task") == MESSAGES
                && sf.org().count("Event") == EVENTS);
        assertEquals(List.of(taggedTask), sf.org().query("SELECT Id FROM Task WHERE WhoId = null").records().stream()
                .map(r -> r.get("Id")).toList(), "every Task has its person but the one Salesforce made without");
        assertEquals(MESSAGES / 2 - 1, sf.org().query("SELECT Id FROM Task WHERE WhatId != null").records().size(),
                "Tasks of Contacts carry the Account (the tagged Task keeps what Salesforce gave it)");
        assertEquals("m-0", sf.org().get("Task", taggedTask).get("Nylas_Message_Id__c"), "tagged message linked");
        assertEquals(0, sf.org().query("SELECT Id FROM Event WHERE WhoId = null").records().size());
        System.out.printf("SalesforceSinkIT volume: %d records in %d ms, %d API calls%n", CONTACTS + MESSAGES + EVENTS,
                (System.nanoTime() - start) / 1_000_000, sf.apiCallCount());
    }

    @Test
    @Order(2)
    void aReplayAfterAnOffsetResetChangesNothing() {
        awaitCommitted(CONTACTS + MESSAGES + EVENTS);
        int changes = sf.org().changes().size();
        assertTrue(CONNECT.rest().put("connectors/" + NAME + "/stop", null).ok());
        CONNECT.awaitState(NAME, "STOPPED", 0);
        assertTrue(CONNECT.rest().delete("connectors/" + NAME + "/offsets").ok());
        assertTrue(CONNECT.rest().put("connectors/" + NAME + "/resume", null).ok());
        CONNECT.awaitRunning(NAME, 2);
        awaitCommitted(CONTACTS + MESSAGES + EVENTS);
        assertEquals(changes, sf.org().changes().size(), "the replay wrote nothing");
        assertEquals(MESSAGES, sf.org().count("Task"));
        assertEquals(CONTACTS, sf.org().count("Contact") + sf.org().count("Lead"));
    }

    @Test
    @Order(3)
    void poisonRecordsReachTheDlqWithReasons() {
        Struct noWhen = event("e-poison", "Broken", T, T, List.of(), null, "updated", T).put("when", null);
        produce("nylas.events", noWhen);
        produce("nylas.events", event("e-fine", "Fine", T, T.plusSeconds(60), List.of(), null, "updated", T));
        flush();
        List<ConsumerRecord<byte[], byte[]>> dead = CONNECT.consume(1, Duration.ofSeconds(60), "nylas.dlq");
        Header reason = dead.get(0).headers().lastHeader("__connect.errors.exception.message");
        assertTrue(new String(reason.value(), StandardCharsets.UTF_8).startsWith("MISSING_WHEN"));
        await("the good record lands", () -> sf.org().count("Event") == EVENTS + 1);
    }

    @Test
    @Order(4)
    void requestLimitExceededPausesAndResumes() {
        sf.setApiUsage(sf.dailyApiLimit());
        for (int i = 0; i < 10; i++) {
            produce("nylas.contacts", contact("late-" + i, "L", "P" + i, "late" + i + "@late.org", null, null, T));
        }
        flush();
        // several redeliveries meet REQUEST_LIMIT_EXCEEDED meanwhile
        Awaitility.await("nothing written while the daily limit is used up").during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> sf.org().query("SELECT Id FROM Lead WHERE Email LIKE 'late%'").records().isEmpty());
        sf.setApiUsage(0);
        await("written once there is room", () -> sf.org().query("SELECT Id FROM Lead WHERE Email LIKE 'late%'")
                .records().size() == 10);
    }

    @Test
    @Order(5)
    void schemalessJsonWithTheSameFieldNamesIsWrittenToo() {
        Map<String, String> c = config();
        c.put("topics", "nylas.raw");
        c.put("value.converter.schemas.enable", "false");
        c.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        CONNECT.putConnector("sf-sink-raw", c);
        CONNECT.awaitRunning("sf-sink-raw", 2);
        CONNECT.cluster().kafka().produce("nylas.raw", "k", "{\"object\":\"contact\",\"id\":\"raw-1\",\"grant_id\":\"g\","
                + "\"surname\":\"Raw\",\"emails\":[{\"email\":\"raw@company3.com\"}],\"change_type\":\"updated\","
                + "\"modified_at\":\"2026-03-01T10:00:00Z\",\"observed_via\":\"webhook\",\"observed_at\":1772359200000}");
        await("schemaless contact written", () -> sf.org().query(
                "SELECT Id FROM Contact WHERE Nylas_Contact_Id__c = 'raw-1'").records().size() == 1);
    }

    @Test
    @Order(6)
    void jwtBearerWithThePrivateKeyFromAConfigProvider(@TempDir Path dir) throws Exception {
        Path secrets = dir.resolve("salesforce-secrets.properties");
        Properties p = new Properties();
        p.setProperty("salesforce.jwt.private.key", "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(JWT_KEYS.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        try (var out = Files.newOutputStream(secrets)) {
            p.store(out, "written by SalesforceSinkIT");
        }
        CONNECT.cluster().kafka().createTopic("nylas.jwt", 1);
        Map<String, String> c = config();
        c.put("topics", "nylas.jwt");
        c.put("tasks.max", "1");
        c.remove("salesforce.client.secret");
        c.put("salesforce.auth.method", "jwt_bearer");
        c.put("salesforce.client.id", "jwt-app");
        c.put("salesforce.username", Org.INTEGRATION_USERNAME);
        String placeholder = "${file:" + secrets + ":salesforce.jwt.private.key}";
        c.put("salesforce.jwt.private.key", placeholder);
        CONNECT.putConnector("sf-sink-jwt", c);
        CONNECT.awaitRunning("sf-sink-jwt", 1);
        produce("nylas.jwt", contact("jwt-1", "Jay", "Wt", "jay@jwt-co.org", null, null, T));
        flush();
        await("contact written with a JWT-bearer token", () -> sf.org().query(
                "SELECT Id FROM Lead WHERE Nylas_Contact_Id__c = 'jwt-1'").records().size() == 1);
        assertEquals(sf.org().integrationUserId(), sf.org().query("SELECT LastModifiedById FROM Lead WHERE "
                + "Nylas_Contact_Id__c = 'jwt-1'").records().get(0).get("LastModifiedById"));
        JsonNode stored = CONNECT.rest().get("connectors/sf-sink-jwt/config").body();
        assertEquals(placeholder, stored.path("salesforce.jwt.private.key").asText(),
                "the key stays in the file: Connect stores only the placeholder");
        assertTrue(CONNECT.rest().delete("connectors/sf-sink-jwt").ok());
        CONNECT.awaitDeleted("sf-sink-jwt");
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static void awaitCommitted(long total) {
        await("offsets committed for " + total + " records", () -> {
            JsonNode offsets = CONNECT.offsets(NAME).path("offsets");
            long sum = 0;
            for (JsonNode o : offsets) {
                String topic = o.path("partition").path("kafka_topic").asText();
                if (!topic.equals("nylas.dlq")) {
                    sum += o.path("offset").path("kafka_offset").asLong();
                }
            }
            return sum >= total;
        });
    }
}

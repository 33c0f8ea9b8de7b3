package io.nylassf.connect.sink.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.connect.common.schema.NylasSchemas;
import io.nylassf.testkit.connect.ConnectClusterExtension;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.nylas.NylasMessage;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.nylassf.connect.sink.salesforce.NylasRecords.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attachments end to end on a real Connect cluster, the Nylas emulator serving the files and the Salesforce
 * emulator holding them: a message with an allowed file, one over the cap and one of a type not allowed becomes a
 * Task with one File (a ContentVersion published to it), through a transient download failure; a replay after an
 * offset reset adds none; with the option off the Task's Description lists the files and none is written.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SalesforceAttachmentsIT {
    static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    static final String ON = "sf-files";
    static final String OFF = "sf-no-files";
    static final byte[] QUOTE = "%PDF-1.4 the quote".getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.builder().build();

    static SalesforceEmulator sf;
    static NylasEmulator nylas;
    static String grant;
    static KafkaProducer<byte[], byte[]> producer;
    static final JsonConverter JSON = new JsonConverter();

    @BeforeAll
    static void start() {
        sf = SalesforceEmulator.builder().clientCredentials("app", "secret", null).dailyApiLimit(1_000_000).build()
                .start();
        nylas = NylasEmulator.builder().rateLimitPerSecond(0).build().start();
        grant = nylas.createGrant("me@mycorp.com", "google");
        JSON.configure(Map.of("schemas.enable", "true", "converter.type", "value"));
        for (String t : List.of("nylas.messages", "nylas.messages.plain")) {
            CONNECT.cluster().kafka().createTopic(t, 1);
        }
        sf.org().insert("Contact", Map.of("LastName", "Lee", "Email", "ann@acme.com"));
        producer = CONNECT.cluster().kafka().createProducer(Map.of());
    }

    @AfterAll
    static void stop() {
        producer.close();
        nylas.close();
        sf.close();
    }

    static Map<String, String> config(String topic, boolean attachments) {
        Map<String, String> c = new HashMap<>();
        c.put("connector.class", SalesforceSinkConnector.class.getName());
        c.put("tasks.max", "1");
        c.put("topics", topic);
        c.put("key.converter", JsonConverter.class.getName());
        c.put("value.converter", JsonConverter.class.getName());
        c.put("salesforce.login.url", sf.baseUrl());
        c.put("salesforce.auth.method", "client_credentials");
        c.put("salesforce.client.id", "app");
        c.put("salesforce.client.secret", "secret");
        c.put("salesforce.internal.domains", "mycorp.com");
        c.put("salesforce.linger.ms", "500");
        c.put("salesforce.retry.backoff.ms", "200");
        if (attachments) {
            c.put("salesforce.attachments.enabled", "true");
            c.put("salesforce.attachments.max.bytes", "10000");
            c.put("nylas.api.url", nylas.baseUrl());
            c.put("nylas.api.key", nylas.apiKey());
        }
        return c;
    }

    /** A message in the Nylas mailbox with three files, and its record as the source writes it. */
    static Struct messageWithFiles(String subject) {
        JsonNode m = nylas.addMessage(grant, NylasMessage.create().subject(subject).from("Me", "me@mycorp.com")
                .to("Ann", "ann@acme.com").date(T)
                .attachment("att-quote", "quote.pdf", "application/pdf", QUOTE)
                .attachment("att-deck", "deck.pdf", "application/pdf", 20_000L)
                .attachment("att-zip", "archive.zip", "application/zip", 300L));
        List<Struct> files = new ArrayList<>();
        for (JsonNode a : m.get("attachments")) {
            files.add(new Struct(NylasSchemas.ATTACHMENT).put("id", a.get("id").asText())
                    .put("filename", a.get("filename").asText()).put("content_type", a.get("content_type").asText())
                    .put("size", a.get("size").asLong()).put("is_inline", a.get("is_inline").asBoolean()));
        }
        return message(m.get("id").asText(), subject, "me@mycorp.com", "ann@acme.com", T, null, T)
                .put("grant_id", grant).put("attachments", files);
    }

    static void produce(String topic, Struct value) {
        Struct key = NylasRecords.key("message", value.getString("id"));
        producer.send(new ProducerRecord<>(topic, JSON.fromConnectData(topic, key.schema(), key),
                JSON.fromConnectData(topic, value.schema(), value)));
        producer.flush();
    }

    static List<Map<String, Object>> files() {
        return sf.org().query("SELECT Id, Title, FirstPublishLocationId, VersionData, Nylas_Attachment_Id__c "
                + "FROM ContentVersion").records();
    }

    static void await(String what, java.util.function.BooleanSupplier c) {
        ConnectClusterExtension.waitUntil(what, Duration.ofSeconds(90), c);
    }

    static void awaitCommitted(String name, long offset) {
        await(name + " committed offset " + offset, () -> {
            long sum = 0;
            for (JsonNode o : CONNECT.offsets(name).path("offsets")) {
                sum += o.path("offset").path("kafka_offset").asLong();
            }
            return sum >= offset;
        });
    }

    @Test
    @Order(0)
    void validationNamesTheMissingNylasKey() {
        Map<String, String> c = config("nylas.messages", true);
        c.remove("nylas.api.key");
        List<String> errors = ConnectClusterExtension.validationErrors(
                CONNECT.validate(SalesforceSinkConnector.class.getName(), c), "nylas.api.key");
        assertTrue(errors.stream().anyMatch(e -> e.contains("salesforce.attachments.enabled")), errors.toString());
        assertEquals(List.of(), ConnectClusterExtension.validationErrors(CONNECT.validate(
                SalesforceSinkConnector.class.getName(), config("nylas.messages", false)), "nylas.api.key"));
    }

    @Test
    @Order(1)
    void theAllowedFileBecomesOneFileOfTheTaskThroughATransientFailure() {
        nylas.faults().onlyPaths(".*/attachments/.*").failNext("503", 1);
        CONNECT.putConnector(ON, config("nylas.messages", true));
        CONNECT.awaitRunning(ON, 1);
        Struct m = messageWithFiles("Quote");
        produce("nylas.messages", m);
        await("one file written", () -> files().size() == 1);
        String task = (String) sf.org().query("SELECT Id FROM Task WHERE Nylas_Message_Id__c = '"
                + m.getString("id") + "'").records().get(0).get("Id");
        Map<String, Object> file = files().get(0);
        assertEquals("quote.pdf", file.get("Title"));
        assertEquals(task, file.get("FirstPublishLocationId"));
        assertEquals(1, sf.org().query("SELECT Id FROM ContentDocumentLink WHERE LinkedEntityId = '" + task
                + "'").records().size(), "the File is shared with the Task");
        assertEquals(m.getString("id") + "/att-quote", file.get("Nylas_Attachment_Id__c"));
        assertEquals(new String(QUOTE, StandardCharsets.UTF_8), new String(Base64.getDecoder()
                .decode((String) file.get("VersionData")), StandardCharsets.UTF_8));
        assertTrue(nylas.faults().injectedCount() >= 1, "the download failed once and was retried");
        awaitCommitted(ON, 1);
        assertEquals(1, files().size());
    }

    @Test
    @Order(2)
    void aReplayAfterAnOffsetResetAddsNoFile() {
        long downloads = nylas.requestCount("GET /v3/grants/{grantId}/attachments/{id}/download");
        assertTrue(CONNECT.rest().put("connectors/" + ON + "/stop", null).ok());
        CONNECT.awaitState(ON, "STOPPED", 0);
        assertTrue(CONNECT.rest().delete("connectors/" + ON + "/offsets").ok());
        assertTrue(CONNECT.rest().put("connectors/" + ON + "/resume", null).ok());
        CONNECT.awaitRunning(ON, 1);
        awaitCommitted(ON, 1);
        assertEquals(1, files().size(), "still one file");
        assertEquals(downloads, nylas.requestCount("GET /v3/grants/{grantId}/attachments/{id}/download"),
                "a file already in Salesforce is not downloaded again");
    }

    @Test
    @Order(3)
    void withTheOptionOffTheDescriptionListsTheFilesAndNoneIsWritten() {
        CONNECT.putConnector(OFF, config("nylas.messages.plain", false));
        CONNECT.awaitRunning(OFF, 1);
        Struct m = messageWithFiles("Plain");
        produce("nylas.messages.plain", m);
        await("the Task written", () -> !sf.org().query("SELECT Id FROM Task WHERE Nylas_Message_Id__c = '"
                + m.getString("id") + "'").records().isEmpty());
        String description = (String) sf.org().query("SELECT Description FROM Task WHERE Nylas_Message_Id__c = '"
                + m.getString("id") + "'").records().get(0).get("Description");
        assertTrue(description.endsWith("Attachments:\n- quote.pdf (18 bytes)\n- deck.pdf (20 KB)\n"
                + "- archive.zip (300 bytes)"), description);
        awaitCommitted(OFF, 1);
        assertEquals(1, files().size(), "no file for the message of the connector without the option");
    }
}

package io.nylassf.connect.source.nylas;

import io.apicurio.registry.utils.converter.AvroConverter;
import io.nylassf.connect.common.schema.SalesforceSchemas;
import io.nylassf.connect.source.salesforce.mapping.ChangeRecordMapper;
import io.nylassf.connect.source.salesforce.mapping.ChangeRow;
import io.nylassf.testkit.registry.SchemaRegistryEmulator;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every record type the sources write goes through a real Avro converter (Apicurio's, registering its schemas over
 * HTTP in the in-process registry) and comes back equal: names, versions, nested structs, arrays, maps, optional
 * fields set and unset, and timestamps.
 */
class AvroConverterRoundTripTest {
    private static SchemaRegistryEmulator registry;

    @BeforeAll
    static void startRegistry() {
        registry = new SchemaRegistryEmulator();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void everyRecordTypeRoundTripsThroughTheAvroConverter() throws Exception {
        AvroConverter keys = converter(true);
        AvroConverter values = converter(false);
        List<SourceRecord> records = new ArrayList<>(RecordMapperTest.sampleRecords());
        records.addAll(salesforceRecords());
        Set<String> schemas = new HashSet<>();
        for (SourceRecord r : records) {
            roundTrip(keys, r.topic(), r.keySchema(), r.key());
            roundTrip(values, r.topic(), r.valueSchema(), r.value());
            schemas.add(r.keySchema().name());
            schemas.add(r.valueSchema().name());
        }
        assertEquals(schemas.size(), registry.versions(), "each schema registered once, however many records use it");
    }

    @Test
    void aSecondConverterReadsWhatTheFirstWroteThroughTheRegistry() throws Exception {
        SourceRecord r = RecordMapperTest.sampleRecords().get(1);
        byte[] bytes = converter(false).fromConnectData(r.topic(), r.valueSchema(), r.value());
        SchemaAndValue back = converter(false).toConnectData(r.topic(), bytes);
        assertEquals(r.value(), back.value(), "a fresh converter resolves the schema by its ID");
    }

    private static void roundTrip(AvroConverter converter, String topic, Schema schema, Object value) {
        byte[] bytes = converter.fromConnectData(topic, schema, value);
        assertEquals(0, bytes[0], "the registry wire format starts with its magic byte");
        SchemaAndValue back = converter.toConnectData(topic, bytes);
        assertEquals(schema.name(), back.schema().name(), topic);
        assertEquals(schema.version(), back.schema().version(), topic);
        assertEquals(value, back.value(), topic + " " + schema.name());
    }

    private static List<SourceRecord> salesforceRecords() {
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("Id", "00T5g000004abcdEAA");
        task.put("SystemModstamp", "2026-11-20T09:59:00.000+0000");
        task.put("LastModifiedById", "0055g00000AbCdEAAZ");
        task.put("OwnerId", "0055g00000AbCdEAAZ");
        task.put("Subject", "Follow up");
        task.put("Description", null);
        Map<String, Object> bare = new HashMap<>(Map.of("Id", "0035g00000XyZabAAB",
                "SystemModstamp", "2026-11-20T09:58:00.000+0000"));
        ChangeRecordMapper mapper = new ChangeRecordMapper("salesforce");
        return List.of(mapper.toRecord(ChangeRow.of("Task", task), false, at),
                mapper.toRecord(ChangeRow.of("Contact", bare), true, at),
                new SourceRecord(Map.of(), Map.of(), "salesforce.event", null, SalesforceSchemas.KEY,
                        SalesforceSchemas.key("Event", "00U5g000001xyzAEAQ"), SalesforceSchemas.RECORD,
                        SalesforceSchemas.record("Event", "00U5g000001xyzAEAQ", SalesforceSchemas.DELETED, at, null,
                                null, "nylas-connector", false, Map.of(), SalesforceSchemas.VIA_CDC, at)));
    }

    private static AvroConverter converter(boolean isKey) {
        AvroConverter c = new AvroConverter();
        c.configure(Map.of("apicurio.registry.url", registry.url(), "apicurio.registry.auto-register", "true"),
                isKey);
        return c;
    }
}

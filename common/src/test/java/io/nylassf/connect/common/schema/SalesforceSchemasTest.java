package io.nylassf.connect.common.schema;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SalesforceSchemasTest {
    private static final Instant MODSTAMP = Instant.parse("2026-01-05T09:00:00.123Z");

    @Test
    void schemasAreNamedAndVersioned() {
        for (Schema s : new Schema[] {SalesforceSchemas.KEY, SalesforceSchemas.RECORD}) {
            assertTrue(s.name().startsWith("io.nylassf.salesforce."), s.name());
            assertEquals(1, s.version());
            assertTrue(s.doc() != null && !s.doc().isBlank());
        }
        assertEquals("io.nylassf.salesforce.Record", SalesforceSchemas.RECORD.name());
    }

    @Test
    void recordCarriesFieldsAndTheChangeEnvelope() {
        Map<String, String> fields = new HashMap<>();
        fields.put("Subject", "Follow-up");
        fields.put("Who.Email", "ada@acme.test");
        fields.put("Description", null);
        Struct r = SalesforceSchemas.record("Task", "00T000000000001AAA", SalesforceSchemas.CREATED, MODSTAMP,
                "005000000000002AAA", "005000000000003AAA", null, false, fields, SalesforceSchemas.VIA_SOQL,
                MODSTAMP.plusSeconds(1));
        r.validate();
        assertEquals(Date.from(MODSTAMP), r.get(SalesforceSchemas.SYSTEM_MODSTAMP));
        assertEquals("ada@acme.test", r.getMap(SalesforceSchemas.FIELDS).get("Who.Email"));
        assertTrue(r.getMap(SalesforceSchemas.FIELDS).containsKey("Description"));
        assertNull(r.get(SalesforceSchemas.ORIGIN_CLIENT));
        fields.put("Subject", "changed after");
        assertEquals("Follow-up", r.getMap(SalesforceSchemas.FIELDS).get("Subject"), "fields are copied");
    }

    @Test
    void keyAndTopicFollowTheObject() {
        Struct k = SalesforceSchemas.key("Opportunity", "006000000000001AAA");
        k.validate();
        assertEquals("salesforce.opportunity", SalesforceSchemas.topic("salesforce", "Opportunity"));
        assertThrows(DataException.class, () -> new Struct(SalesforceSchemas.KEY).put("sobject", "Task").validate());
    }
}

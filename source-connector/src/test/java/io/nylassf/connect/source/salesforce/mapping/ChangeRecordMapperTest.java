package io.nylassf.connect.source.salesforce.mapping;

import io.nylassf.connect.common.schema.SalesforceSchemas;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A row the integration user created is marked as such; any other row is not. */
class ChangeRecordMapperTest {
    private static final String INTEGRATION = "005000000000009AAA";
    private static final String REP = "005000000000001AAA";

    private static ChangeRow event(String createdBy) {
        return ChangeRow.of("Event", Map.of("Id", "00U000000000001AAA",
                "SystemModstamp", "2026-12-05T10:00:00.000+0000", "CreatedById", createdBy,
                "LastModifiedById", REP, "OwnerId", REP, "Subject", "Demo"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> fields(ChangeRecordMapper mapper, ChangeRow row) {
        Struct value = (Struct) mapper.toRecord(row, false, Instant.EPOCH).value();
        return (Map<String, String>) value.get(SalesforceSchemas.FIELDS);
    }

    @Test
    void aRowTheIntegrationUserCreatedIsMarkedAndNoOtherIs() {
        ChangeRecordMapper mapper = new ChangeRecordMapper("salesforce", INTEGRATION::equals);
        assertEquals("true", fields(mapper, event(INTEGRATION)).get(SalesforceSchemas.CREATED_BY_INTEGRATION));
        assertNull(fields(mapper, event(REP)).get(SalesforceSchemas.CREATED_BY_INTEGRATION));
        assertEquals("Demo", fields(mapper, event(INTEGRATION)).get("Subject"), "the row's own fields stay");
    }
}

package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.sink.salesforce.NylasRecords;
import io.nylassf.connect.sink.salesforce.SalesforceSinkConnectorConfig;
import io.nylassf.connect.sink.salesforce.mapping.ConflictResolver;
import io.nylassf.connect.sink.salesforce.record.NylasRecordDecoder;
import org.apache.kafka.connect.data.Struct;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds planners from settings and items from test records, without Salesforce. */
final class PlannerFixture {
    static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant T2 = Instant.parse("2026-03-02T10:00:00Z");
    static final String REP = "005000000000REP";
    static final String SINK = "005000000000SNK";

    private static long offset;

    private PlannerFixture() {
    }

    static SalesforceSinkConnectorConfig config(Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>(Map.of("salesforce.auth.method", "client_credentials",
                "salesforce.client.id", "app", "salesforce.client.secret", "secret",
                "salesforce.internal.domains", "mycorp.com"));
        props.putAll(overrides);
        return new SalesforceSinkConnectorConfig(props);
    }

    static Planners planners(Map<String, String> overrides) {
        SalesforceSinkConnectorConfig c = config(overrides);
        Counterparts counterparts = counterparts(c);
        return Planners.of(c, new ConflictResolver(c.ownership(), c.modifiedAtField(), null), counterparts,
                d -> !d.equals("gmail.com") && !d.equals("mycorp.com"));
    }

    static Counterparts counterparts(SalesforceSinkConnectorConfig c) {
        return new Counterparts(Planners.messageMapper(c), c.internalDomains());
    }

    static Item item(Struct value) {
        String topic = value.schema().name().endsWith("Contact") ? "nylas.contacts"
                : value.schema().name().endsWith("Message") ? "nylas.messages" : "nylas.events";
        var record = NylasRecords.sinkRecord(topic, offset++, value);
        return new Item(record, new NylasRecordDecoder().decode(record));
    }

    /** A queried record as the REST API returns it. */
    static Map<String, Object> sf(String sobject, String id, Object... fieldsAndValues) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("attributes", Map.of("type", sobject));
        r.put("Id", id);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            r.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return r;
    }
}

package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.sink.salesforce.record.NylasRecord;
import org.apache.kafka.connect.sink.SinkRecord;

/** A decoded record: the Kafka record (for the dead-letter queue) and the Nylas object it carries. */
record Item(SinkRecord record, NylasRecord obj) {
    /** One key per Nylas object (type and ID): what de-duplication and the lookup cache go by. */
    String key() {
        return key(obj);
    }

    static String key(NylasRecord obj) {
        return obj.getClass().getSimpleName() + "/" + obj.id();
    }
}

package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.sink.salesforce.record.NylasObject;
import org.apache.kafka.connect.sink.SinkRecord;

/** A decoded record: the Kafka record (for the dead-letter queue) and the Nylas object it carries. */
record Item(SinkRecord record, NylasObject obj) {
    /** One key per Nylas object (type and ID): what de-duplication and the lookup cache go by. */
    String key() {
        return key(obj);
    }

    static String key(NylasObject obj) {
        return obj.getClass().getSimpleName() + "/" + obj.id();
    }
}

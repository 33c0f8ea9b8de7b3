package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.sink.salesforce.record.NylasRecord;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * A decoded record: the Kafka record (for the dead-letter queue), the Nylas object it carries and the email of the
 * grant it came from (the record's {@code grant_email}, null when the source did not say).
 */
record Item(SinkRecord record, NylasRecord obj, String grantEmail) {
    Item(SinkRecord record, NylasRecord obj) {
        this(record, obj, null);
    }

    /** One key per Nylas object (type and ID): what de-duplication and the lookup cache go by. */
    String key() {
        return key(obj);
    }

    static String key(NylasRecord obj) {
        return obj.getClass().getSimpleName() + "/" + obj.id();
    }
}

package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.config.ConfigDefBuilder;
import io.nylassf.connect.common.config.Validators;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The Salesforce sink's "Recurring events" group: the Event field that links each occurrence's Event to its series.
 * A config fragment: {@link #addTo} defines the setting, {@link #seriesField} reads it.
 */
public final class RecurringEventsSinkConfig {
    public static final String GROUP = "Recurring events";
    public static final String SERIES_FIELD = "salesforce.event.series.field";

    private RecurringEventsSinkConfig() {
    }

    public static ConfigDefBuilder addTo(ConfigDefBuilder builder) {
        return builder.group(GROUP)
                .define(SERIES_FIELD, Type.STRING, "Nylas_Series_Id__c", Validators.optionalFieldName(),
                        Importance.MEDIUM);
    }

    /** The series field, or null when unset (occurrences are then written without a link to their series). */
    public static String seriesField(AbstractConfig c) {
        String s = c.getString(SERIES_FIELD);
        return s == null || s.isBlank() ? null : s.trim();
    }
}

package io.nylassf.connect.source.nylas.offset;

import io.nylassf.connect.common.config.ConfigChoice;

import java.util.Locale;

/** The object types read through windows, each with its own offsets, topic and record schema. */
public enum ObjectStream implements ConfigChoice {
    MESSAGES("messages", "message"),
    EVENTS("events", "event"),
    CONTACTS("contacts", "contact");

    private final String configName;
    private final String objectName;

    ObjectStream(String configName, String objectName) {
        this.configName = configName;
        this.objectName = objectName;
    }

    /** As in settings, offsets and topic suffixes: {@code messages}. */
    public String configName() {
        return configName;
    }

    /** Nylas' {@code object} value: {@code message}. */
    public String objectName() {
        return objectName;
    }

    public static ObjectStream fromConfig(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (ObjectStream s : values()) {
            if (s.configName.equals(v)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown object type '" + value + "' (messages, events or contacts)");
    }
}

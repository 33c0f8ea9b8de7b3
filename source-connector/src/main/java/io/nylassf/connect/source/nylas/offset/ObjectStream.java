package io.nylassf.connect.source.nylas.offset;

import io.nylassf.connect.common.config.ChoiceSetting;
import io.nylassf.connect.common.config.ConfigChoice;

/** The object types read through windows, each with its own offsets, topic and record schema. */
public enum ObjectStream implements ConfigChoice {
    MESSAGES("message"),
    EVENTS("event"),
    CONTACTS("contact");

    /** {@code nylas.objects}: validated, documented and parsed like every fixed-value setting. */
    public static final ChoiceSetting<ObjectStream> SETTING = ChoiceSetting.of(ObjectStream.class);

    private final String objectName;

    ObjectStream(String objectName) {
        this.objectName = objectName;
    }

    /** As in settings, offsets and topic suffixes: {@code messages}. */
    public String configName() {
        return configValue();
    }

    /** Nylas' {@code object} value: {@code message}. */
    public String objectName() {
        return objectName;
    }

    /** The stream a setting or offset names, in any case; IllegalArgumentException listing the values otherwise. */
    public static ObjectStream fromConfig(String value) {
        return SETTING.parse(value);
    }
}

package io.nylassf.connect.common.config;

import org.apache.kafka.common.config.ConfigDef;

/**
 * Defines settings group by group so that every setting gets a doc, a group, its order in the group, a width
 * and a display name: Connect's validate endpoint and UIs show all of them, and the generated reference
 * reads them. {@code ConfigDefinitionTest} fails when one is missing.
 */
public final class ConfigDefBuilder {
    private final ConfigDef def;
    private String group;
    private int order;

    public ConfigDefBuilder(ConfigDef def) {
        this.def = def;
    }

    public ConfigDefBuilder group(String name) {
        this.group = name;
        this.order = 0;
        return this;
    }

    /** A setting documented in {@link SettingDocs}, as wide as its type usually is ({@link #widthOf}). */
    public ConfigDefBuilder define(String name, ConfigDef.Type type, Object defaultValue, ConfigDef.Validator validator,
                                   ConfigDef.Importance importance) {
        return define(name, type, defaultValue, validator, importance, widthOf(type), null);
    }

    /** A setting documented in {@link SettingDocs}. */
    public ConfigDefBuilder define(String name, ConfigDef.Type type, Object defaultValue, ConfigDef.Validator validator,
                                   ConfigDef.Importance importance, ConfigDef.Width width) {
        return define(name, type, defaultValue, validator, importance, width, null);
    }

    /** A setting documented in {@link SettingDocs}, whose valid values {@code recommender} lists. */
    public ConfigDefBuilder define(String name, ConfigDef.Type type, Object defaultValue, ConfigDef.Validator validator,
                                   ConfigDef.Importance importance, ConfigDef.Width width,
                                   ConfigDef.Recommender recommender) {
        return define(name, type, defaultValue, validator, importance, documented(name, validator), width,
                SettingDocs.displayName(name), recommender);
    }

    /** A required setting documented in {@link SettingDocs}, as wide as its type usually is. */
    public ConfigDefBuilder defineRequired(String name, ConfigDef.Type type, ConfigDef.Validator validator,
                                           ConfigDef.Importance importance) {
        return defineRequired(name, type, validator, importance, widthOf(type));
    }

    /** A required setting documented in {@link SettingDocs}. */
    public ConfigDefBuilder defineRequired(String name, ConfigDef.Type type, ConfigDef.Validator validator,
                                           ConfigDef.Importance importance, ConfigDef.Width width) {
        return defineRequired(name, type, validator, importance, documented(name, validator), width,
                SettingDocs.displayName(name));
    }

    /** A setting whose doc is given here (it differs between the connectors that share it). */
    public ConfigDefBuilder define(String name, ConfigDef.Type type, Object defaultValue, ConfigDef.Validator validator,
                                   ConfigDef.Importance importance, String doc, ConfigDef.Width width,
                                   String displayName) {
        return define(name, type, defaultValue, validator, importance, doc, width, displayName, null);
    }

    public ConfigDefBuilder define(String name, ConfigDef.Type type, Object defaultValue, ConfigDef.Validator validator,
                                   ConfigDef.Importance importance, String doc, ConfigDef.Width width,
                                   String displayName, ConfigDef.Recommender recommender) {
        if (group == null) {
            throw new IllegalStateException("call group() before defining " + name);
        }
        def.define(name, type, defaultValue, validator, importance, doc, group, ++order, width, displayName,
                recommender);
        return this;
    }

    /** A setting with no default: validation reports it missing under its own name. */
    public ConfigDefBuilder defineRequired(String name, ConfigDef.Type type, ConfigDef.Validator validator,
                                           ConfigDef.Importance importance, String doc, ConfigDef.Width width,
                                           String displayName) {
        if (group == null) {
            throw new IllegalStateException("call group() before defining " + name);
        }
        def.define(name, type, ConfigDef.NO_DEFAULT_VALUE, validator, importance, doc, group, ++order, width,
                displayName);
        return this;
    }

    /** The width a UI gives a value of {@code type} unless told otherwise: lists and secrets long, strings medium. */
    static ConfigDef.Width widthOf(ConfigDef.Type type) {
        return switch (type) {
            case LIST, PASSWORD -> ConfigDef.Width.LONG;
            case STRING, CLASS -> ConfigDef.Width.MEDIUM;
            default -> ConfigDef.Width.SHORT;
        };
    }

    /** The doc, with the valid values appended for a fixed set of choices. */
    private static String documented(String name, ConfigDef.Validator validator) {
        String doc = SettingDocs.doc(name);
        return validator instanceof ChoiceSetting<?> choice ? choice.doc(doc) : doc;
    }

    public ConfigDef build() {
        return def;
    }
}

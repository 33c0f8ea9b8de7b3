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

    public ConfigDef build() {
        return def;
    }
}

package io.nylassf.connect.plugin;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.connect.connector.Connector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a connector's {@link ConfigDef} as a Markdown options reference, grouped and ordered as defined. */
final class ConfigReference {
    private ConfigReference() {
    }

    static String render(Connector connector) {
        ConfigDef def = connector.config();
        Map<String, List<ConfigDef.ConfigKey>> byGroup = new LinkedHashMap<>();
        for (String group : def.groups()) {
            byGroup.put(group, new ArrayList<>());
        }
        for (ConfigDef.ConfigKey key : def.configKeys().values()) {
            byGroup.computeIfAbsent(key.group == null ? "Other" : key.group, g -> new ArrayList<>()).add(key);
        }
        String name = connector.getClass().getSimpleName();
        StringBuilder b = new StringBuilder();
        b.append("# ").append(name).append(" configuration reference\n\n");
        b.append("Generated from the connector's `ConfigDef` by `ConfigReferenceTest`; do not edit by hand.\n");
        b.append("Class: `").append(connector.getClass().getName()).append("`. Connect's own settings (`name`, ")
                .append("`tasks.max`, converters, `errors.*`, `topics` for sinks) apply as usual.\n");
        for (Map.Entry<String, List<ConfigDef.ConfigKey>> g : byGroup.entrySet()) {
            if (g.getValue().isEmpty()) {
                continue;
            }
            b.append("\n## ").append(g.getKey()).append("\n\n");
            b.append("| setting | type | default | valid values | importance | description |\n");
            b.append("| --- | --- | --- | --- | --- | --- |\n");
            g.getValue().sort(Comparator.comparingInt(k -> k.orderInGroup));
            for (ConfigDef.ConfigKey k : g.getValue()) {
                b.append("| `").append(k.name).append("` | ").append(k.type.name().toLowerCase()).append(" | ")
                        .append(defaultOf(k)).append(" | ").append(k.validator == null ? "" : cell(k.validator.toString()))
                        .append(" | ").append(k.importance.name().toLowerCase()).append(" | ")
                        .append(cell(k.documentation)).append(" |\n");
            }
        }
        return b.toString();
    }

    private static String defaultOf(ConfigDef.ConfigKey k) {
        if (!k.hasDefault()) {
            return "(required)";
        }
        Object v = k.defaultValue;
        if (v == null || v instanceof Password) {
            return v == null ? "null" : "(hidden)";
        }
        String s = v instanceof List<?> l ? String.join(",", l.stream().map(Object::toString).toList()) : v.toString();
        return s.isEmpty() ? "\"\"" : "`" + cell(s) + "`";
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }
}

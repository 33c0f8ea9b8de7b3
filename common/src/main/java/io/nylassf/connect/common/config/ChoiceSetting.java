package io.nylassf.connect.common.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one validator, recommender and parser of the settings with a fixed set of values: built from an enum, it
 * accepts its values (and aliases) in any case, names the setting and lists the values when it rejects one, and
 * appends the values to the setting's doc. A LIST setting has each of its entries checked.
 */
public final class ChoiceSetting<E extends Enum<E> & ConfigChoice> implements ConfigDef.Validator,
        ConfigDef.Recommender {
    private final Class<E> type;
    private final List<Object> values;

    private ChoiceSetting(Class<E> type) {
        this.type = type;
        this.values = Arrays.stream(type.getEnumConstants()).map(c -> (Object) c.configValue()).toList();
    }

    public static <E extends Enum<E> & ConfigChoice> ChoiceSetting<E> of(Class<E> type) {
        return new ChoiceSetting<>(type);
    }

    /** The constant a value names, whatever its case; IllegalArgumentException listing the values otherwise. */
    public static <E extends Enum<E> & ConfigChoice> E parse(Class<E> type, String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (E c : type.getEnumConstants()) {
            if (c.configValue().equals(v) || c.aliases().contains(v)) {
                return c;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not " + of(type));
    }

    public E parse(String value) {
        return parse(type, value);
    }

    /** The values users may write (aliases left out). */
    public List<Object> values() {
        return values;
    }

    /** The setting's doc with its valid values appended. */
    public String doc(String doc) {
        return doc + " Valid values: " + values.stream().map(Object::toString).collect(Collectors.joining(", "))
                + ".";
    }

    @Override
    public void ensureValid(String name, Object value) {
        List<?> entries = value instanceof List<?> list ? list : java.util.Collections.singletonList(value);
        for (Object entry : entries) {
            try {
                parse(entry == null ? null : entry.toString());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, (value instanceof List<?> ? "each entry must be " : "must be ")
                        + this);
            }
        }
    }

    @Override
    public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
        return values;
    }

    @Override
    public boolean visible(String name, Map<String, Object> parsedConfig) {
        return true;
    }

    @Override
    public String toString() {
        return "one of " + values;
    }
}

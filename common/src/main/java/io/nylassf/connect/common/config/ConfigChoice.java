package io.nylassf.connect.common.config;

import java.util.List;
import java.util.Locale;

/**
 * One value of a setting with a fixed set of values, implemented by an enum: {@link ChoiceSetting} validates,
 * recommends, documents and parses the setting from the enum's constants.
 */
public interface ConfigChoice {
    /** Implemented by every enum. */
    String name();

    /** The value users write: the constant's name in lower case. */
    default String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Former values still accepted for this one; not offered as valid values. */
    default List<String> aliases() {
        return List.of();
    }
}

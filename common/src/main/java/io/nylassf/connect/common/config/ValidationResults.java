package io.nylassf.connect.common.config;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Looks up the per-setting results of a validation, so cross-setting checks attach errors to a setting. */
public final class ValidationResults {
    private ValidationResults() {
    }

    public static Map<String, ConfigValue> byName(Config config) {
        Map<String, ConfigValue> byName = new HashMap<>();
        config.configValues().forEach(v -> byName.put(v.name(), v));
        return byName;
    }

    public static Optional<ConfigValue> find(Config config, String name) {
        return config.configValues().stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** True when no setting has an error. */
    public static boolean clean(Config config) {
        return config.configValues().stream().allMatch(v -> v.errorMessages().isEmpty());
    }
}

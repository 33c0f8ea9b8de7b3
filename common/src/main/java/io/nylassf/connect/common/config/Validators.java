package io.nylassf.connect.common.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.net.URISyntaxException;

/** Validators shared by the connectors' settings. */
public final class Validators {
    private Validators() {
    }

    /** An absolute http(s) URL. */
    public static ConfigDef.Validator httpUrl() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                if (value == null) {
                    return;
                }
                String s = value.toString().trim();
                try {
                    URI uri = new URI(s);
                    if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                            || uri.getHost() == null) {
                        throw new ConfigException(name, value, "must be an absolute http:// or https:// URL");
                    }
                } catch (URISyntaxException e) {
                    throw new ConfigException(name, value, "must be an absolute http:// or https:// URL");
                }
            }

            @Override
            public String toString() {
                return "an absolute http(s) URL";
            }
        };
    }

    /** A topic-name prefix: letters, digits, '.', '_' and '-' only. */
    /** A time-zone ID {@link ZoneId#of} accepts ({@code UTC}, {@code Europe/Paris}); surrounding blanks allowed. */
    public static ConfigDef.Validator timeZone() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            try {
                ZoneId.of(String.valueOf(value).trim());
            } catch (DateTimeException e) {
                throw new ConfigException(name, value, "must be a time zone ID such as UTC or Europe/Paris");
            }
        }, () -> "a time zone ID");
    }

    public static ConfigDef.Validator topicPrefix() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                String s = value == null ? "" : value.toString();
                if (s.isEmpty() || !s.matches("[A-Za-z0-9._-]{1,200}")) {
                    throw new ConfigException(name, value,
                            "must be 1-200 characters of letters, digits, '.', '_' or '-'");
                }
            }

            @Override
            public String toString() {
                return "1-200 characters of [A-Za-z0-9._-]";
            }
        };
    }

    /** A Salesforce REST API version such as v62.0. */
    public static ConfigDef.Validator apiVersion() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            if (value == null || !value.toString().matches("v\\d{2,3}\\.0")) {
                throw new ConfigException(name, value, "must look like v62.0");
            }
        }, () -> "vNN.0");
    }

    /** A Salesforce field API name. */
    public static ConfigDef.Validator fieldName() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            if (value == null || !value.toString().matches(FIELD_NAME)) {
                throw new ConfigException(name, value, "must be a Salesforce field API name");
            }
        }, () -> "a Salesforce field API name");
    }

    /** A Salesforce field API name, or empty. */
    public static ConfigDef.Validator optionalFieldName() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            if (value != null && !value.toString().isEmpty() && !value.toString().matches(FIELD_NAME)) {
                throw new ConfigException(name, value, "must be a Salesforce field API name or empty");
            }
        }, () -> "a Salesforce field API name, or empty");
    }

    private static final String FIELD_NAME = "[A-Za-z][A-Za-z0-9_]*";
}

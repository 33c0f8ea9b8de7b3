package io.nylassf.connect.common.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import java.net.URI;
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
}

package io.nylassf.connect.common.config;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.types.Password;

import java.time.Duration;

/** How to reach the Nylas v3 API: shared by the Nylas source and sink connectors. */
public final class NylasConnectionConfig {
    public static final String GROUP = "Nylas connection";
    public static final String API_URL = "nylas.api.url";
    public static final String API_URL_DEFAULT = "https://api.us.nylas.com";
    public static final String API_KEY = "nylas.api.key";
    public static final String REQUEST_TIMEOUT_MS = "nylas.request.timeout.ms";
    public static final int REQUEST_TIMEOUT_MS_DEFAULT = 30_000;

    private final String apiUrl;
    private final Password apiKey;
    private final Duration requestTimeout;

    public NylasConnectionConfig(AbstractConfig config) {
        this.apiUrl = stripTrailingSlash(config.getString(API_URL));
        this.apiKey = config.getPassword(API_KEY);
        this.requestTimeout = Duration.ofMillis(config.getInt(REQUEST_TIMEOUT_MS));
    }

    public static ConfigDef addTo(ConfigDef def) {
        new ConfigDefBuilder(def).group(GROUP)
                .define(API_URL, Type.STRING, API_URL_DEFAULT, Validators.httpUrl(), Importance.HIGH, Width.LONG)
                .defineRequired(API_KEY, Type.PASSWORD, null, Importance.HIGH)
                .define(REQUEST_TIMEOUT_MS, Type.INT, REQUEST_TIMEOUT_MS_DEFAULT, Range.between(1_000, 600_000),
                        Importance.LOW);
        return def;
    }

    public String apiUrl() {
        return apiUrl;
    }

    public Password apiKey() {
        return apiKey;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

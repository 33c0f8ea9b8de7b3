package io.nylassf.connect.common.config;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.types.Password;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** How to reach and authenticate to Salesforce: shared by the Salesforce source and sink connectors. */
public final class SalesforceConnectionConfig {
    public static final String GROUP = "Salesforce connection";
    public static final String LOGIN_URL = "salesforce.login.url";
    public static final String LOGIN_URL_DEFAULT = "https://login.salesforce.com";
    public static final String API_VERSION = "salesforce.api.version";
    public static final String API_VERSION_DEFAULT = "v62.0";
    public static final String AUTH_METHOD = "salesforce.auth.method";
    public static final String CLIENT_ID = "salesforce.client.id";
    public static final String CLIENT_SECRET = "salesforce.client.secret";
    public static final String USERNAME = "salesforce.username";
    public static final String JWT_PRIVATE_KEY = "salesforce.jwt.private.key";
    public static final String JWT_AUDIENCE = "salesforce.jwt.audience";
    public static final String REFRESH_TOKEN = "salesforce.refresh.token";
    public static final String REQUEST_TIMEOUT_MS = "salesforce.request.timeout.ms";
    public static final int REQUEST_TIMEOUT_MS_DEFAULT = 60_000;

    private final String loginUrl;
    private final String jwtAudience;
    private final String apiVersion;
    private final SalesforceAuthMethod authMethod;
    private final String clientId;
    private final Password clientSecret;
    private final String username;
    private final Password jwtPrivateKey;
    private final Password refreshToken;
    private final Duration requestTimeout;

    public SalesforceConnectionConfig(AbstractConfig config) {
        this.loginUrl = NylasConnectionConfig.stripTrailingSlash(config.getString(LOGIN_URL));
        String audience = config.getString(JWT_AUDIENCE);
        this.jwtAudience = audience == null || audience.isBlank() ? null
                : NylasConnectionConfig.stripTrailingSlash(audience.trim());
        this.apiVersion = config.getString(API_VERSION);
        this.authMethod = SalesforceAuthMethod.fromConfig(config.getString(AUTH_METHOD));
        this.clientId = config.getString(CLIENT_ID);
        this.clientSecret = config.getPassword(CLIENT_SECRET);
        this.username = config.getString(USERNAME);
        this.jwtPrivateKey = config.getPassword(JWT_PRIVATE_KEY);
        this.refreshToken = config.getPassword(REFRESH_TOKEN);
        this.requestTimeout = Duration.ofMillis(config.getInt(REQUEST_TIMEOUT_MS));
    }

    public static ConfigDef addTo(ConfigDef def) {
        return add(def, true);
    }

    /**
     * The same settings for a connector whose Salesforce connection is optional (the Nylas sink's send status):
     * {@link #CLIENT_ID} has no default and is not required here; the connector requires it when it uses the
     * connection.
     */
    public static ConfigDef addOptionalTo(ConfigDef def) {
        return add(def, false);
    }

    private static ConfigDef add(ConfigDef def, boolean required) {
        ConfigDefBuilder b = new ConfigDefBuilder(def).group(GROUP)
                .define(LOGIN_URL, Type.STRING, LOGIN_URL_DEFAULT, Validators.httpUrl(), Importance.HIGH, Width.LONG)
                .define(API_VERSION, Type.STRING, API_VERSION_DEFAULT, Validators.apiVersion(), Importance.LOW,
                        Width.SHORT)
                .define(AUTH_METHOD, Type.STRING, SalesforceAuthMethod.JWT_BEARER.configValue(),
                        SalesforceAuthMethod.SETTING, Importance.HIGH, Width.MEDIUM,
                        new AuthMethodRecommender());
        if (required) {
            b.defineRequired(CLIENT_ID, Type.STRING, new ConfigDef.NonEmptyString(), Importance.HIGH, Width.LONG);
        } else {
            b.define(CLIENT_ID, Type.STRING, null, new ConfigDef.NonEmptyString(), Importance.HIGH, Width.LONG);
        }
        b.define(CLIENT_SECRET, Type.PASSWORD, null, null, Importance.HIGH, Width.LONG,
                        new AuthMethodRecommender(SalesforceAuthMethod.CLIENT_CREDENTIALS, SalesforceAuthMethod.REFRESH_TOKEN))
                .define(USERNAME, Type.STRING, null, null, Importance.HIGH, Width.LONG,
                        new AuthMethodRecommender(SalesforceAuthMethod.JWT_BEARER))
                .define(JWT_PRIVATE_KEY, Type.PASSWORD, null, null, Importance.HIGH, Width.LONG,
                        new AuthMethodRecommender(SalesforceAuthMethod.JWT_BEARER))
                .define(JWT_AUDIENCE, Type.STRING, null, Validators.httpUrl(), Importance.LOW, Width.LONG,
                        new AuthMethodRecommender(SalesforceAuthMethod.JWT_BEARER))
                .define(REFRESH_TOKEN, Type.PASSWORD, null, null, Importance.HIGH, Width.LONG,
                        new AuthMethodRecommender(SalesforceAuthMethod.REFRESH_TOKEN))
                .define(REQUEST_TIMEOUT_MS, Type.INT, REQUEST_TIMEOUT_MS_DEFAULT, Range.between(1_000, 600_000),
                        Importance.LOW);
        return def;
    }

    public String loginUrl() { return loginUrl; }
    public String apiVersion() { return apiVersion; }
    public SalesforceAuthMethod authMethod() { return authMethod; }
    public String clientId() { return clientId; }
    public Password clientSecret() { return clientSecret; }
    public String username() { return username; }
    public Password jwtPrivateKey() { return jwtPrivateKey; }
    public Password refreshToken() { return refreshToken; }
    public String jwtAudience() { return jwtAudience; }
    public Duration requestTimeout() { return requestTimeout; }

    /** Shows a setting only for the auth methods that use it; the auth-method setting lists its values. */
    static final class AuthMethodRecommender implements ConfigDef.Recommender {
        private final List<SalesforceAuthMethod> methods;

        AuthMethodRecommender(SalesforceAuthMethod... methods) {
            this.methods = List.of(methods);
        }

        @Override
        public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
            return AUTH_METHOD.equals(name) ? SalesforceAuthMethod.configValues() : List.of();
        }

        @Override
        public boolean visible(String name, Map<String, Object> parsedConfig) {
            if (methods.isEmpty()) {
                return true;
            }
            Object current = parsedConfig.get(AUTH_METHOD);
            try {
                return current == null || methods.contains(SalesforceAuthMethod.fromConfig(current.toString()));
            } catch (IllegalArgumentException e) {
                return true;
            }
        }
    }
}

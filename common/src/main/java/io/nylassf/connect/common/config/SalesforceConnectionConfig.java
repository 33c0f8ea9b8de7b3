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
    private static final String LOGIN_URL_DOC = "OAuth login URL: https://login.salesforce.com for production, "
            + "https://test.salesforce.com for sandboxes, a My Domain URL, or an emulator's URL. The instance URL comes "
            + "back with the token.";
    public static final String LOGIN_URL_DEFAULT = "https://login.salesforce.com";

    public static final String API_VERSION = "salesforce.api.version";
    private static final String API_VERSION_DOC = "REST API version used in every path, e.g. v62.0 (v62.0 or later: "
            + "collection upserts and the duplicate-rule header need recent versions).";
    public static final String API_VERSION_DEFAULT = "v62.0";

    public static final String AUTH_METHOD = "salesforce.auth.method";
    private static final String AUTH_METHOD_DOC = "OAuth 2.0 flow: 'jwt_bearer' (a connected app's certificate; "
            + "recommended for servers), 'client_credentials' (runs as the app's integration user) or "
            + "'refresh_token'.";

    public static final String CLIENT_ID = "salesforce.client.id";
    private static final String CLIENT_ID_DOC = "The connected app's consumer key (the JWT issuer).";

    public static final String CLIENT_SECRET = "salesforce.client.secret";
    private static final String CLIENT_SECRET_DOC = "The connected app's consumer secret; required for "
            + "client_credentials, optional for refresh_token. A secret: use a config provider.";

    public static final String USERNAME = "salesforce.username";
    private static final String USERNAME_DOC = "The integration user's username (the JWT subject). Its changes are "
            + "the ones the Salesforce source treats as our own.";

    public static final String JWT_PRIVATE_KEY = "salesforce.jwt.private.key";
    private static final String JWT_PRIVATE_KEY_DOC = "PEM-encoded PKCS#8 RSA private key that signs the JWT "
            + "assertion; required for jwt_bearer. A secret: use a config provider such as ${file:...}.";

    public static final String JWT_AUDIENCE = "salesforce.jwt.audience";
    private static final String JWT_AUDIENCE_DOC = "The JWT 'aud' claim: the authorization server, which is not "
            + "the login URL when that is a My Domain. Unset (the default): https://test.salesforce.com when "
            + "salesforce.login.url is test.salesforce.com or a *.sandbox.my.salesforce.com My Domain, else "
            + "https://login.salesforce.com. Set it for an Experience Cloud site's URL.";

    public static final String REFRESH_TOKEN = "salesforce.refresh.token";
    private static final String REFRESH_TOKEN_DOC = "OAuth refresh token; required for refresh_token. A secret.";

    public static final String REQUEST_TIMEOUT_MS = "salesforce.request.timeout.ms";
    private static final String REQUEST_TIMEOUT_MS_DOC = "How long one HTTP call to Salesforce may take before it "
            + "is abandoned and treated as a transient failure.";
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
        new ConfigDefBuilder(def).group(GROUP)
                .define(LOGIN_URL, Type.STRING, LOGIN_URL_DEFAULT, Validators.httpUrl(), Importance.HIGH,
                        LOGIN_URL_DOC, Width.LONG, "Login URL")
                .define(API_VERSION, Type.STRING, API_VERSION_DEFAULT, Validators.apiVersion(), Importance.LOW,
                        API_VERSION_DOC, Width.SHORT, "API version")
                .define(AUTH_METHOD, Type.STRING, SalesforceAuthMethod.JWT_BEARER.configValue(),
                        SalesforceAuthMethod.SETTING, Importance.HIGH, SalesforceAuthMethod.SETTING.doc(AUTH_METHOD_DOC),
                        Width.MEDIUM, "Auth method", new AuthMethodRecommender())
                .defineRequired(CLIENT_ID, Type.STRING, new ConfigDef.NonEmptyString(), Importance.HIGH,
                        CLIENT_ID_DOC, Width.LONG, "Consumer key")
                .define(CLIENT_SECRET, Type.PASSWORD, null, null, Importance.HIGH, CLIENT_SECRET_DOC, Width.LONG,
                        "Consumer secret", new AuthMethodRecommender(SalesforceAuthMethod.CLIENT_CREDENTIALS,
                                SalesforceAuthMethod.REFRESH_TOKEN))
                .define(USERNAME, Type.STRING, null, null, Importance.HIGH, USERNAME_DOC, Width.LONG,
                        "Integration username", new AuthMethodRecommender(SalesforceAuthMethod.JWT_BEARER))
                .define(JWT_PRIVATE_KEY, Type.PASSWORD, null, null, Importance.HIGH, JWT_PRIVATE_KEY_DOC,
                        Width.LONG, "JWT private key (PEM)", new AuthMethodRecommender(SalesforceAuthMethod.JWT_BEARER))
                .define(JWT_AUDIENCE, Type.STRING, null, Validators.httpUrl(), Importance.LOW, JWT_AUDIENCE_DOC,
                        Width.LONG, "JWT audience", new AuthMethodRecommender(SalesforceAuthMethod.JWT_BEARER))
                .define(REFRESH_TOKEN, Type.PASSWORD, null, null, Importance.HIGH, REFRESH_TOKEN_DOC, Width.LONG,
                        "Refresh token", new AuthMethodRecommender(SalesforceAuthMethod.REFRESH_TOKEN))
                .define(REQUEST_TIMEOUT_MS, Type.INT, REQUEST_TIMEOUT_MS_DEFAULT, Range.between(1_000, 600_000),
                        Importance.LOW, REQUEST_TIMEOUT_MS_DOC, Width.SHORT, "Salesforce request timeout (ms)");
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

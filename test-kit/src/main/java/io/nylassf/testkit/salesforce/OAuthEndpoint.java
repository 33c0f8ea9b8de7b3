package io.nylassf.testkit.salesforce;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.nylassf.testkit.http.EmulatorRequest;
import io.nylassf.testkit.http.EmulatorResponse;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code POST /services/oauth2/token}: the JWT bearer, client-credentials and refresh-token grants (the
 * username-password flow is deliberately absent, as Salesforce is retiring it). Errors use the OAuth shape
 * {@code {"error","error_description"}}, not the REST error array.
 */
final class OAuthEndpoint {
    static final String JWT_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    /** Salesforce accepts an assertion that expires at most 3 minutes ahead; allow a minute of clock skew. */
    private static final Duration MAX_EXP_AHEAD = Duration.ofMinutes(4);

    record JwtConsumer(String consumerKey, RSAPublicKey publicKey, Set<String> usernames) {}
    record ClientCredentials(String clientId, String secret, String username) {}
    record RefreshToken(String clientId, String token, String username) {}

    private final List<JwtConsumer> jwtConsumers;
    private final List<ClientCredentials> clientCredentials;
    private final List<RefreshToken> refreshTokens;
    private final TokenStore tokens;
    private final Function<String, String> userIdByUsername;
    private final Clock clock;
    private final String orgId;
    private final byte[] signingKey = "emulator-signing-key".getBytes(StandardCharsets.UTF_8);
    private volatile String baseUrl;
    private volatile String jwtAudience = "https://login.salesforce.com";

    OAuthEndpoint(List<JwtConsumer> jwtConsumers, List<ClientCredentials> clientCredentials, List<RefreshToken> refreshTokens,
                  TokenStore tokens, Function<String, String> userIdByUsername, Clock clock, String orgId) {
        this.jwtConsumers = List.copyOf(jwtConsumers);
        this.clientCredentials = List.copyOf(clientCredentials);
        this.refreshTokens = List.copyOf(refreshTokens);
        this.tokens = tokens;
        this.userIdByUsername = userIdByUsername;
        this.clock = clock;
        this.orgId = orgId;
    }

    void baseUrl(String url) {
        this.baseUrl = url;
    }

    EmulatorResponse token(EmulatorRequest request) {
        Map<String, String> form = parseForm(request.bodyAsString());
        if (request.queryParam("grant_type") != null) { // Salesforce also reads parameters from the query string
            request.query().forEach((k, v) -> form.putIfAbsent(k, v.get(0)));
        }
        String grant = form.get("grant_type");
        if (grant == null) {
            return error("unsupported_grant_type", "grant type not supported");
        }
        try {
            return switch (grant) {
                case JWT_GRANT -> jwtBearer(form.get("assertion"));
                case "client_credentials" -> clientCredentials(request, form);
                case "refresh_token" -> refresh(form);
                default -> error("unsupported_grant_type", "grant type not supported");
            };
        } catch (OAuthError e) {
            return error(e.code, e.getMessage());
        }
    }

    private EmulatorResponse jwtBearer(String assertion) {
        if (assertion == null || assertion.isBlank()) {
            throw new OAuthError("invalid_grant", "invalid assertion");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(assertion);
            claims = jwt.getJWTClaimsSet();
        } catch (Exception e) {
            throw new OAuthError("invalid_grant", "invalid assertion");
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new OAuthError("invalid_grant", "invalid assertion");
        }
        JwtConsumer consumer = jwtConsumers.stream().filter(c -> c.consumerKey().equals(claims.getIssuer())).findFirst()
                .orElseThrow(() -> new OAuthError("invalid_client_id", "client identifier invalid"));
        try {
            if (!jwt.verify(new RSASSAVerifier(consumer.publicKey()))) {
                throw new OAuthError("invalid_grant", "invalid assertion");
            }
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new OAuthError("invalid_grant", "invalid assertion");
        }
        List<String> aud = claims.getAudience();
        if (aud == null || aud.stream().noneMatch(this::acceptedAudience)) {
            throw new OAuthError("invalid_grant", "audience is invalid");
        }
        Date exp = claims.getExpirationTime();
        Instant now = clock.instant();
        if (exp == null || !exp.toInstant().isAfter(now)) {
            throw new OAuthError("invalid_grant", "expired authorization code");
        }
        if (exp.toInstant().isAfter(now.plus(MAX_EXP_AHEAD))) {
            throw new OAuthError("invalid_grant", "invalid assertion: exp is too far in the future");
        }
        String username = claims.getSubject();
        if (username == null || !consumer.usernames().contains(username)) {
            throw new OAuthError("invalid_grant", "user hasn't approved this consumer");
        }
        return success(username);
    }

    /** Like Salesforce: {@code aud} must name this org's authorization server, never the URL that was called. */
    private boolean acceptedAudience(String aud) {
        String a = aud.endsWith("/") ? aud.substring(0, aud.length() - 1) : aud;
        return a.equals(jwtAudience);
    }

    /** The authorization server this org answers for: login.salesforce.com (production) unless set otherwise. */
    void jwtAudience(String audience) {
        this.jwtAudience = audience;
    }

    private EmulatorResponse clientCredentials(EmulatorRequest request, Map<String, String> form) {
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        String auth = request.header("Authorization");
        if (id == null && auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            id = colon < 0 ? decoded : decoded.substring(0, colon);
            secret = colon < 0 ? null : decoded.substring(colon + 1);
        }
        for (ClientCredentials c : clientCredentials) {
            if (c.clientId().equals(id)) {
                if (!c.secret().equals(secret)) {
                    throw new OAuthError("invalid_client", "invalid client credentials");
                }
                return success(c.username());
            }
        }
        throw new OAuthError("invalid_client_id", "client identifier invalid");
    }

    private EmulatorResponse refresh(Map<String, String> form) {
        for (RefreshToken r : refreshTokens) {
            if (r.clientId().equals(form.get("client_id"))) {
                if (!r.token().equals(form.get("refresh_token"))) {
                    throw new OAuthError("invalid_grant", "expired access/refresh token");
                }
                return success(r.username());
            }
        }
        throw new OAuthError("invalid_client_id", "client identifier invalid");
    }

    private EmulatorResponse success(String username) {
        String userId = userIdByUsername.apply(username);
        if (userId == null) {
            throw new OAuthError("invalid_grant", "user hasn't approved this consumer");
        }
        TokenStore.Session s = tokens.issue(userId);
        String issuedAt = String.valueOf(clock.millis());
        String id = baseUrl + "/id/" + orgId + "/" + userId;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", s.token());
        body.put("scope", "api");
        body.put("instance_url", baseUrl);
        body.put("id", id);
        body.put("token_type", "Bearer");
        body.put("issued_at", issuedAt);
        body.put("signature", sign(id + issuedAt));
        return Json.ok(200, body).header("Cache-Control", "no-cache,must-revalidate,max-age=0,no-store,private");
    }

    private String sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static EmulatorResponse error(String code, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        return Json.ok(400, body);
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static final class OAuthError extends RuntimeException {
        final String code;

        OAuthError(String code, String description) {
            super(description, null, false, false);
            this.code = code;
        }
    }
}

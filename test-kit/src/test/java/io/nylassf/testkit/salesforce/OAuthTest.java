package io.nylassf.testkit.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OAuthTest {
    /** A clock the test can move, to expire tokens without sleeping. */
    static final class MutableClock extends Clock {
        volatile Instant now = Instant.now();
        @Override public ZoneId getZone() { return ZoneId.of("UTC"); }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    static KeyPair keys;
    static KeyPair otherKeys;
    static MutableClock clock = new MutableClock();
    static SalesforceEmulator sf;

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        keys = g.generateKeyPair();
        otherKeys = g.generateKeyPair();
        sf = SalesforceEmulator.builder().clock(clock).tokenLifetime(Duration.ofMinutes(30))
                .jwtConsumer("consumer-key", (RSAPublicKey) keys.getPublic(), "sync@acme.example")
                .clientCredentials("cc-id", "cc-secret", null)
                .refreshToken("rt-client", "rt-token")
                .build().start();
    }

    @AfterAll
    static void stop() {
        sf.close();
    }

    private static String jwt(KeyPair signer, String iss, String sub, String aud, Instant exp) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(iss).subject(sub).audience(aud)
                .expirationTime(Date.from(exp)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(signer.getPrivate()));
        return jwt.serialize();
    }

    private static HttpResponse<String> token(String form) throws Exception {
        return SfHttp.CLIENT.send(HttpRequest.newBuilder(URI.create(sf.baseUrl() + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> jwtGrant(String assertion) throws Exception {
        return token("grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&assertion=" + assertion);
    }

    @Test
    void jwtBearerIssuesAWorkingToken() throws Exception {
        HttpResponse<String> r = jwtGrant(jwt(keys, "consumer-key", "sync@acme.example", "https://login.salesforce.com",
                clock.instant().plusSeconds(180)));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode t = SfHttp.json(r);
        for (String f : new String[] {"access_token", "instance_url", "id", "token_type", "issued_at", "signature", "scope"}) {
            assertNotNull(t.get(f), f);
        }
        assertEquals("Bearer", t.get("token_type").asText());
        assertEquals(sf.baseUrl(), t.get("instance_url").asText());
        SfHttp http = new SfHttp(t.get("instance_url").asText(), t.get("access_token").asText());
        HttpResponse<String> q = http.get("/query?q=SELECT+Id+FROM+Contact");
        assertEquals(200, q.statusCode(), q.body());
        // aud names the authorization server, never the login URL that was called (a My Domain or this emulator)
        HttpResponse<String> loginUrlAud = jwtGrant(jwt(keys, "consumer-key", "sync@acme.example", sf.baseUrl(),
                clock.instant().plusSeconds(120)));
        assertEquals(400, loginUrlAud.statusCode());
        assertEquals("invalid_grant", SfHttp.json(loginUrlAud).get("error").asText());
        // a production org does not take the sandbox server as audience
        assertEquals("invalid_grant", SfHttp.json(jwtGrant(jwt(keys, "consumer-key", "sync@acme.example",
                "https://test.salesforce.com", clock.instant().plusSeconds(120)))).get("error").asText());
    }

    @Test
    void jwtRejections() throws Exception {
        Instant exp = clock.instant().plusSeconds(180);
        HttpResponse<String> badSig = jwtGrant(jwt(otherKeys, "consumer-key", "sync@acme.example", "https://login.salesforce.com", exp));
        assertEquals(400, badSig.statusCode());
        assertEquals("invalid_grant", SfHttp.json(badSig).get("error").asText());
        assertNotNull(SfHttp.json(badSig).get("error_description"));
        assertEquals("invalid_grant", SfHttp.json(jwtGrant(jwt(keys, "consumer-key", "sync@acme.example", "https://evil.example", exp))).get("error").asText());
        assertEquals("invalid_grant", SfHttp.json(jwtGrant(jwt(keys, "consumer-key", "sync@acme.example", "https://login.salesforce.com",
                clock.instant().minusSeconds(5)))).get("error").asText());
        assertEquals("invalid_grant", SfHttp.json(jwtGrant(jwt(keys, "consumer-key", "sync@acme.example", "https://login.salesforce.com",
                clock.instant().plusSeconds(3600)))).get("error").asText());
        assertEquals("invalid_grant", SfHttp.json(jwtGrant(jwt(keys, "consumer-key", "stranger@acme.example", "https://login.salesforce.com", exp))).get("error").asText());
        assertEquals(400, jwtGrant(jwt(keys, "other-key", "sync@acme.example", "https://login.salesforce.com", exp)).statusCode());
        assertEquals("invalid_grant", SfHttp.json(jwtGrant("garbage")).get("error").asText());
    }

    @Test
    void clientCredentialsAndRefreshToken() throws Exception {
        HttpResponse<String> ok = token("grant_type=client_credentials&client_id=cc-id&client_secret=cc-secret");
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(SfHttp.json(ok).get("id").asText().endsWith(sf.org().integrationUserId()));
        HttpResponse<String> bad = token("grant_type=client_credentials&client_id=cc-id&client_secret=wrong");
        assertEquals(400, bad.statusCode());
        assertEquals("invalid_client", SfHttp.json(bad).get("error").asText());

        assertEquals(200, token("grant_type=refresh_token&client_id=rt-client&refresh_token=rt-token").statusCode());
        assertEquals("invalid_grant", SfHttp.json(token("grant_type=refresh_token&client_id=rt-client&refresh_token=nope")).get("error").asText());
        assertEquals("unsupported_grant_type", SfHttp.json(token("grant_type=password&username=a&password=b")).get("error").asText());
    }

    @Test
    void tokensExpireAfterTheirLifetimeAndOnDemand() throws Exception {
        String access = SfHttp.json(token("grant_type=client_credentials&client_id=cc-id&client_secret=cc-secret")).get("access_token").asText();
        SfHttp http = new SfHttp(sf.baseUrl(), access);
        assertEquals(200, http.get("/limits").statusCode());
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        HttpResponse<String> expired = http.get("/limits");
        assertEquals(401, expired.statusCode());
        assertEquals("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\",\"fields\":[]}]", expired.body());

        String fresh = SfHttp.json(token("grant_type=client_credentials&client_id=cc-id&client_secret=cc-secret")).get("access_token").asText();
        SfHttp http2 = new SfHttp(sf.baseUrl(), fresh);
        assertEquals(200, http2.get("/limits").statusCode());
        sf.expireAllTokens();
        assertEquals("INVALID_SESSION_ID", SfHttp.errorCode(http2.get("/limits")));
        assertEquals(401, new SfHttp(sf.baseUrl(), null).get("/limits").statusCode());
        assertEquals(401, new SfHttp(sf.baseUrl(), "made-up").get("/limits").statusCode());
    }
}

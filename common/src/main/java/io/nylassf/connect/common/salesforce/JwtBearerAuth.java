package io.nylassf.connect.common.salesforce;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.nylassf.connect.common.http.ApiException;
import io.nylassf.connect.common.http.ApiException.Kind;
import okhttp3.OkHttpClient;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * OAuth 2.0 JWT bearer: an RS256 assertion ({@code iss} consumer key, {@code sub} username, {@code aud} the
 * authorization server (login or test.salesforce.com, never a My Domain URL), {@code exp} under 3 minutes ahead) signed with the connected app's private key. No refresh token: a new
 * assertion is signed whenever a token is needed.
 */
final class JwtBearerAuth extends OAuthTokenAuth {
    static final Duration LIFETIME = Duration.ofSeconds(150);

    private final PrivateKey key;

    JwtBearerAuth(SalesforceSettings settings, OkHttpClient http) {
        super(settings, http);
        this.key = parsePkcs8(settings.jwtPrivateKeyPem());
    }

    @Override
    protected Map<String, String> grant() {
        return form("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer",
                "assertion", assertion(Instant.now()));
    }

    String assertion(Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(settings.clientId())
                .subject(settings.username())
                .audience(settings.jwtAudience())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new ApiException(Kind.AUTHENTICATION, 0, "invalid_private_key",
                    "Could not sign the JWT assertion with the configured private key", null, e);
        }
        return jwt.serialize();
    }

    /**
     * A PEM (or bare base64) PKCS#8 RSA key. Tolerates literal {@code \n} sequences, as keys pasted into JSON
     * configs often carry them. The message never includes the key.
     */
    static PrivateKey parsePkcs8(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new ApiException(Kind.AUTHENTICATION, 0, "invalid_private_key", "No JWT private key configured");
        }
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new ApiException(Kind.AUTHENTICATION, 0, "invalid_private_key", "The JWT private key is PKCS#1 "
                    + "('BEGIN RSA PRIVATE KEY'); convert it to PKCS#8 with: openssl pkcs8 -topk8 -nocrypt");
        }
        String base64 = pem.replace("\\n", "\n")
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (Exception e) {
            throw new ApiException(Kind.AUTHENTICATION, 0, "invalid_private_key",
                    "The JWT private key is not a PEM-encoded PKCS#8 RSA key (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public String method() {
        return "jwt_bearer";
    }
}

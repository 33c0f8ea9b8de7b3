package io.nylassf.connect.source.nylas.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Checks {@code X-Nylas-Signature}: the lowercase hex HMAC-SHA256 of the raw request body keyed with the webhook
 * secret. The comparison is constant-time ({@link MessageDigest#isEqual}) over the decoded bytes; a header that is
 * not 64 hex digits is simply wrong. The secret is never logged or exposed.
 */
public final class WebhookVerifier {
    private final SecretKeySpec key;

    /** @param secret the webhook secret, or null: then nothing verifies */
    public WebhookVerifier(String secret) {
        this.key = secret == null || secret.isEmpty() ? null
                : new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public boolean configured() {
        return key != null;
    }

    public boolean verify(byte[] body, String signatureHeader) {
        if (key == null || signatureHeader == null) {
            return false;
        }
        String hex = signatureHeader.trim();
        if (hex.length() != 64) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(body), given);
    }

    byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}

package io.nylassf.connect.source.nylas;

import io.nylassf.connect.source.nylas.webhook.WebhookVerifier;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** X-Nylas-Signature checks against vectors computed outside this code base. */
class WebhookVerifierTest {
    /** RFC 4231, test case 2. */
    private static final String RFC4231_KEY = "Jefe";
    private static final String RFC4231_DATA = "what do ya want for nothing?";
    private static final String RFC4231_MAC = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    /** Computed with {@code printf '%s' "$BODY" | openssl dgst -sha256 -hmac whsec_test_0123456789}. */
    private static final String BODY = "{\"specversion\":\"1.0\",\"type\":\"message.created\",\"id\":\"n-1\","
            + "\"data\":{\"object\":{\"id\":\"m-1\",\"grant_id\":\"g-1\"}}}";
    private static final String BODY_MAC = "8a65c10f1e27008c20f325bafa1e64f8c5905839da9a4d24549b30638953eb09";

    @Test
    void acceptsIndependentlyComputedSignatures() {
        assertTrue(new WebhookVerifier(RFC4231_KEY).verify(bytes(RFC4231_DATA), RFC4231_MAC));
        WebhookVerifier v = new WebhookVerifier("whsec_test_0123456789");
        assertTrue(v.verify(bytes(BODY), BODY_MAC));
        assertTrue(v.verify(bytes(BODY), BODY_MAC.toUpperCase()), "hex case does not matter");
        assertTrue(v.verify(bytes(BODY), " " + BODY_MAC + " "), "surrounding whitespace is ignored");
    }

    @Test
    void rejectsEverythingElse() {
        WebhookVerifier v = new WebhookVerifier("whsec_test_0123456789");
        assertFalse(v.verify(bytes(BODY + " "), BODY_MAC), "the raw body is signed: one more byte breaks it");
        assertFalse(v.verify(bytes(BODY), BODY_MAC.substring(0, 63) + "0"));
        assertFalse(v.verify(bytes(BODY), BODY_MAC.substring(0, 62)));
        assertFalse(v.verify(bytes(BODY), "zz" + BODY_MAC.substring(2)));
        assertFalse(v.verify(bytes(BODY), null));
        assertFalse(v.verify(bytes(BODY), ""));
        assertFalse(new WebhookVerifier("another-secret").verify(bytes(BODY), BODY_MAC));
        assertFalse(new WebhookVerifier(null).verify(bytes(BODY), BODY_MAC), "no secret: nothing verifies");
        assertFalse(new WebhookVerifier(null).configured());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

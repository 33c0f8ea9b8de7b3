package io.nylassf.testkit.nylas;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque page tokens. A token holds the sort key of the last object on the page it ended, and the next page
 * starts strictly after that key: inserts or deletes between pages never repeat or skip the objects already
 * ordered before or after the boundary (new objects that sort before it are simply not on later pages).
 */
final class Cursor {
    private static final String PREFIX = "c1:";

    private Cursor() {
    }

    static String encode(SortKey last) {
        String raw = PREFIX + last.sort() + ":" + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The key to continue after, or null for no token; throws 400 for a token this emulator did not issue. */
    static SortKey decode(String token, String requestId) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw new IllegalArgumentException(raw);
            }
            int colon = raw.indexOf(':', PREFIX.length());
            return new SortKey(Long.parseLong(raw.substring(PREFIX.length(), colon)), raw.substring(colon + 1));
        } catch (RuntimeException e) {
            throw NylasErrors.badRequest(requestId, "Invalid page_token.");
        }
    }
}

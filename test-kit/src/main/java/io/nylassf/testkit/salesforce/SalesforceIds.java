package io.nylassf.testkit.salesforce;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Salesforce record ids: 3-char key prefix + 12 chars, 15 chars case-sensitive; the 18-char form appends a
 * 3-char checksum that encodes the case of the first 15 so the id survives case-insensitive systems.
 */
public final class SalesforceIds {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    /** Pod-like middle part ("Hs" + reserved "0"), as ids minted on one instance share it. */
    private static final String POD = "Hs0";

    // start well above zero so ids contain mixed case like real ones
    private final AtomicLong counter;

    public SalesforceIds(long start) {
        this.counter = new AtomicLong(start);
    }

    public SalesforceIds() {
        this(62L * 62 * 62 * 62 * 7 + 1234);
    }

    /** A fresh 18-char id with the given 3-char key prefix. */
    public String next(String keyPrefix) {
        long n = counter.getAndIncrement();
        char[] digits = new char[9];
        for (int i = 8; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (n % 62));
            n /= 62;
        }
        return to18(keyPrefix + POD + new String(digits));
    }

    /** Appends the case-safe checksum to a 15-char id. */
    public static String to18(String id15) {
        if (id15.length() != 15) {
            throw new IllegalArgumentException("not a 15-char id: " + id15);
        }
        return id15 + checksum(id15);
    }

    static String checksum(String id15) {
        StringBuilder sb = new StringBuilder(3);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id15.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            sb.append(SUFFIX.charAt(bits));
        }
        return sb.toString();
    }

    /**
     * The canonical 18-char form of a 15- or 18-char id, or null if malformed. An 18-char id is case-insensitive:
     * the case of its first 15 chars is restored from the suffix, as Salesforce does.
     */
    public static String normalize(String id) {
        if (id == null || (id.length() != 15 && id.length() != 18)) {
            return null;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return null;
            }
        }
        if (id.length() == 15) {
            return to18(id);
        }
        String suffix = id.substring(15).toUpperCase();
        char[] body = id.substring(0, 15).toCharArray();
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = SUFFIX.indexOf(suffix.charAt(chunk));
            if (bits < 0) {
                return null;
            }
            for (int i = 0; i < 5; i++) {
                int p = chunk * 5 + i;
                body[p] = (bits & (1 << i)) != 0 ? Character.toUpperCase(body[p]) : Character.toLowerCase(body[p]);
            }
        }
        String id15 = new String(body);
        return checksum(id15).equals(suffix) ? id15 + suffix : null;
    }

    public static String prefix(String id) {
        return id.substring(0, 3);
    }
}

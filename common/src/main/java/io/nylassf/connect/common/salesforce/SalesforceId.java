package io.nylassf.connect.common.salesforce;

import java.util.regex.Pattern;

/**
 * Salesforce record IDs: 15 case-sensitive alphanumerics, or the 18-character form whose last three characters
 * are a case-safe checksum of the first fifteen. Comparisons go through {@link #canonical(String)}, so a 15-char
 * and an 18-char spelling of one record are equal.
 */
public final class SalesforceId {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9]{15}|[A-Za-z0-9]{18}");
    private static final String SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private SalesforceId() {
    }

    /** 15 or 18 alphanumerics (what may become a URL path segment); says nothing of the checksum. */
    public static boolean hasShape(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }

    /** 15 or 18 alphanumerics; an 18-char ID must carry the right checksum (case-insensitive). */
    public static boolean isValid(String id) {
        if (!hasShape(id)) {
            return false;
        }
        return id.length() == 15 || suffix(id).equalsIgnoreCase(id.substring(15));
    }

    /** The 18-character form, or null when {@code id} is not a valid ID. */
    public static String canonical(String id) {
        if (id == null) {
            return null;
        }
        String t = id.trim();
        return isValid(t) ? t.substring(0, 15) + suffix(t) : null;
    }

    private static String suffix(String id) {
        StringBuilder s = new StringBuilder(3);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            s.append(SUFFIX.charAt(bits));
        }
        return s.toString();
    }
}

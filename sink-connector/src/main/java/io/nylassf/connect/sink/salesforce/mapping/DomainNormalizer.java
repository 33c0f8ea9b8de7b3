package io.nylassf.connect.sink.salesforce.mapping;

import java.util.Locale;

/** Company domains in one form: lower case, no scheme, no {@code www.}, no port, path or trailing dot. */
public final class DomainNormalizer {
    private DomainNormalizer() {
    }

    /** A domain from a URL, a bare domain or an email address; null when there is none. */
    public static String normalize(String value) {
        if (value == null) {
            return null;
        }
        String s = value.trim().toLowerCase(Locale.ROOT);
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            s = s.substring(at + 1);
        }
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        for (char c : new char[] {'/', '?', '#', ':'}) {
            int i = s.indexOf(c);
            if (i >= 0) {
                s = s.substring(0, i);
            }
        }
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.startsWith("www.")) {
            s = s.substring(4);
        }
        return s.isEmpty() || !s.contains(".") ? null : s;
    }

    public static String ofEmail(String email) {
        return email == null || !email.contains("@") ? null : normalize(email);
    }

    /** The part before '@', or null. */
    public static String localPart(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at <= 0 ? null : email.substring(0, at);
    }
}

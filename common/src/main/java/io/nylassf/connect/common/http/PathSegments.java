package io.nylassf.connect.common.http;

import java.util.regex.Pattern;

/**
 * What may become a URL path segment. Ids come from records that people edit, so a value like {@code ..} would
 * otherwise walk the request to another resource (HTTP clients resolve dot segments). Each client checks every
 * segment it builds from data with these rules, URL-encodes it, and refuses the call (a non-retriable bad-request
 * failure, which the sinks report per record) before anything is sent.
 */
public final class PathSegments {
    /** Nylas ids (grant UUIDs, provider event and message ids): a conservative set, no '/', '%', '?', '#'. */
    private static final Pattern NYLAS_ID = Pattern.compile("[A-Za-z0-9._~=+@:-]{1,512}");
    private static final Pattern DOTS = Pattern.compile("\\.+");
    /** Salesforce API names of objects and fields. */
    private static final Pattern API_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}");

    private PathSegments() {
    }

    public static boolean isNylasId(String s) {
        return s != null && NYLAS_ID.matcher(s).matches() && !DOTS.matcher(s).matches();
    }

    public static boolean isApiName(String s) {
        return s != null && API_NAME.matcher(s).matches();
    }

    /** A short, printable rendering of a rejected value for an error message (never the raw bytes). */
    public static String describe(String s) {
        if (s == null) {
            return "null";
        }
        String t = s.replaceAll("[^A-Za-z0-9._~=+@:/\\\\-]", "?");
        return "'" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "'";
    }
}

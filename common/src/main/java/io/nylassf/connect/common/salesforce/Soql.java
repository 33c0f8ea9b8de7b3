package io.nylassf.connect.common.salesforce;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** SOQL text helpers: literal escaping and IN-lists split so every WHERE clause stays within Salesforce's limits. */
public final class Soql {
    /**
     * A conservative WHERE budget. Salesforce's actual rules are: each string within a WHERE clause at most 4,000
     * characters, a statement at most 100,000 characters, and (for {@code GET /query?q=}) a request URI at most
     * 16,384 bytes; {@link #inClausesForUrl} packs to those.
     */
    public static final int MAX_WHERE_CHARS = 4_000;

    /** Salesforce's per-string limit inside a WHERE clause. */
    public static final int MAX_STRING_CHARS = 4_000;

    /**
     * Budget for a URL-encoded SOQL statement in {@code /services/data/vNN.N/query?q=...}: the 16,384-byte URI
     * limit less the path and a margin.
     */
    public static final int MAX_ENCODED_QUERY_BYTES = 16_000;

    private Soql() {
    }

    /** A quoted string literal: {@code '}, {@code \}, and control characters escaped with a backslash. */
    public static String quote(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\'' -> sb.append("\\'");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '"' -> sb.append("\\\"");
                default -> sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }

    /** Escapes a value for use inside a LIKE pattern ({@code %} and {@code _} become literal) and quotes it. */
    public static String likeContains(String value) {
        String escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace("'", "\\'");
        return "'%" + escaped + "%'";
    }

    /**
     * {@code field IN ('a','b',...)} clauses, each at most {@code maxChars} long, covering every value once.
     * Empty when there are no values.
     */
    public static List<String> inClauses(String field, Collection<String> values, int maxChars) {
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        String prefix = field + " IN (";
        for (String v : values) {
            String lit = quote(v);
            if (current != null && current.length() + lit.length() + 2 > maxChars) {
                out.add(current.append(')').toString());
                current = null;
            }
            if (current == null) {
                current = new StringBuilder(prefix).append(lit);
            } else {
                current.append(',').append(lit);
            }
        }
        if (current != null) {
            out.add(current.append(')').toString());
        }
        return out;
    }

    /** How many bytes {@code s} takes URL-encoded as a query parameter value (spaces as {@code %20}). */
    public static int encodedLength(String s) {
        return SalesforceRequests.encode(s).length();
    }

    /**
     * {@code field IN ('a','b',...)} clauses as large as the rules allow: each clause, URL-encoded, at most
     * {@code maxEncodedBytes} (what is left of {@link #MAX_ENCODED_QUERY_BYTES} after the rest of the statement).
     * Values longer than {@link #MAX_STRING_CHARS} are left out: no record can hold them.
     */
    public static List<String> inClausesForUrl(String field, Collection<String> values, int maxEncodedBytes) {
        List<String> out = new ArrayList<>();
        String prefix = field + " IN (";
        int prefixBytes = encodedLength(prefix);
        int comma = encodedLength(",");
        int close = encodedLength(")");
        StringBuilder current = null;
        int bytes = 0;
        for (String v : values) {
            if (v.length() > MAX_STRING_CHARS) {
                continue;
            }
            String lit = quote(v);
            int litBytes = encodedLength(lit);
            if (current != null && bytes + comma + litBytes + close > maxEncodedBytes) {
                out.add(current.append(')').toString());
                current = null;
            }
            if (current == null) {
                current = new StringBuilder(prefix).append(lit);
                bytes = prefixBytes + litBytes;
            } else {
                current.append(',').append(lit);
                bytes += comma + litBytes;
            }
        }
        if (current != null) {
            out.add(current.append(')').toString());
        }
        return out;
    }

    /** {@code a OR b OR ...} groups, each group URL-encoded at most {@code maxEncodedBytes}. */
    public static List<String> orGroupsForUrl(Collection<String> conditions, int maxEncodedBytes) {
        List<String> out = new ArrayList<>();
        int or = encodedLength(" OR ");
        StringBuilder current = null;
        int bytes = 0;
        for (String c : conditions) {
            int cBytes = encodedLength(c);
            if (current != null && bytes + or + cBytes > maxEncodedBytes) {
                out.add(current.toString());
                current = null;
            }
            if (current == null) {
                current = new StringBuilder(c);
                bytes = cBytes;
            } else {
                current.append(" OR ").append(c);
                bytes += or + cBytes;
            }
        }
        if (current != null) {
            out.add(current.toString());
        }
        return out;
    }
}

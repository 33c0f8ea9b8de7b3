package io.nylassf.connect.common.salesforce;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** SOQL text helpers: literal escaping and IN-lists split so every WHERE clause stays within Salesforce's limits. */
public final class Soql {
    /** Salesforce rejects WHERE clauses longer than 4,000 characters. */
    public static final int MAX_WHERE_CHARS = 4_000;

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

    /** {@code a OR b OR ...} groups of conditions, each group's text at most {@code maxChars} long. */
    public static List<String> orGroups(Collection<String> conditions, int maxChars) {
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        for (String c : conditions) {
            if (current != null && current.length() + c.length() + 4 > maxChars) {
                out.add(current.toString());
                current = null;
            }
            if (current == null) {
                current = new StringBuilder(c);
            } else {
                current.append(" OR ").append(c);
            }
        }
        if (current != null) {
            out.add(current.toString());
        }
        return out;
    }
}

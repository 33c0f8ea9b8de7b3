package io.nylassf.testkit.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits SOQL into tokens: identifiers (dotted paths allowed), quoted strings, numbers, date/datetime literals, operators. */
final class SoqlLexer {
    enum Kind { IDENT, STRING, NUMBER, DATE, DATETIME, OP, LPAREN, RPAREN, COMMA, EOF }

    record Token(Kind kind, String text, int pos) {
        boolean is(String keyword) {
            return kind == Kind.IDENT && text.equalsIgnoreCase(keyword);
        }

        @Override
        public String toString() {
            return kind == Kind.EOF ? "<EOF>" : text;
        }
    }

    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2}))?");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private SoqlLexer() {}

    static List<Token> tokenize(String soql) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = soql.length();
        while (i < n) {
            char c = soql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                i = string(soql, i, out);
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < n && Character.isDigit(soql.charAt(i + 1)))) {
                Matcher dt = DATE_TIME.matcher(soql).region(i, n);
                if (c != '-' && dt.lookingAt()) {
                    out.add(new Token(dt.group(1) == null ? Kind.DATE : Kind.DATETIME, dt.group(), i));
                    i = dt.end();
                } else {
                    Matcher num = NUMBER.matcher(soql).region(i, n);
                    num.lookingAt();
                    out.add(new Token(Kind.NUMBER, num.group(), i));
                    i = num.end();
                }
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(soql.charAt(i)) || soql.charAt(i) == '_' || soql.charAt(i) == '.')) {
                    i++;
                }
                out.add(new Token(Kind.IDENT, soql.substring(start, i), start));
            } else if (c == '(') {
                out.add(new Token(Kind.LPAREN, "(", i++));
            } else if (c == ')') {
                out.add(new Token(Kind.RPAREN, ")", i++));
            } else if (c == ',') {
                out.add(new Token(Kind.COMMA, ",", i++));
            } else if (c == '=' ) {
                out.add(new Token(Kind.OP, "=", i++));
            } else if (c == '!' && i + 1 < n && soql.charAt(i + 1) == '=') {
                out.add(new Token(Kind.OP, "!=", i));
                i += 2;
            } else if (c == '<' || c == '>') {
                if (i + 1 < n && soql.charAt(i + 1) == '=') {
                    out.add(new Token(Kind.OP, c + "=", i));
                    i += 2;
                } else if (c == '<' && i + 1 < n && soql.charAt(i + 1) == '>') {
                    out.add(new Token(Kind.OP, "!=", i));
                    i += 2;
                } else {
                    out.add(new Token(Kind.OP, String.valueOf(c), i++));
                }
            } else {
                throw SoqlParser.malformed("unexpected token: '" + c + "'", soql, i);
            }
        }
        out.add(new Token(Kind.EOF, "", n));
        return out;
    }

    /** A single-quoted literal; backslash escapes per the SOQL reference. {@code \%} and {@code \_} stay escaped for LIKE. */
    private static int string(String soql, int start, List<Token> out) {
        StringBuilder sb = new StringBuilder();
        int i = start + 1;
        while (i < soql.length()) {
            char c = soql.charAt(i);
            if (c == '\'') {
                out.add(new Token(Kind.STRING, sb.toString(), start));
                return i + 1;
            }
            if (c == '\\') {
                if (i + 1 >= soql.length()) {
                    break;
                }
                char e = soql.charAt(i + 1);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case '"', '\'', '\\' -> sb.append(e);
                    case '%', '_' -> sb.append('\\').append(e);
                    case 'u' -> {
                        if (i + 6 > soql.length()) {
                            throw SoqlParser.malformed("Invalid unicode escape", soql, i);
                        }
                        try {
                            sb.append((char) Integer.parseInt(soql.substring(i + 2, i + 6), 16));
                        } catch (NumberFormatException ex) {
                            throw SoqlParser.malformed("Invalid unicode escape", soql, i);
                        }
                        i += 4;
                    }
                    default -> throw SoqlParser.malformed("Invalid string literal '\\" + e + "'. Illegal character sequence '\\"
                            + e + "' in string literal.", soql, i);
                }
                i += 2;
            } else {
                sb.append(c);
                i++;
            }
        }
        throw SoqlParser.malformed("unterminated string literal", soql, start);
    }
}

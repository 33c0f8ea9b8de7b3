package io.nylassf.testkit.salesforce;

import io.nylassf.testkit.salesforce.SoqlLexer.Kind;
import io.nylassf.testkit.salesforce.SoqlLexer.Token;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A cursor over one query's tokens: look ahead, consume, and fail with MALFORMED_QUERY at the offending token. */
final class SoqlTokens {
    private static final Set<String> KEYWORDS = Set.of("select", "from", "where", "and", "or", "not", "in", "like",
            "order", "by", "limit", "offset", "asc", "desc", "nulls", "first", "last", "typeof", "when", "then",
            "else", "end");

    private final String soql;
    private final List<Token> tokens;
    private int pos;

    SoqlTokens(String soql) {
        this.soql = soql;
        this.tokens = SoqlLexer.tokenize(soql);
    }

    String soql() {
        return soql;
    }

    static boolean isKeyword(Token t) {
        return t.kind() == Kind.IDENT && KEYWORDS.contains(t.text().toLowerCase(Locale.ROOT));
    }

    Token peek() {
        return tokens.get(pos);
    }

    /** The token after the next one. */
    Token peekSecond() {
        return tokens.get(pos + 1);
    }

    Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.EOF) {
            pos++;
        }
        return t;
    }

    /** The next token, which must be a name (an identifier that is not a keyword). */
    Token name() {
        Token t = next();
        if (t.kind() != Kind.IDENT || isKeyword(t)) {
            throw unexpected(t);
        }
        return t;
    }

    /** A non-negative integer literal. */
    int integer() {
        Token t = next();
        if (t.kind() != Kind.NUMBER || t.text().contains(".") || t.text().startsWith("-")) {
            throw unexpected(t);
        }
        return Integer.parseInt(t.text());
    }

    boolean accept(Kind kind) {
        if (peek().kind() == kind) {
            pos++;
            return true;
        }
        return false;
    }

    boolean acceptKeyword(String kw) {
        if (peek().is(kw)) {
            pos++;
            return true;
        }
        return false;
    }

    void expect(Kind kind) {
        if (!accept(kind)) {
            throw unexpected(peek());
        }
    }

    void expectKeyword(String kw) {
        if (!acceptKeyword(kw)) {
            throw unexpected(peek());
        }
    }

    SalesforceException malformed(String message, Token at) {
        return SoqlParser.malformed(message, soql, at.pos());
    }

    SalesforceException unexpected(Token t) {
        return malformed("unexpected token: " + (t.kind() == Kind.EOF ? "<EOF>" : "'" + t.text() + "'"), t);
    }
}

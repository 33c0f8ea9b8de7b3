package io.nylassf.testkit.salesforce;

import io.nylassf.testkit.salesforce.SoqlFields.TypeOfTokens;
import io.nylassf.testkit.salesforce.SoqlLexer.Kind;
import io.nylassf.testkit.salesforce.SoqlLexer.Token;
import io.nylassf.testkit.salesforce.SoqlQuery.Condition;
import io.nylassf.testkit.salesforce.SoqlQuery.Order;
import io.nylassf.testkit.salesforce.SoqlQuery.Path;
import io.nylassf.testkit.salesforce.SoqlQuery.TypeOf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Recursive-descent parser for the SOQL subset the connectors use:
 * <pre>
 * query     := SELECT (COUNT '(' ')' | item (',' item)*) FROM ident [WHERE or] [ORDER BY order (',' order)*]
 *              [LIMIT n] [OFFSET n]
 * item      := path | TYPEOF ident (WHEN ident THEN ident (',' ident)*)+ [ELSE ident (',' ident)*] END
 * or        := and (OR and)*          and := not (AND not)*          not := NOT not | '(' or ')' | predicate
 * predicate := path (op literal | [NOT] IN '(' literal (',' literal)* ')' | LIKE string)
 * </pre>
 * Keywords and names are case-insensitive. Field names are checked against the schema while parsing
 * ({@link SoqlFields}), and literals are converted to the field's type, so errors surface as INVALID_FIELD /
 * MALFORMED_QUERY up front. Predicates become {@link SoqlConditions}.
 */
final class SoqlParser {
    private final SoqlTokens tokens;
    private final Function<String, SObjectSchema> schemas;
    private SoqlFields fields;

    private SoqlParser(String soql, Function<String, SObjectSchema> schemas) {
        this.tokens = new SoqlTokens(soql);
        this.schemas = schemas;
    }

    static SoqlQuery parse(String soql, Function<String, SObjectSchema> schemas) {
        if (soql == null || soql.isBlank()) {
            throw malformed("empty query", "", 0);
        }
        return new SoqlParser(soql, schemas).query();
    }

    static SalesforceException malformed(String message, String soql, int at) {
        return error("MALFORMED_QUERY", message, soql, at);
    }

    /** An error body quoting the query and pointing at the column, as Salesforce's query errors do. */
    static SalesforceException error(String code, String message, String soql, int at) {
        return SalesforceException.of(400, code, "\n" + soql + "\nERROR at Row:1:Column:" + (at + 1) + "\n" + message);
    }

    private SoqlQuery query() {
        tokens.expectKeyword("SELECT");
        // the select list names fields of an object we have not seen yet: remember its tokens, resolve after FROM
        boolean count = false;
        List<Token> selected = new ArrayList<>();
        List<TypeOfTokens> typeOfTokens = new ArrayList<>();
        if (tokens.peek().is("COUNT") && tokens.peekSecond().kind() == Kind.LPAREN) {
            tokens.next();
            tokens.next();
            tokens.expect(Kind.RPAREN);
            count = true;
        } else {
            do {
                if (tokens.peek().is("TYPEOF")) {
                    typeOfTokens.add(typeOfTokens());
                    continue;
                }
                Token t = tokens.name();
                if (tokens.peek().kind() == Kind.LPAREN) {
                    throw tokens.malformed("Aggregate functions and subqueries are not supported by the emulator: " + t.text(), t);
                }
                selected.add(t);
            } while (tokens.accept(Kind.COMMA));
        }
        tokens.expectKeyword("FROM");
        Token obj = tokens.next();
        if (obj.kind() != Kind.IDENT) {
            throw tokens.unexpected(obj);
        }
        SObjectSchema from = schemas.apply(obj.text());
        if (from == null) {
            throw error("INVALID_TYPE", "sObject type '" + obj.text() + "' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name.", tokens.soql(), obj.pos());
        }
        fields = new SoqlFields(tokens, from, schemas);
        List<Path> select = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Token t : selected) {
            Path p = fields.path(t);
            String key = (p.relationship() == null ? "" : p.relationship() + ".") + p.field();
            if (!seen.add(key.toLowerCase(Locale.ROOT))) {
                throw tokens.malformed("duplicate field selected: " + t.text(), t);
            }
            select.add(p);
        }
        List<TypeOf> typeOfs = new ArrayList<>();
        for (TypeOfTokens t : typeOfTokens) {
            TypeOf typeOf = fields.typeOf(t);
            String rel = typeOf.relationship().toLowerCase(Locale.ROOT);
            if (!seen.add("typeof:" + rel) || select.stream().anyMatch(p -> rel.equalsIgnoreCase(p.relationship()))) {
                throw tokens.malformed("TYPEOF field " + typeOf.relationship() + " cannot also be referenced in the "
                        + "field list", t.rel());
            }
            typeOfs.add(typeOf);
        }
        Condition where = tokens.acceptKeyword("WHERE") ? or() : null;
        List<Order> orderBy = tokens.acceptKeyword("ORDER") ? orderBy() : List.of();
        Integer limit = tokens.acceptKeyword("LIMIT") ? tokens.integer() : null;
        Integer offset = null;
        if (tokens.acceptKeyword("OFFSET")) {
            offset = tokens.integer();
            if (offset > 2000) {
                throw SalesforceException.of(400, "NUMBER_OUTSIDE_VALID_RANGE", "Maximum SOQL offset allowed is 2000");
            }
        }
        if (tokens.peek().kind() != Kind.EOF) {
            throw tokens.unexpected(tokens.peek());
        }
        return new SoqlQuery(from, count, List.copyOf(select), List.copyOf(typeOfs), where, orderBy, limit, offset);
    }

    /** After ORDER: {@code BY path [ASC|DESC] [NULLS FIRST|LAST] (, ...)*}. */
    private List<Order> orderBy() {
        tokens.expectKeyword("BY");
        List<Order> orderBy = new ArrayList<>();
        do {
            Path p = fields.path(tokens.name());
            boolean asc = true;
            if (tokens.acceptKeyword("DESC")) {
                asc = false;
            } else {
                tokens.acceptKeyword("ASC");
            }
            boolean nullsFirst = asc;
            if (tokens.acceptKeyword("NULLS")) {
                if (tokens.acceptKeyword("FIRST")) {
                    nullsFirst = true;
                } else {
                    tokens.expectKeyword("LAST");
                    nullsFirst = false;
                }
            }
            orderBy.add(new Order(p, asc, nullsFirst));
        } while (tokens.accept(Kind.COMMA));
        return List.copyOf(orderBy);
    }

    private Condition or() {
        Condition left = and();
        while (tokens.acceptKeyword("OR")) {
            left = SoqlConditions.or(left, and());
        }
        return left;
    }

    private Condition and() {
        Condition left = not();
        while (tokens.acceptKeyword("AND")) {
            left = SoqlConditions.and(left, not());
        }
        return left;
    }

    private Condition not() {
        if (tokens.acceptKeyword("NOT")) {
            return SoqlConditions.not(not());
        }
        if (tokens.accept(Kind.LPAREN)) {
            Condition c = or();
            tokens.expect(Kind.RPAREN);
            return c;
        }
        return predicate();
    }

    private Condition predicate() {
        Token fieldToken = tokens.name();
        Path p = fields.path(fieldToken);
        FieldType type = fields.type(p);
        if (tokens.peek().kind() == Kind.OP) {
            String op = tokens.next().text();
            Object literal = fields.literal(p, type, tokens.next());
            if (literal == null && !op.equals("=") && !op.equals("!=")) {
                throw tokens.malformed("null may only be used with = and !=", fieldToken);
            }
            return SoqlConditions.comparison(p, op, literal);
        }
        boolean negate = tokens.acceptKeyword("NOT");
        if (tokens.acceptKeyword("IN")) {
            tokens.expect(Kind.LPAREN);
            List<Object> values = new ArrayList<>();
            do {
                values.add(fields.literal(p, type, tokens.next()));
            } while (tokens.accept(Kind.COMMA));
            tokens.expect(Kind.RPAREN);
            Condition in = SoqlConditions.in(p, values);
            return negate ? SoqlConditions.not(in) : in;
        }
        if (negate) {
            throw tokens.unexpected(tokens.peek());
        }
        if (tokens.acceptKeyword("LIKE")) {
            Token t = tokens.next();
            if (t.kind() != Kind.STRING) {
                throw tokens.unexpected(t);
            }
            if (!type.isText() && type != FieldType.ID && type != FieldType.REFERENCE) {
                throw tokens.malformed("invalid operator on " + type.describeName() + " field: LIKE", t);
            }
            return SoqlConditions.like(p, t.text());
        }
        throw tokens.unexpected(tokens.peek());
    }

    private TypeOfTokens typeOfTokens() {
        tokens.expectKeyword("TYPEOF");
        Token rel = tokens.name();
        List<Token> types = new ArrayList<>();
        List<List<Token>> whenFields = new ArrayList<>();
        do {
            tokens.expectKeyword("WHEN");
            Token type = tokens.name();
            tokens.expectKeyword("THEN");
            types.add(type);
            whenFields.add(fieldList());
        } while (tokens.peek().is("WHEN"));
        List<Token> elseFields = tokens.acceptKeyword("ELSE") ? fieldList() : List.of();
        tokens.expectKeyword("END");
        return new TypeOfTokens(rel, types, whenFields, elseFields);
    }

    private List<Token> fieldList() {
        List<Token> out = new ArrayList<>();
        do {
            Token f = tokens.next();
            if (f.kind() != Kind.IDENT || SoqlTokens.isKeyword(f) || f.text().contains(".")) {
                throw tokens.unexpected(f);
            }
            out.add(f);
        } while (!tokens.peek().is("WHEN") && !tokens.peek().is("ELSE") && !tokens.peek().is("END")
                && tokens.accept(Kind.COMMA));
        return out;
    }
}

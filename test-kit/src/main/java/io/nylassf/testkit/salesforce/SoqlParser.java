package io.nylassf.testkit.salesforce;

import io.nylassf.testkit.salesforce.SoqlLexer.Kind;
import io.nylassf.testkit.salesforce.SoqlLexer.Token;
import io.nylassf.testkit.salesforce.SoqlQuery.Condition;
import io.nylassf.testkit.salesforce.SoqlQuery.Order;
import io.nylassf.testkit.salesforce.SoqlQuery.Path;
import io.nylassf.testkit.salesforce.SoqlQuery.TypeOf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser for the SOQL subset the connectors use:
 * <pre>
 * query     := SELECT (COUNT '(' ')' | item (',' item)*) FROM ident [WHERE or] [ORDER BY order (',' order)*]
 *              [LIMIT n] [OFFSET n]
 * item      := path | TYPEOF ident (WHEN ident THEN ident (',' ident)*)+ [ELSE ident (',' ident)*] END
 * or        := and (OR and)*          and := not (AND not)*          not := NOT not | '(' or ')' | predicate
 * predicate := path (op literal | [NOT] IN '(' literal (',' literal)* ')' | LIKE string)
 * </pre>
 * Keywords and names are case-insensitive. Field names are checked against the schema while parsing, and
 * literals are converted to the field's type, so errors surface as INVALID_FIELD / MALFORMED_QUERY up front.
 */
final class SoqlParser {
    private final String soql;
    private final List<Token> tokens;
    private final Function<String, SObjectSchema> schemas;
    private SObjectSchema from;
    private int pos;

    private SoqlParser(String soql, Function<String, SObjectSchema> schemas) {
        this.soql = soql;
        this.tokens = SoqlLexer.tokenize(soql);
        this.schemas = schemas;
    }

    static SoqlQuery parse(String soql, Function<String, SObjectSchema> schemas) {
        if (soql == null || soql.isBlank()) {
            throw malformed("empty query", "", 0);
        }
        return new SoqlParser(soql, schemas).query();
    }

    static SalesforceException malformed(String message, String soql, int at) {
        return SalesforceException.of(400, "MALFORMED_QUERY", "\n" + soql + "\nERROR at Row:1:Column:" + (at + 1) + "\n" + message);
    }

    private SoqlQuery query() {
        expectKeyword("SELECT");
        // the select list names fields of an object we have not seen yet: remember its tokens, resolve after FROM
        boolean count = false;
        List<Token> selected = new ArrayList<>();
        List<TypeOfTokens> typeOfTokens = new ArrayList<>();
        if (peek().is("COUNT") && tokens.get(pos + 1).kind() == Kind.LPAREN) {
            pos += 2;
            expect(Kind.RPAREN);
            count = true;
        } else {
            do {
                if (peek().is("TYPEOF")) {
                    typeOfTokens.add(typeOfTokens());
                    continue;
                }
                Token t = next();
                if (t.kind() != Kind.IDENT || isKeyword(t)) {
                    throw unexpected(t);
                }
                if (peek().kind() == Kind.LPAREN) {
                    throw malformed("Aggregate functions and subqueries are not supported by the emulator: " + t.text(), soql, t.pos());
                }
                selected.add(t);
            } while (accept(Kind.COMMA));
        }
        expectKeyword("FROM");
        Token obj = next();
        if (obj.kind() != Kind.IDENT) {
            throw unexpected(obj);
        }
        from = schemas.apply(obj.text());
        if (from == null) {
            throw SalesforceException.of(400, "INVALID_TYPE", "\n" + soql + "\nERROR at Row:1:Column:" + (obj.pos() + 1)
                    + "\nsObject type '" + obj.text() + "' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name.");
        }
        List<Path> select = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Token t : selected) {
            Path p = path(t);
            String key = (p.relationship() == null ? "" : p.relationship() + ".") + p.field();
            if (!seen.add(key.toLowerCase(Locale.ROOT))) {
                throw malformed("duplicate field selected: " + t.text(), soql, t.pos());
            }
            select.add(p);
        }
        List<TypeOf> typeOfs = new ArrayList<>();
        for (TypeOfTokens t : typeOfTokens) {
            TypeOf typeOf = typeOf(t);
            String rel = typeOf.relationship().toLowerCase(Locale.ROOT);
            if (!seen.add("typeof:" + rel) || select.stream().anyMatch(p -> rel.equalsIgnoreCase(p.relationship()))) {
                throw malformed("TYPEOF field " + typeOf.relationship() + " cannot also be referenced in the "
                        + "field list", soql, t.rel().pos());
            }
            typeOfs.add(typeOf);
        }
        Condition where = null;
        if (acceptKeyword("WHERE")) {
            where = or();
        }
        List<Order> orderBy = new ArrayList<>();
        if (acceptKeyword("ORDER")) {
            expectKeyword("BY");
            do {
                Path p = path(next());
                boolean asc = true;
                if (acceptKeyword("DESC")) {
                    asc = false;
                } else {
                    acceptKeyword("ASC");
                }
                boolean nullsFirst = asc;
                if (acceptKeyword("NULLS")) {
                    if (acceptKeyword("FIRST")) {
                        nullsFirst = true;
                    } else {
                        expectKeyword("LAST");
                        nullsFirst = false;
                    }
                }
                orderBy.add(new Order(p, asc, nullsFirst));
            } while (accept(Kind.COMMA));
        }
        Integer limit = null;
        Integer offset = null;
        if (acceptKeyword("LIMIT")) {
            limit = integer();
        }
        if (acceptKeyword("OFFSET")) {
            offset = integer();
            if (offset > 2000) {
                throw SalesforceException.of(400, "NUMBER_OUTSIDE_VALID_RANGE", "Maximum SOQL offset allowed is 2000");
            }
        }
        if (peek().kind() != Kind.EOF) {
            throw unexpected(peek());
        }
        return new SoqlQuery(from, count, List.copyOf(select), List.copyOf(typeOfs), where, List.copyOf(orderBy), limit,
                offset);
    }

    private int integer() {
        Token t = next();
        if (t.kind() != Kind.NUMBER || t.text().contains(".") || t.text().startsWith("-")) {
            throw unexpected(t);
        }
        return Integer.parseInt(t.text());
    }

    private Condition or() {
        Condition left = and();
        while (acceptKeyword("OR")) {
            Condition a = left;
            Condition b = and();
            left = (r, o) -> a.test(r, o) || b.test(r, o);
        }
        return left;
    }

    private Condition and() {
        Condition left = not();
        while (acceptKeyword("AND")) {
            Condition a = left;
            Condition b = not();
            left = (r, o) -> a.test(r, o) && b.test(r, o);
        }
        return left;
    }

    private Condition not() {
        if (acceptKeyword("NOT")) {
            Condition c = not();
            return (r, o) -> !c.test(r, o);
        }
        if (accept(Kind.LPAREN)) {
            Condition c = or();
            expect(Kind.RPAREN);
            return c;
        }
        return predicate();
    }

    private Condition predicate() {
        Token fieldToken = next();
        Path p = path(fieldToken);
        FieldType type = typeOf(p);
        if (peek().kind() == Kind.OP) {
            String op = next().text();
            Object literal = literal(p, type, next());
            if (literal == null && !op.equals("=") && !op.equals("!=")) {
                throw malformed("null may only be used with = and !=", soql, fieldToken.pos());
            }
            return comparison(p, op, literal);
        }
        boolean negate = acceptKeyword("NOT");
        if (acceptKeyword("IN")) {
            expect(Kind.LPAREN);
            List<Object> values = new ArrayList<>();
            do {
                values.add(literal(p, type, next()));
            } while (accept(Kind.COMMA));
            expect(Kind.RPAREN);
            Condition in;
            if (values.stream().allMatch(x -> x instanceof String)) {
                // what an index gives Salesforce: one lookup per row, same case-insensitive match as compareEq
                java.util.TreeSet<String> set = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
                values.forEach(x -> set.add((String) x));
                in = (r, o) -> {
                    Object v = p.value(r, o);
                    return v != null && set.contains(String.valueOf(v));
                };
            } else {
                in = (r, o) -> {
                    Object v = p.value(r, o);
                    for (Object x : values) {
                        if (SoqlEvaluator.compareEq(v, x)) {
                            return true;
                        }
                    }
                    return false;
                };
            }
            return negate ? (r, o) -> !in.test(r, o) : in;
        }
        if (negate) {
            throw unexpected(peek());
        }
        if (acceptKeyword("LIKE")) {
            Token t = next();
            if (t.kind() != Kind.STRING) {
                throw unexpected(t);
            }
            if (!type.isText() && type != FieldType.ID && type != FieldType.REFERENCE) {
                throw malformed("invalid operator on " + type.describeName() + " field: LIKE", soql, t.pos());
            }
            Pattern regex = likePattern(t.text());
            return (r, o) -> {
                Object v = p.value(r, o);
                return v != null && regex.matcher(String.valueOf(v)).matches();
            };
        }
        throw unexpected(peek());
    }

    private static Condition comparison(Path p, String op, Object literal) {
        return switch (op) {
            case "=" -> (r, o) -> SoqlEvaluator.compareEq(p.value(r, o), literal);
            case "!=" -> (r, o) -> !SoqlEvaluator.compareEq(p.value(r, o), literal);
            case "<" -> (r, o) -> { Integer c = SoqlEvaluator.compareRange(p.value(r, o), literal); return c != null && c < 0; };
            case ">" -> (r, o) -> { Integer c = SoqlEvaluator.compareRange(p.value(r, o), literal); return c != null && c > 0; };
            case "<=" -> (r, o) -> { Integer c = SoqlEvaluator.compareRange(p.value(r, o), literal); return c != null && c <= 0; };
            case ">=" -> (r, o) -> { Integer c = SoqlEvaluator.compareRange(p.value(r, o), literal); return c != null && c >= 0; };
            default -> throw new IllegalStateException(op);
        };
    }

    /** {@code %} any run, {@code _} one char, {@code \%} / {@code \_} literal; case-insensitive like Salesforce. */
    static Pattern likePattern(String like) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                re.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                re.append(".*");
            } else if (c == '_') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    /** Converts a literal token to the stored type of the field it is compared with. */
    private Object literal(Path p, FieldType type, Token t) {
        if (t.is("null")) {
            return null;
        }
        String field = p.field();
        switch (type) {
            case BOOLEAN:
                if (t.is("true") || t.is("false")) {
                    return Boolean.parseBoolean(t.text().toLowerCase(Locale.ROOT));
                }
                throw malformed("value of filter criterion for field '" + field + "' must be of type boolean and should not be enclosed in quotes", soql, t.pos());
            case INT:
            case DOUBLE:
            case CURRENCY:
                if (t.kind() == Kind.NUMBER) {
                    return Double.parseDouble(t.text());
                }
                throw malformed("value of filter criterion for field '" + field + "' must be of type double and should not be enclosed in quotes", soql, t.pos());
            case DATE:
                if (t.kind() == Kind.DATE) {
                    return LocalDate.parse(t.text());
                }
                throw malformed("value of filter criterion for field '" + field + "' must be of type date and should not be enclosed in quotes", soql, t.pos());
            case DATETIME:
                if (t.kind() == Kind.DATETIME) {
                    return FieldValues.parseDateTime(t.text());
                }
                throw malformed("value of filter criterion for field '" + field + "' must be of type dateTime and should not be enclosed in quotes", soql, t.pos());
            case ID:
            case REFERENCE: {
                if (t.kind() != Kind.STRING) {
                    throw unexpected(t);
                }
                String id = SalesforceIds.normalize(t.text());
                if (id == null) {
                    throw SalesforceException.of(400, "INVALID_QUERY_FILTER_OPERATOR", "\n" + soql + "\nERROR at Row:1:Column:"
                            + (t.pos() + 1) + "\ninvalid ID field: " + t.text());
                }
                return id;
            }
            default:
                if (t.kind() != Kind.STRING) {
                    throw malformed("value of filter criterion for field '" + field + "' must be of type string and should be enclosed in quotes", soql, t.pos());
                }
                return t.text().replace("\\%", "%").replace("\\_", "_");
        }
    }

    /** Resolves {@code Field} or {@code Relationship.Field} against the FROM object. */
    private Path path(Token t) {
        if (t.kind() != Kind.IDENT || isKeyword(t)) {
            throw unexpected(t);
        }
        String name = t.text();
        int dot = name.indexOf('.');
        if (dot < 0) {
            FieldDef f = from.field(name);
            if (f == null) {
                throw noSuchColumn(name, t);
            }
            return Path.direct(f);
        }
        String rel = name.substring(0, dot);
        String rest = name.substring(dot + 1);
        if (rel.equalsIgnoreCase(from.name())) { // "Contact.Email" on FROM Contact is just "Email"
            FieldDef f = from.field(rest);
            if (f == null) {
                throw noSuchColumn(name, t);
            }
            return Path.direct(f);
        }
        FieldDef ref = from.relationship(rel);
        if (ref == null || rest.contains(".")) {
            throw SalesforceException.of(400, "INVALID_FIELD", "\n" + soql + "\nERROR at Row:1:Column:" + (t.pos() + 1)
                    + "\nDidn't understand relationship '" + rel + "' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name.");
        }
        if (ref.referenceTo().size() > 1) { // polymorphic: a plain path reads the Name entity
            String nameField = NameEntity.field(rest);
            if (nameField == null) {
                throw SalesforceException.of(400, "INVALID_FIELD", "\n" + soql + "\nERROR at Row:1:Column:"
                        + (t.pos() + 1) + "\nNo such column '" + rest + "' on entity '" + NameEntity.NAME
                        + "'. If you are attempting to use a custom field, be sure to append the '__c' after the "
                        + "custom field name. Please reference your WSDL or the describe call for the appropriate "
                        + "names.");
            }
            return new Path(ref.relationshipName(), ref, nameField, null, true);
        }
        String canonical = null;
        for (String target : ref.referenceTo()) {
            SObjectSchema ts = schemas.apply(target);
            FieldDef tf = ts == null ? null : ts.field(rest);
            if (tf != null) {
                canonical = tf.name();
                break;
            }
        }
        if (canonical == null) {
            throw noSuchColumn(name, t);
        }
        return new Path(ref.relationshipName(), ref, canonical, null, false);
    }

    /** The field's type; for {@code Relationship.Field} the type of that field on the referenced object. */
    private FieldType typeOf(Path p) {
        if (p.direct() != null) {
            return p.direct().type();
        }
        if (p.viaName()) {
            return NameEntity.type(p.field());
        }
        for (String target : p.reference().referenceTo()) {
            SObjectSchema ts = schemas.apply(target);
            FieldDef tf = ts == null ? null : ts.field(p.field());
            if (tf != null) {
                return tf.type();
            }
        }
        return FieldType.STRING;
    }

    /** The tokens of one {@code TYPEOF ... END}, kept until FROM names the object they belong to. */
    private record TypeOfTokens(Token rel, List<Token> whenTypes, List<List<Token>> whenFields, List<Token> elseFields) {}

    private TypeOfTokens typeOfTokens() {
        expectKeyword("TYPEOF");
        Token rel = next();
        if (rel.kind() != Kind.IDENT || isKeyword(rel)) {
            throw unexpected(rel);
        }
        List<Token> types = new ArrayList<>();
        List<List<Token>> fields = new ArrayList<>();
        do {
            expectKeyword("WHEN");
            Token type = next();
            if (type.kind() != Kind.IDENT || isKeyword(type)) {
                throw unexpected(type);
            }
            expectKeyword("THEN");
            types.add(type);
            fields.add(fieldList());
        } while (peek().is("WHEN"));
        List<Token> elseFields = acceptKeyword("ELSE") ? fieldList() : List.of();
        expectKeyword("END");
        return new TypeOfTokens(rel, types, fields, elseFields);
    }

    private List<Token> fieldList() {
        List<Token> out = new ArrayList<>();
        do {
            Token f = next();
            if (f.kind() != Kind.IDENT || isKeyword(f) || f.text().contains(".")) {
                throw unexpected(f);
            }
            out.add(f);
        } while (!peek().is("WHEN") && !peek().is("ELSE") && !peek().is("END") && accept(Kind.COMMA));
        return out;
    }

    /** Resolves a TYPEOF against the FROM object: a polymorphic lookup, its types, their fields. */
    private TypeOf typeOf(TypeOfTokens t) {
        FieldDef ref = from.relationship(t.rel().text());
        if (ref == null || ref.referenceTo().size() < 2) {
            throw malformed("TYPEOF needs a polymorphic relationship field, not " + t.rel().text(), soql,
                    t.rel().pos());
        }
        Map<String, List<String>> whens = new LinkedHashMap<>();
        for (int i = 0; i < t.whenTypes().size(); i++) {
            Token type = t.whenTypes().get(i);
            String target = ref.referenceTo().stream().filter(r -> r.equalsIgnoreCase(type.text())).findFirst()
                    .orElseThrow(() -> malformed("TYPEOF " + t.rel().text() + ": " + type.text()
                            + " is not a type the relationship can reference", soql, type.pos()));
            SObjectSchema ts = schemas.apply(target);
            List<String> names = new ArrayList<>();
            for (Token f : t.whenFields().get(i)) {
                FieldDef fd = ts.field(f.text());
                if (fd == null) {
                    throw SalesforceException.of(400, "INVALID_FIELD", "\n" + soql + "\nERROR at Row:1:Column:"
                            + (f.pos() + 1) + "\nNo such column '" + f.text() + "' on entity '" + ts.name() + "'.");
                }
                names.add(fd.name());
            }
            if (whens.put(target.toLowerCase(Locale.ROOT), names) != null) {
                throw malformed("duplicate WHEN " + type.text(), soql, type.pos());
            }
        }
        List<String> elseFields = new ArrayList<>();
        for (Token f : t.elseFields()) {
            String n = NameEntity.field(f.text());
            if (n == null) {
                throw SalesforceException.of(400, "INVALID_FIELD", "\n" + soql + "\nERROR at Row:1:Column:"
                        + (f.pos() + 1) + "\nNo such column '" + f.text() + "' on entity '" + NameEntity.NAME + "'.");
            }
            elseFields.add(n);
        }
        return new TypeOf(ref.relationshipName(), ref, whens, elseFields);
    }

    private SalesforceException noSuchColumn(String name, Token t) {
        return SalesforceException.of(400, "INVALID_FIELD", "\n" + soql + "\nERROR at Row:1:Column:" + (t.pos() + 1)
                + "\nNo such column '" + name + "' on entity '" + from.name() + "'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.");
    }

    private static final Set<String> KEYWORDS = Set.of("select", "from", "where", "and", "or", "not", "in", "like",
            "order", "by", "limit", "offset", "asc", "desc", "nulls", "first", "last", "typeof", "when", "then",
            "else", "end");

    private static boolean isKeyword(Token t) {
        return t.kind() == Kind.IDENT && KEYWORDS.contains(t.text().toLowerCase(Locale.ROOT));
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.EOF) {
            pos++;
        }
        return t;
    }

    private boolean accept(Kind kind) {
        if (peek().kind() == kind) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean acceptKeyword(String kw) {
        if (peek().is(kw)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(Kind kind) {
        if (!accept(kind)) {
            throw unexpected(peek());
        }
    }

    private void expectKeyword(String kw) {
        if (!acceptKeyword(kw)) {
            throw unexpected(peek());
        }
    }

    private SalesforceException unexpected(Token t) {
        return malformed("unexpected token: " + (t.kind() == Kind.EOF ? "<EOF>" : "'" + t.text() + "'"), soql, t.pos());
    }
}

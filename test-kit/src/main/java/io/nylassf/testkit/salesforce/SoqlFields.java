package io.nylassf.testkit.salesforce;

import io.nylassf.testkit.salesforce.SoqlLexer.Kind;
import io.nylassf.testkit.salesforce.SoqlLexer.Token;
import io.nylassf.testkit.salesforce.SoqlQuery.Path;
import io.nylassf.testkit.salesforce.SoqlQuery.TypeOf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves a query's names against its FROM object once FROM is known: field paths (direct, through a lookup,
 * or through a polymorphic lookup's Name entity), TYPEOF clauses, and literals converted to the type of the
 * field they are compared with. Unknown names fail as INVALID_FIELD, mistyped literals as MALFORMED_QUERY.
 */
final class SoqlFields {
    /** The tokens of one {@code TYPEOF ... END}, kept until FROM names the object they belong to. */
    record TypeOfTokens(Token rel, List<Token> whenTypes, List<List<Token>> whenFields, List<Token> elseFields) {}

    private final SoqlTokens tokens;
    private final SObjectSchema from;
    private final Function<String, SObjectSchema> schemas;

    SoqlFields(SoqlTokens tokens, SObjectSchema from, Function<String, SObjectSchema> schemas) {
        this.tokens = tokens;
        this.from = from;
        this.schemas = schemas;
    }

    /** Resolves {@code Field} or {@code Relationship.Field} against the FROM object. */
    Path path(Token t) {
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
            throw error("INVALID_FIELD", "Didn't understand relationship '" + rel + "' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name.", t);
        }
        if (ref.referenceTo().size() > 1) { // polymorphic: a plain path reads the Name entity
            String nameField = NameEntity.field(rest);
            if (nameField == null) {
                throw error("INVALID_FIELD", "No such column '" + rest + "' on entity '" + NameEntity.NAME
                        + "'. If you are attempting to use a custom field, be sure to append the '__c' after the "
                        + "custom field name. Please reference your WSDL or the describe call for the appropriate "
                        + "names.", t);
            }
            return new Path(ref.relationshipName(), ref, nameField, null, true);
        }
        FieldDef target = targetField(ref, rest);
        if (target == null) {
            throw noSuchColumn(name, t);
        }
        return new Path(ref.relationshipName(), ref, target.name(), null, false);
    }

    /** The field's type; for {@code Relationship.Field} the type of that field on the referenced object. */
    FieldType type(Path p) {
        if (p.direct() != null) {
            return p.direct().type();
        }
        if (p.viaName()) {
            return NameEntity.type(p.field());
        }
        FieldDef target = targetField(p.reference(), p.field());
        return target == null ? FieldType.STRING : target.type();
    }

    /** The first object the lookup can reference that has this field, or null. */
    private FieldDef targetField(FieldDef ref, String field) {
        for (String target : ref.referenceTo()) {
            SObjectSchema ts = schemas.apply(target);
            FieldDef tf = ts == null ? null : ts.field(field);
            if (tf != null) {
                return tf;
            }
        }
        return null;
    }

    /** Converts a literal token to the stored type of the field it is compared with. */
    Object literal(Path p, FieldType type, Token t) {
        if (t.is("null")) {
            return null;
        }
        String field = p.field();
        switch (type) {
            case BOOLEAN:
                if (t.is("true") || t.is("false")) {
                    return Boolean.parseBoolean(t.text().toLowerCase(Locale.ROOT));
                }
                throw mistyped(field, "boolean and should not be enclosed in quotes", t);
            case INT:
            case DOUBLE:
            case CURRENCY:
                if (t.kind() == Kind.NUMBER) {
                    return Double.parseDouble(t.text());
                }
                throw mistyped(field, "double and should not be enclosed in quotes", t);
            case DATE:
                if (t.kind() == Kind.DATE) {
                    return LocalDate.parse(t.text());
                }
                throw mistyped(field, "date and should not be enclosed in quotes", t);
            case DATETIME:
                if (t.kind() == Kind.DATETIME) {
                    return FieldValues.parseDateTime(t.text());
                }
                throw mistyped(field, "dateTime and should not be enclosed in quotes", t);
            case ID:
            case REFERENCE: {
                if (t.kind() != Kind.STRING) {
                    throw tokens.unexpected(t);
                }
                String id = SalesforceIds.normalize(t.text());
                if (id == null) {
                    throw error("INVALID_QUERY_FILTER_OPERATOR", "invalid ID field: " + t.text(), t);
                }
                return id;
            }
            default:
                if (t.kind() != Kind.STRING) {
                    throw mistyped(field, "string and should be enclosed in quotes", t);
                }
                return t.text().replace("\\%", "%").replace("\\_", "_");
        }
    }

    /** Resolves a TYPEOF against the FROM object: a polymorphic lookup, its types, their fields. */
    TypeOf typeOf(TypeOfTokens t) {
        FieldDef ref = from.relationship(t.rel().text());
        if (ref == null || ref.referenceTo().size() < 2) {
            throw error("MALFORMED_QUERY", "TYPEOF needs a polymorphic relationship field, not " + t.rel().text(), t.rel());
        }
        Map<String, List<String>> whens = new LinkedHashMap<>();
        for (int i = 0; i < t.whenTypes().size(); i++) {
            Token type = t.whenTypes().get(i);
            String target = ref.referenceTo().stream().filter(r -> r.equalsIgnoreCase(type.text())).findFirst()
                    .orElseThrow(() -> error("MALFORMED_QUERY", "TYPEOF " + t.rel().text() + ": " + type.text()
                            + " is not a type the relationship can reference", type));
            SObjectSchema ts = schemas.apply(target);
            List<String> names = new ArrayList<>();
            for (Token f : t.whenFields().get(i)) {
                FieldDef fd = ts.field(f.text());
                if (fd == null) {
                    throw error("INVALID_FIELD", "No such column '" + f.text() + "' on entity '" + ts.name() + "'.", f);
                }
                names.add(fd.name());
            }
            if (whens.put(target.toLowerCase(Locale.ROOT), names) != null) {
                throw error("MALFORMED_QUERY", "duplicate WHEN " + type.text(), type);
            }
        }
        List<String> elseFields = new ArrayList<>();
        for (Token f : t.elseFields()) {
            String n = NameEntity.field(f.text());
            if (n == null) {
                throw error("INVALID_FIELD", "No such column '" + f.text() + "' on entity '" + NameEntity.NAME + "'.", f);
            }
            elseFields.add(n);
        }
        return new TypeOf(ref.relationshipName(), ref, whens, elseFields);
    }

    private SalesforceException mistyped(String field, String expected, Token t) {
        return error("MALFORMED_QUERY", "value of filter criterion for field '" + field + "' must be of type " + expected, t);
    }

    private SalesforceException noSuchColumn(String name, Token t) {
        return error("INVALID_FIELD", "No such column '" + name + "' on entity '" + from.name() + "'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.", t);
    }

    private SalesforceException error(String code, String message, Token at) {
        return SoqlParser.error(code, message, tokens.soql(), at.pos());
    }
}

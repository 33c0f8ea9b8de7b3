package io.nylassf.testkit.salesforce;

import java.util.List;

/**
 * One field of an sObject schema. {@code required} means "must be given on create" (nillable=false, no default).
 * Build with the static factories and the {@code with}-style modifiers, e.g.
 * {@code FieldDef.text("Region__c", 80)} or {@code FieldDef.externalId("Erp_Id__c", 40).asRequired()}.
 */
public record FieldDef(String name, FieldType type, int length, boolean required, boolean createable,
                       boolean updateable, boolean externalId, boolean unique, List<String> referenceTo,
                       String relationshipName, Object defaultValue, List<String> picklistValues) {

    public FieldDef {
        referenceTo = referenceTo == null ? List.of() : List.copyOf(referenceTo);
        picklistValues = picklistValues == null ? List.of() : List.copyOf(picklistValues);
    }

    public static FieldDef of(String name, FieldType type) {
        int length = switch (type) {
            case STRING, PICKLIST -> 255;
            case TEXTAREA -> 32_000;
            case EMAIL -> 80;
            case PHONE -> 40;
            case URL -> 255;
            case ID, REFERENCE -> 18;
            default -> 0;
        };
        return new FieldDef(name, type, length, false, true, true, false, false, null, null, null, null);
    }

    public static FieldDef text(String name, int length) {
        return of(name, FieldType.STRING).withLength(length);
    }

    /** A custom text external-ID field (unique is left false: several records may share a value, see upsert 300). */
    public static FieldDef externalId(String name, int length) {
        return new FieldDef(name, FieldType.STRING, length, false, true, true, true, false, null, null, null, null);
    }

    /** A lookup to the given objects; the relationship name is the field name without its "Id" suffix. */
    public static FieldDef reference(String name, String... objects) {
        String rel = name.endsWith("Id") ? name.substring(0, name.length() - 2)
                : name.endsWith("__c") ? name.substring(0, name.length() - 3) + "__r" : null;
        return new FieldDef(name, FieldType.REFERENCE, 18, false, true, true, false, false, List.of(objects), rel, null, null);
    }

    public static FieldDef picklist(String name, String... values) {
        return new FieldDef(name, FieldType.PICKLIST, 255, false, true, true, false, false, null, null, null, List.of(values));
    }

    public FieldDef withLength(int n) {
        return new FieldDef(name, type, n, required, createable, updateable, externalId, unique, referenceTo, relationshipName, defaultValue, picklistValues);
    }

    public FieldDef asRequired() {
        return new FieldDef(name, type, length, true, createable, updateable, externalId, unique, referenceTo, relationshipName, defaultValue, picklistValues);
    }

    public FieldDef asExternalId() {
        return new FieldDef(name, type, length, required, createable, updateable, true, unique, referenceTo, relationshipName, defaultValue, picklistValues);
    }

    /** System-maintained or derived: neither createable nor updateable. */
    public FieldDef readOnly() {
        return new FieldDef(name, type, length, false, false, false, externalId, unique, referenceTo, relationshipName, defaultValue, picklistValues);
    }

    /** Settable on create only (e.g. Task.TaskSubtype). */
    public FieldDef createOnly() {
        return new FieldDef(name, type, length, required, true, false, externalId, unique, referenceTo, relationshipName, defaultValue, picklistValues);
    }

    public FieldDef withDefault(Object value) {
        return new FieldDef(name, type, length, required, createable, updateable, externalId, unique, referenceTo, relationshipName, value, picklistValues);
    }

    /** Salesforce's nillable: anything not required on create may be null. Booleans are never null. */
    public boolean nillable() {
        return !required && type != FieldType.BOOLEAN && type != FieldType.ID;
    }

    public boolean custom() {
        return name.endsWith("__c");
    }
}

package io.nylassf.testkit.salesforce;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Salesforce's {@code Name} entity: what a plain path through a polymorphic lookup ({@code Who.X}, {@code What.X})
 * reads. Only its documented fields exist, and most are filled only for some targets: Email, Alias, IsActive,
 * Phone, Title and Username for a user (Email also for a queue), first and last name for a user, contact or lead,
 * Name and Type for anything. So {@code Who.Email} is empty for a Contact or Lead: read it with {@code TYPEOF}.
 */
final class NameEntity {
    static final String NAME = "Name";

    private static final Map<String, FieldType> FIELDS = Map.ofEntries(
            Map.entry("Id", FieldType.ID), Map.entry("Name", FieldType.STRING), Map.entry("Type", FieldType.STRING),
            Map.entry("FirstName", FieldType.STRING), Map.entry("LastName", FieldType.STRING),
            Map.entry("MiddleName", FieldType.STRING), Map.entry("Email", FieldType.EMAIL),
            Map.entry("Alias", FieldType.STRING), Map.entry("IsActive", FieldType.BOOLEAN),
            Map.entry("Phone", FieldType.PHONE), Map.entry("Title", FieldType.STRING),
            Map.entry("Username", FieldType.STRING), Map.entry("NameOrAlias", FieldType.STRING),
            Map.entry("ProfileId", FieldType.REFERENCE), Map.entry("UserRoleId", FieldType.REFERENCE),
            Map.entry("RecordTypeId", FieldType.REFERENCE), Map.entry("LastReferencedDate", FieldType.DATETIME),
            Map.entry("LastViewedDate", FieldType.DATETIME));
    private static final Set<String> PEOPLE = Set.of("user", "contact", "lead");
    private static final Set<String> USER_ONLY = Set.of("Email", "Alias", "IsActive", "Phone", "Title", "Username");

    private NameEntity() {}

    /** The canonical spelling of a Name field, or null when Name has no such field. */
    static String field(String name) {
        for (String f : FIELDS.keySet()) {
            if (f.equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }

    static FieldType type(String field) {
        return FIELDS.getOrDefault(field, FieldType.STRING);
    }

    /** The value {@code field} of Name has for a row of {@code target}. */
    static Object value(SObjectSchema target, Map<String, Object> row, String field) {
        String type = target.name().toLowerCase(Locale.ROOT);
        return switch (field) {
            case "Id" -> row.get("Id");
            case "Type" -> target.name();
            case "Name", "NameOrAlias" -> row.get("Name");
            case "FirstName", "LastName", "MiddleName" -> PEOPLE.contains(type) ? row.get(field) : null;
            default -> USER_ONLY.contains(field) && type.equals("user") ? row.get(field) : null;
        };
    }
}

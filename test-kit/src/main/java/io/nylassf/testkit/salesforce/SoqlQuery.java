package io.nylassf.testkit.salesforce;

import java.util.List;
import java.util.Map;

/** A parsed, schema-checked SOQL query. Conditions are compiled closures, so evaluation does no name lookups. */
record SoqlQuery(SObjectSchema from, boolean count, List<Path> select, List<TypeOf> typeOfs, Condition where,
                 List<Order> orderBy, Integer limit, Integer offset) {

    /**
     * A selected or filtered field: a plain field, or {@code Relationship.Field} through a lookup. Through a
     * polymorphic lookup ({@code viaName}) the field is one of the {@link NameEntity}'s.
     */
    record Path(String relationship, FieldDef reference, String field, FieldDef direct, boolean viaName) {
        static Path direct(FieldDef f) {
            return new Path(null, null, f.name(), f, false);
        }

        boolean isRelationship() {
            return reference != null;
        }

        /** The value for a stored row; relationship fields follow the lookup id through the org. */
        Object value(Map<String, Object> row, Org org) {
            if (reference == null) {
                return row.get(direct.name());
            }
            Object id = row.get(reference.name());
            if (id == null) {
                return null;
            }
            Map<String, Object> target = org.findRow((String) id);
            SObjectSchema ts = target == null ? null : org.schemaForId((String) id);
            if (viaName) {
                return ts == null ? null : NameEntity.value(ts, target, field);
            }
            FieldDef tf = ts == null ? null : ts.field(field);
            return tf == null ? null : target.get(tf.name());
        }

        FieldType type(Org org) {
            return direct != null ? direct.type() : FieldType.STRING;
        }
    }

    record Order(Path path, boolean ascending, boolean nullsFirst) {}

    /**
     * {@code TYPEOF rel WHEN Type THEN fields ... [ELSE fields] END}: the fields of the object the lookup points
     * to ({@code whens}: lower-case type name → canonical field names), else {@link NameEntity} fields.
     */
    record TypeOf(String relationship, FieldDef reference, Map<String, List<String>> whens, List<String> elseFields) {}

    @FunctionalInterface
    interface Condition {
        boolean test(Map<String, Object> row, Org org);
    }
}

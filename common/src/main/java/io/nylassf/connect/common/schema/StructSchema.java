package io.nylassf.connect.common.schema;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * Builds a named, versioned struct schema with fields added a type at a time ({@code of(type, names...)}), in
 * the order given: a long record reads as its groups of like fields, and the resulting schema is exactly the one
 * {@link SchemaBuilder} would build field by field.
 */
public final class StructSchema {
    private final SchemaBuilder builder;

    private StructSchema(SchemaBuilder builder) {
        this.builder = builder;
    }

    public static StructSchema named(String name, int version, String doc) {
        SchemaBuilder b = SchemaBuilder.struct().name(name).version(version);
        return new StructSchema(doc == null ? b : b.doc(doc));
    }

    /** Adds one field per name, all of {@code type}. */
    public StructSchema of(Schema type, String... names) {
        for (String name : names) {
            builder.field(name, type);
        }
        return this;
    }

    public StructSchema optional() {
        builder.optional();
        return this;
    }

    public Schema build() {
        return builder.build();
    }
}

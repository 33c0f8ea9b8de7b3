package io.nylassf.testkit.salesforce;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The schema of one sObject type: its fields (looked up case-insensitively, as Salesforce does) and an
 * object-specific rule that derives read-only fields and checks cross-field constraints on every save.
 */
public final class SObjectSchema {
    /**
     * Object-specific behaviour on save: derive fields into the merged {@code record} ({@code changed} holds the
     * canonical names the caller set), add violations to {@code errors}.
     */
    @FunctionalInterface
    public interface SaveRule {
        void apply(Map<String, Object> record, java.util.Set<String> changed, boolean create, List<ApiError> errors);
    }

    private final String name;
    private final String keyPrefix;
    private final String label;
    private final SaveRule rule;
    // copy-on-write so lookups never lock; declareField replaces the map
    private volatile Map<String, FieldDef> fields = new LinkedHashMap<>();

    public SObjectSchema(String name, String keyPrefix, String label, SaveRule rule, List<FieldDef> fieldDefs) {
        this.name = name;
        this.keyPrefix = keyPrefix;
        this.label = label;
        this.rule = rule == null ? (r, ch, c, e) -> { } : rule;
        Map<String, FieldDef> m = new LinkedHashMap<>();
        for (FieldDef f : fieldDefs) {
            m.put(f.name().toLowerCase(Locale.ROOT), f);
        }
        this.fields = m;
    }

    public String name() { return name; }
    public String keyPrefix() { return keyPrefix; }
    public String label() { return label; }
    SaveRule rule() { return rule; }

    /** The field with this name in any case, or null. */
    public FieldDef field(String fieldName) {
        return fields.get(fieldName.toLowerCase(Locale.ROOT));
    }

    public Collection<FieldDef> fields() {
        return fields.values();
    }

    /** Adds or replaces a field. */
    public synchronized void declare(FieldDef f) {
        Map<String, FieldDef> m = new LinkedHashMap<>(fields);
        m.put(f.name().toLowerCase(Locale.ROOT), f);
        fields = m;
    }

    /** The reference field whose relationship name is {@code rel} (e.g. "Account" → AccountId), or null. */
    public FieldDef relationship(String rel) {
        for (FieldDef f : fields.values()) {
            if (f.relationshipName() != null && f.relationshipName().equalsIgnoreCase(rel)) {
                return f;
            }
        }
        return null;
    }
}

package io.nylassf.connect.sink.salesforce.mapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides what an incoming change may write over an existing Salesforce record (pure):
 * <ol>
 *   <li>Last-write-wins on the source modified time: when the record already holds data from a change at least
 *   as new (its modified-at field), nothing is written ({@link Outcome#STALE} for older,
 *   {@link Outcome#UNCHANGED} for the same time: a replay).</li>
 *   <li>Per-field ownership: Nylas-owned fields are updated; others only filled when empty, so a value someone
 *   typed survives ({@link Resolution#protectedFields()}) — unless the record's {@code LastModifiedById} is the
 *   sink's own user: then nobody has edited the record since the sink's last write, the values are the sink's,
 *   and every mapped field follows Nylas (record-level provenance).</li>
 *   <li>Fields already holding the incoming value are not sent; with nothing left to send the record is
 *   UNCHANGED, apart from advancing the stored modified time.</li>
 * </ol>
 */
public final class ConflictResolver {
    public enum Outcome { CREATE, UPDATE, UNCHANGED, STALE }

    /** The decision and the fields to send (for CREATE everything, for UPDATE only the changes). */
    public record Resolution(Outcome outcome, Map<String, Object> changes, List<String> protectedFields) {
    }

    /** The field Salesforce stamps with the ID of the user who last changed a record. */
    public static final String LAST_MODIFIED_BY = "LastModifiedById";

    private final FieldOwnership ownership;
    private final String modifiedAtField;
    private final String sinkUserId;

    /** @param modifiedAtField the custom field holding the source modified time, or null to compare values only */
    public ConflictResolver(FieldOwnership ownership, String modifiedAtField) {
        this(ownership, modifiedAtField, null);
    }

    /**
     * @param sinkUserId the user the sink writes as, or null when unknown (then only ownership and emptiness
     *                   decide, the conservative rule)
     */
    public ConflictResolver(FieldOwnership ownership, String modifiedAtField, String sinkUserId) {
        this.ownership = ownership;
        this.modifiedAtField = modifiedAtField == null || modifiedAtField.isBlank() ? null : modifiedAtField;
        this.sinkUserId = sinkUserId == null || sinkUserId.isBlank() ? null : sinkUserId;
    }

    /** Whether the record was last changed by the sink itself ({@code LastModifiedById}; 15/18-character IDs). */
    public boolean lastWrittenBySink(Map<String, Object> existing) {
        if (sinkUserId == null || existing == null || existing.get(LAST_MODIFIED_BY) == null) {
            return false;
        }
        String by = existing.get(LAST_MODIFIED_BY).toString();
        return by.length() >= 15 && sinkUserId.length() >= 15 && by.substring(0, 15).equals(sinkUserId.substring(0, 15));
    }

    public String modifiedAtField() {
        return modifiedAtField;
    }

    /**
     * @param incoming     mapped fields (without the modified-at field)
     * @param existing     the record as queried, or null when there is none
     * @param alwaysWrite  fields written whenever they differ regardless of ownership (e.g. the external ID)
     * @param createOnly   fields Salesforce accepts on create only (e.g. Task.TaskSubtype)
     */
    public Resolution resolve(String sobject, Map<String, Object> incoming, Map<String, Object> existing,
                              Instant incomingModifiedAt, Set<String> alwaysWrite, Set<String> createOnly) {
        if (existing == null) {
            Map<String, Object> all = new LinkedHashMap<>(incoming);
            if (modifiedAtField != null && incomingModifiedAt != null) {
                all.put(modifiedAtField, SfValues.dateTime(incomingModifiedAt));
            }
            return new Resolution(Outcome.CREATE, all, List.of());
        }
        Instant existingModifiedAt = modifiedAtField == null ? null : SfValues.parseDateTime(existing.get(modifiedAtField));
        if (incomingModifiedAt != null && existingModifiedAt != null) {
            if (incomingModifiedAt.isBefore(existingModifiedAt)) {
                return new Resolution(Outcome.STALE, Map.of(), List.of());
            }
            if (incomingModifiedAt.equals(existingModifiedAt)) {
                return new Resolution(Outcome.UNCHANGED, Map.of(), List.of());
            }
        }
        boolean ours = lastWrittenBySink(existing);
        Map<String, Object> changes = new LinkedHashMap<>();
        List<String> kept = new ArrayList<>();
        incoming.forEach((field, value) -> {
            if (createOnly.contains(field) || field.equals(modifiedAtField)) {
                return;
            }
            Object current = existing.get(field);
            if (SfValues.same(current, value)) {
                return;
            }
            if (alwaysWrite.contains(field) || ours || ownership.isNylasOwned(sobject, field)
                    || SfValues.isEmpty(current)) {
                changes.put(field, value);
            } else {
                kept.add(field);
            }
        });
        boolean newer = incomingModifiedAt != null && (existingModifiedAt == null
                || incomingModifiedAt.isAfter(existingModifiedAt));
        if (changes.isEmpty() && !newer) {
            return new Resolution(Outcome.UNCHANGED, Map.of(), kept);
        }
        if (modifiedAtField != null && newer) {
            changes.put(modifiedAtField, SfValues.dateTime(incomingModifiedAt));
        }
        return new Resolution(changes.isEmpty() ? Outcome.UNCHANGED : Outcome.UPDATE, changes, kept);
    }
}

package io.nylassf.connect.sink.salesforce.write;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record write the plan asks for (immutable). The writer returns its result; nothing is filled in here, so a
 * plan can be shared, retried and compared freely.
 */
public final class WriteOp {
    public enum Action { UPSERT, UPDATE, CREATE, DELETE }

    private final String sobject;
    private final Action action;
    private final String extIdField;
    private final Map<String, Object> fields;
    private final String id;
    private final boolean wantsId;
    private final boolean autoAssign;

    private WriteOp(String sobject, Action action, String extIdField, Map<String, Object> fields, String id,
                    boolean wantsId) {
        this(sobject, action, extIdField, fields, id, wantsId, false);
    }

    private WriteOp(String sobject, Action action, String extIdField, Map<String, Object> fields, String id,
                    boolean wantsId, boolean autoAssign) {
        this.sobject = sobject;
        this.action = action;
        this.extIdField = extIdField;
        // a copy that keeps the order (Bulk CSV columns) and admits null values (fields to clear)
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        this.id = id;
        this.wantsId = wantsId;
        this.autoAssign = autoAssign;
    }

    /** Upsert on an external ID; {@code fields} carry the external ID value. */
    public static WriteOp upsert(String sobject, String extIdField, Map<String, Object> fields) {
        return new WriteOp(sobject, Action.UPSERT, extIdField, fields, null, false);
    }

    public static WriteOp update(String sobject, String id, Map<String, Object> fields) {
        return new WriteOp(sobject, Action.UPDATE, null, fields, id, false);
    }

    public static WriteOp create(String sobject, Map<String, Object> fields) {
        return new WriteOp(sobject, Action.CREATE, null, fields, null, false);
    }

    public static WriteOp delete(String sobject, String id) {
        return new WriteOp(sobject, Action.DELETE, null, Map.of(), id, false);
    }

    public String sobject() {
        return sobject;
    }

    public Action action() {
        return action;
    }

    public String extIdField() {
        return extIdField;
    }

    /** The fields to send (unmodifiable). */
    public Map<String, Object> fields() {
        return fields;
    }

    public String id() {
        return id;
    }

    /**
     * This write, asking for the record ID on success even in bulk mode, where it costs a {@code successfulResults}
     * download (one API call per job): only when a later phase of the batch links to this record.
     */
    public WriteOp wantId() {
        return wantsId ? this : new WriteOp(sobject, action, extIdField, fields, id, true, autoAssign);
    }

    public boolean wantsId() {
        return wantsId;
    }

    /** This write with one more field set. */
    public WriteOp with(String field, Object value) {
        Map<String, Object> f = new LinkedHashMap<>(fields);
        f.put(field, value);
        return new WriteOp(sobject, action, extIdField, f, id, wantsId, autoAssign);
    }

    /**
     * This write, letting the org's active assignment rule choose the owner ({@code Sforce-Auto-Assign: TRUE}):
     * only for new Leads under {@code salesforce.person.owner=assignment_rules}. Every other write of a Lead or
     * Account says FALSE, since the REST API runs the rules on a write that does not say.
     */
    public WriteOp withAutoAssign() {
        return autoAssign ? this : new WriteOp(sobject, action, extIdField, fields, id, wantsId, true);
    }

    public boolean autoAssign() {
        return autoAssign;
    }

    /** The external ID value an upsert carries. */
    public String extIdValue() {
        Object v = extIdField == null ? null : fields.get(extIdField);
        return v == null ? null : v.toString();
    }
}

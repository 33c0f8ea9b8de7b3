package io.nylassf.connect.sink.salesforce.write;

import io.nylassf.connect.common.salesforce.SaveResult;

import java.util.Map;

/** One record write the plan asks for; the writer fills in {@link #result()}. */
public final class WriteOp {
    public enum Action { UPSERT, UPDATE, CREATE, DELETE }

    private final String sobject;
    private final Action action;
    private final String extIdField;
    private final Map<String, Object> fields;
    private final String id;
    private SaveResult result;
    private boolean wantsId;

    private WriteOp(String sobject, Action action, String extIdField, Map<String, Object> fields, String id) {
        this.sobject = sobject;
        this.action = action;
        this.extIdField = extIdField;
        this.fields = fields;
        this.id = id;
    }

    /** Upsert on an external ID; {@code fields} carry the external ID value. */
    public static WriteOp upsert(String sobject, String extIdField, Map<String, Object> fields) {
        return new WriteOp(sobject, Action.UPSERT, extIdField, fields, null);
    }

    public static WriteOp update(String sobject, String id, Map<String, Object> fields) {
        return new WriteOp(sobject, Action.UPDATE, null, fields, id);
    }

    public static WriteOp create(String sobject, Map<String, Object> fields) {
        return new WriteOp(sobject, Action.CREATE, null, fields, null);
    }

    public static WriteOp delete(String sobject, String id) {
        return new WriteOp(sobject, Action.DELETE, null, Map.of(), id);
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

    public Map<String, Object> fields() {
        return fields;
    }

    public String id() {
        return id;
    }

    /**
     * Asks for the record ID on success even in bulk mode, where it costs a {@code successfulResults} download
     * (one API call per job): only when a later phase of the flush links to this record.
     */
    public WriteOp wantId() {
        this.wantsId = true;
        return this;
    }

    public boolean wantsId() {
        return wantsId;
    }

    public SaveResult result() {
        return result;
    }

    void result(SaveResult r) {
        this.result = r;
    }

    /** The external ID value an upsert carries. */
    public String extIdValue() {
        Object v = extIdField == null ? null : fields.get(extIdField);
        return v == null ? null : v.toString();
    }
}

package io.nylassf.testkit.salesforce;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The emulated org's data: schemas, rows, duplicate rules and the change log. One reentrant lock guards
 * everything (fast enough on loopback, and it makes composite/allOrNone transactions simple: a savepoint is a
 * position in the undo log). Tests use the public methods for direct state access; endpoints use the
 * package-private ones that take a {@link WriteContext}.
 */
public final class Org {
    public static final String INTEGRATION_USERNAME = "integration@nylassf.example";
    public static final String REP_USERNAME = "rep@nylassf.example";

    /** Result of a SOQL query: the total row count (before LIMIT paging) and the records in REST JSON form. */
    public record QueryResult(int totalSize, List<Map<String, Object>> records) {}

    /** Result of an upsert: the id and whether it was created, or several matching ids (nothing written). */
    record UpsertResult(String id, boolean created, List<String> matches) {}

    /** A duplicate rule: creating {@code sobject} with a {@code field} value matching (ignoring case) any live row of {@code matchAgainst}. */
    public record DuplicateRule(String sobject, String field, List<String> matchAgainst, String name) {}

    /** A point to roll back to inside {@link #atomically}. */
    record Savepoint(int undoSize, int changeSize) {}

    private record Undo(Table table, String id, Map<String, Object> previous) {}

    private final ReentrantLock lock = new ReentrantLock();
    private final Clock clock;
    private final SalesforceIds ids;
    private final String orgId;
    private final String apiVersion;
    private final Map<String, SObjectSchema> schemas;
    private final Map<String, Table> tables = new HashMap<>();
    private final Map<String, Table> byPrefix = new HashMap<>();
    private final List<Change> changes = new ArrayList<>();
    private final List<DuplicateRule> duplicateRules = new ArrayList<>();
    private final Deque<Undo> undo = new ArrayDeque<>();
    private final Set<String> locked = new java.util.HashSet<>();
    private int txDepth;
    private long changeSeq;
    private final String integrationUserId;
    private final String repUserId;

    Org(Clock clock, SalesforceIds ids, String apiVersion) {
        this.clock = clock;
        this.ids = ids;
        this.apiVersion = apiVersion;
        this.orgId = ids.next("00D");
        this.schemas = StandardSchemas.create(clock);
        for (SObjectSchema s : schemas.values()) {
            Table t = new Table(s);
            tables.put(s.name().toLowerCase(Locale.ROOT), t);
            byPrefix.put(s.keyPrefix(), t);
        }
        WriteContext system = new WriteContext(null, null, false, true);
        this.integrationUserId = create("User", Map.of("Username", INTEGRATION_USERNAME, "Email", INTEGRATION_USERNAME,
                "FirstName", "Integration", "LastName", "User", "Alias", "integ"), false, system);
        this.repUserId = create("User", Map.of("Username", REP_USERNAME, "Email", REP_USERNAME,
                "FirstName", "Riley", "LastName", "Rep", "Alias", "rrep"), false, system);
        changes.clear();
        addDuplicateRule("Contact", "Email", "Contact", "Lead");
        addDuplicateRule("Lead", "Email", "Lead", "Contact");
    }

    // ---------------------------------------------------------------- public test API

    public String orgId() { return orgId; }
    public String integrationUserId() { return integrationUserId; }
    public String repUserId() { return repUserId; }

    /** Inserts a record with validation (not duplicate rules); values may be Strings, numbers, booleans or java.time types. */
    public String insert(String sobject, Map<String, Object> fields) {
        return create(sobject, fields, false, new WriteContext(integrationUserId, null, false, true));
    }

    public void update(String sobject, String id, Map<String, Object> fields) {
        update(sobject, id, fields, false, new WriteContext(integrationUserId, null, false, true), null);
    }

    public void delete(String sobject, String id) {
        delete(sobject, id, new WriteContext(integrationUserId, null, false, true), null);
    }

    /**
     * Like {@link #insert} but written by {@code userId} (e.g. {@link #repUserId()}: a person typing in the UI),
     * which sets {@code CreatedById} and {@code LastModifiedById}. {@link #insert} writes as the integration user,
     * the user REST calls with the default grants act as.
     */
    public String insertAs(String userId, String sobject, Map<String, Object> fields) {
        return create(sobject, fields, false, new WriteContext(userId, null, false, true));
    }

    /** Like {@link #update} but written by {@code userId}: {@code LastModifiedById} becomes that user. */
    public void updateAs(String userId, String sobject, String id, Map<String, Object> fields) {
        update(sobject, id, fields, false, new WriteContext(userId, null, false, true), null);
    }

    /** Like {@link #delete} but by {@code userId}: the delete is that user's change, not the integration's. */
    public void deleteAs(String userId, String sobject, String id) {
        delete(sobject, id, new WriteContext(userId, null, false, true), null);
    }

    /** The record in REST JSON form (dates as strings, no attributes), deleted or not; null if unknown. */
    public Map<String, Object> get(String sobject, String id) {
        lock.lock();
        try {
            Table t = table(sobject);
            String id18 = SalesforceIds.normalize(id);
            Map<String, Object> row = id18 == null ? null : t.get(id18);
            return row == null ? null : toJsonRow(t.schema, row);
        } finally {
            lock.unlock();
        }
    }

    /** Live (not deleted) records in insertion order, in REST JSON form. */
    public List<Map<String, Object>> all(String sobject) {
        lock.lock();
        try {
            Table t = table(sobject);
            List<Map<String, Object>> out = new ArrayList<>();
            for (Map<String, Object> row : t.rows.values()) {
                if (!Boolean.TRUE.equals(row.get("IsDeleted"))) {
                    out.add(toJsonRow(t.schema, row));
                }
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    public int count(String sobject) {
        return all(sobject).size();
    }

    /** Runs SOQL with the same engine as {@code GET /query} (all rows, no paging). */
    public QueryResult query(String soql) {
        return query(soql, false);
    }

    public QueryResult queryAll(String soql) {
        return query(soql, true);
    }

    QueryResult query(String soql, boolean includeDeleted) {
        SoqlQuery q = SoqlParser.parse(soql, this::schemaOrNull);
        lock.lock();
        try {
            return SoqlEvaluator.run(q, this, includeDeleted);
        } finally {
            lock.unlock();
        }
    }

    public SObjectSchema schema(String sobject) {
        SObjectSchema s = schemaOrNull(sobject);
        if (s == null) {
            throw SalesforceException.of(400, "INVALID_TYPE", "sObject type '" + sobject + "' is not supported.");
        }
        return s;
    }

    public Collection<SObjectSchema> schemas() {
        return List.copyOf(schemas.values());
    }

    /** Adds a (custom) field to an object, e.g. {@code FieldDef.externalId("Erp_Id__c", 40)}. */
    public void declareField(String sobject, FieldDef field) {
        schema(sobject).declare(field);
    }

    public void addDuplicateRule(String sobject, String field, String... matchAgainst) {
        lock.lock();
        try {
            SObjectSchema s = schema(sobject);
            duplicateRules.add(new DuplicateRule(s.name(), s.field(field).name(),
                    List.of(matchAgainst.length == 0 ? new String[] {s.name()} : matchAgainst),
                    "Standard_" + s.name() + "_Duplicate_Rule"));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Records whose Id or external-ID value is one of {@code keys} are held by another transaction for good: every
     * API write to them (create, update, upsert) fails with {@code UNABLE_TO_LOCK_ROW}, per item in Collections,
     * as in a real org where a long-running job holds the row. {@link #clear()} releases them.
     */
    public void lockRecords(String... keys) {
        lock.lock();
        try {
            for (String k : keys) {
                String id18 = SalesforceIds.normalize(k);
                locked.add(id18 != null ? id18 : k);
            }
        } finally {
            lock.unlock();
        }
    }

    private void checkLocked(SObjectSchema s, String id18, Map<String, Object> row) {
        if (locked.isEmpty()) {
            return;
        }
        boolean held = id18 != null && locked.contains(id18);
        for (FieldDef f : s.fields()) {
            if (!held && f.externalId() && row.get(f.name()) != null) {
                held = locked.contains(String.valueOf(row.get(f.name())));
            }
        }
        if (held) {
            throw SalesforceException.of(400, "UNABLE_TO_LOCK_ROW",
                    "unable to obtain exclusive access to this record or 1 records");
        }
    }

    /** Removes every duplicate rule (e.g. to emulate an org where they are switched off). */
    public void clearDuplicateRules() {
        lock.lock();
        try {
            duplicateRules.clear();
        } finally {
            lock.unlock();
        }
    }

    public List<DuplicateRule> duplicateRules() {
        lock.lock();
        try {
            return List.copyOf(duplicateRules);
        } finally {
            lock.unlock();
        }
    }

    /** Every committed write since start (or {@link #clear()}), oldest first. */
    public List<Change> changes() {
        lock.lock();
        try {
            return List.copyOf(changes);
        } finally {
            lock.unlock();
        }
    }

    /** The {@code Sforce-Call-Options} client of the last write to this record, or null. */
    public String lastModifiedClient(String sobject, String id) {
        String id18 = SalesforceIds.normalize(id);
        lock.lock();
        try {
            for (int i = changes.size() - 1; i >= 0; i--) {
                Change c = changes.get(i);
                if (c.id().equals(id18) && c.sobject().equalsIgnoreCase(sobject)) {
                    return c.client();
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Deletes every record except Users and forgets the change log. */
    public void clear() {
        lock.lock();
        try {
            for (Table t : tables.values()) {
                if (!t.schema.name().equals("User")) {
                    t.clear();
                }
            }
            changes.clear();
            locked.clear();
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- transactions

    /** Runs {@code work} holding the org lock; writes inside may be rolled back to a {@link #savepoint()}. */
    <T> T atomically(Supplier<T> work) {
        lock.lock();
        txDepth++;
        try {
            return work.get();
        } finally {
            if (--txDepth == 0) {
                undo.clear();
            }
            lock.unlock();
        }
    }

    Savepoint savepoint() {
        return new Savepoint(undo.size(), changes.size());
    }

    void rollbackTo(Savepoint sp) {
        while (undo.size() > sp.undoSize()) {
            Undo u = undo.pop();
            u.table().put(u.id(), u.previous());
        }
        while (changes.size() > sp.changeSize()) {
            changes.remove(changes.size() - 1);
        }
    }

    private void store(Table t, String id, Map<String, Object> row) {
        Map<String, Object> previous = t.put(id, row);
        if (txDepth > 0) {
            undo.push(new Undo(t, id, previous));
        }
    }

    private void log(SObjectSchema s, String id, String op, WriteContext ctx, Instant now, Set<String> changed) {
        changes.add(new Change(++changeSeq, s.name(), id, op, ctx.client(), now, Set.copyOf(changed)));
    }

    // ---------------------------------------------------------------- writes

    String create(String sobject, Map<String, Object> raw, boolean fromText, WriteContext ctx) {
        lock.lock();
        try {
            Table t = table(sobject);
            SObjectSchema s = t.schema;
            Map<String, Object> values = convert(s, raw, fromText, true);
            Map<String, Object> row = new LinkedHashMap<>();
            for (FieldDef f : s.fields()) {
                Object v = f.defaultValue() != null ? f.defaultValue() : f.type() == FieldType.BOOLEAN ? Boolean.FALSE : null;
                row.put(f.name(), v);
            }
            if (s.field("OwnerId") != null && ctx.userId() != null) {
                row.put("OwnerId", ctx.userId());
            }
            row.putAll(values);
            checkLocked(s, null, row);
            finish(s, row, values.keySet(), true);
            if (ctx.enforceDuplicateRules() && !ctx.allowDuplicateSave()) {
                checkDuplicates(s, row);
            }
            String id = ids.next(s.keyPrefix());
            Instant now = clock.instant();
            row.put("Id", id);
            row.put("IsDeleted", false);
            row.put("CreatedDate", now);
            row.put("LastModifiedDate", now);
            row.put("SystemModstamp", now);
            row.put("CreatedById", ctx.userId() == null ? id : ctx.userId());
            row.put("LastModifiedById", ctx.userId() == null ? id : ctx.userId());
            store(t, id, row);
            log(s, id, "CREATE", ctx, now, values.keySet());
            return id;
        } finally {
            lock.unlock();
        }
    }

    void update(String sobject, String id, Map<String, Object> raw, boolean fromText, WriteContext ctx, Instant ifUnmodifiedSince) {
        lock.lock();
        try {
            Table t = table(sobject);
            SObjectSchema s = t.schema;
            String id18 = liveId(t, id);
            Map<String, Object> old = t.get(id18);
            checkUnmodifiedSince(old, ifUnmodifiedSince);
            checkLocked(s, id18, old);
            Map<String, Object> body = new LinkedHashMap<>(raw);
            Object bodyId = body.remove("Id");
            if (bodyId == null) {
                bodyId = body.remove("id");
            }
            if (bodyId != null && !id18.equals(SalesforceIds.normalize(String.valueOf(bodyId)))) {
                throw SalesforceException.of(400, "INVALID_ID_FIELD", "The Id field should not be specified in the sobject data.", "Id");
            }
            Map<String, Object> values = convert(s, body, fromText, false);
            Map<String, Object> row = new LinkedHashMap<>(old);
            row.putAll(values);
            finish(s, row, values.keySet(), false);
            Instant now = clock.instant();
            row.put("LastModifiedDate", now);
            row.put("SystemModstamp", now);
            if (ctx.userId() != null) {
                row.put("LastModifiedById", ctx.userId());
            }
            store(t, id18, row);
            log(s, id18, "UPDATE", ctx, now, values.keySet());
        } finally {
            lock.unlock();
        }
    }

    UpsertResult upsert(String sobject, String extField, String value, Map<String, Object> raw, boolean fromText, WriteContext ctx) {
        lock.lock();
        try {
            Table t = table(sobject);
            FieldDef f = t.schema.field(extField);
            if (f == null || !(f.externalId() || f.type() == FieldType.ID)) {
                throw SalesforceException.of(404, "NOT_FOUND", "Provided external ID field does not exist or is not accessible: " + extField);
            }
            for (String key : raw.keySet()) {
                if (key.equalsIgnoreCase("Id") || key.equalsIgnoreCase(f.name())) {
                    throw SalesforceException.of(400, "INVALID_FIELD", "The field " + key
                            + " is not allowed in the request body when upserting by " + f.name(), key);
                }
            }
            List<String> matches;
            if (f.type() == FieldType.ID) {
                String id18 = SalesforceIds.normalize(value);
                matches = id18 != null && t.get(id18) != null && !deleted(t.get(id18)) ? List.of(id18) : List.of();
            } else {
                matches = List.copyOf(t.lookup(f.name(), value));
            }
            if (matches.size() > 1) {
                return new UpsertResult(null, false, matches);
            }
            if (matches.size() == 1) {
                update(sobject, matches.get(0), raw, fromText, ctx, null);
                return new UpsertResult(matches.get(0), false, matches);
            }
            Map<String, Object> withKey = new LinkedHashMap<>(raw);
            if (f.type() != FieldType.ID) {
                withKey.put(f.name(), value);
            }
            return new UpsertResult(create(sobject, withKey, fromText, ctx), true, List.of());
        } finally {
            lock.unlock();
        }
    }

    void delete(String sobject, String id, WriteContext ctx, Instant ifUnmodifiedSince) {
        lock.lock();
        try {
            Table t = table(sobject);
            String id18 = liveId(t, id);
            Map<String, Object> old = t.get(id18);
            checkUnmodifiedSince(old, ifUnmodifiedSince);
            Map<String, Object> row = new LinkedHashMap<>(old);
            Instant now = clock.instant();
            row.put("IsDeleted", true);
            row.put("SystemModstamp", now);
            store(t, id18, row);
            log(t.schema, id18, "DELETE", ctx, now, Set.of());
        } finally {
            lock.unlock();
        }
    }

    /** Deletes a record known only by id (sObject Collections delete). */
    void deleteById(String id, WriteContext ctx) {
        lock.lock();
        try {
            Table t = tableForId(id);
            delete(t.schema.name(), id, ctx, null);
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- reads for endpoints

    /** The REST JSON form with {@code attributes}, restricted to {@code fields} if given. */
    Map<String, Object> read(String sobject, String id, List<String> fields) {
        lock.lock();
        try {
            Table t = table(sobject);
            String id18 = liveId(t, id);
            return restRecord(t.schema, t.get(id18), fields);
        } finally {
            lock.unlock();
        }
    }

    Map<String, Object> restRecord(SObjectSchema s, Map<String, Object> row, List<String> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("attributes", attributes(s.name(), (String) row.get("Id")));
        if (fields == null || fields.isEmpty()) {
            for (FieldDef f : s.fields()) {
                out.put(f.name(), FieldValues.toJson(row.get(f.name())));
            }
        } else {
            for (String name : fields) {
                FieldDef f = s.field(name.trim());
                if (f == null) {
                    throw SalesforceException.of(400, "INVALID_FIELD", "No such column '" + name.trim()
                            + "' on entity '" + s.name() + "'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.");
                }
                out.put(f.name(), FieldValues.toJson(row.get(f.name())));
            }
        }
        return out;
    }

    Map<String, Object> attributes(String type, String id) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("type", type);
        a.put("url", "/services/data/" + apiVersion + "/sobjects/" + type + "/" + id);
        return a;
    }

    Table table(String sobject) {
        Table t = sobject == null ? null : tables.get(sobject.toLowerCase(Locale.ROOT));
        if (t == null) {
            throw SalesforceException.of(400, "INVALID_TYPE", "sObject type '" + sobject + "' is not supported.");
        }
        return t;
    }

    /** The table holding ids with this prefix; MALFORMED_ID for bad ids, NOT_FOUND for unknown prefixes. */
    Table tableForId(String id) {
        String id18 = SalesforceIds.normalize(id);
        if (id18 == null) {
            throw SalesforceException.of(400, "MALFORMED_ID", "malformed id " + id);
        }
        Table t = byPrefix.get(SalesforceIds.prefix(id18));
        if (t == null) {
            throw SalesforceException.of(404, "NOT_FOUND", "The requested resource does not exist");
        }
        return t;
    }

    /** Any row (deleted or not) by id, for relationship lookups; null if none. */
    Map<String, Object> findRow(String id18) {
        Table t = id18 == null ? null : byPrefix.get(SalesforceIds.prefix(id18));
        return t == null ? null : t.get(id18);
    }

    SObjectSchema schemaForId(String id18) {
        Table t = byPrefix.get(SalesforceIds.prefix(id18));
        return t == null ? null : t.schema;
    }

    SObjectSchema schemaOrNull(String sobject) {
        return sobject == null ? null : schemas.get(sobject.toLowerCase(Locale.ROOT));
    }

    String apiVersion() { return apiVersion; }

    private Map<String, Object> toJsonRow(SObjectSchema s, Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (FieldDef f : s.fields()) {
            out.put(f.name(), FieldValues.toJson(row.get(f.name())));
        }
        return out;
    }

    // ---------------------------------------------------------------- validation

    private String liveId(Table t, String id) {
        String id18 = SalesforceIds.normalize(id);
        if (id18 == null) {
            throw SalesforceException.of(400, "MALFORMED_ID", t.schema.name() + " ID: id value of incorrect type: " + id);
        }
        Map<String, Object> row = t.get(id18);
        if (row == null) {
            throw SalesforceException.of(404, "NOT_FOUND", "The requested resource does not exist");
        }
        if (deleted(row)) {
            throw SalesforceException.of(404, "ENTITY_IS_DELETED", "entity is deleted");
        }
        return id18;
    }

    private static boolean deleted(Map<String, Object> row) {
        return Boolean.TRUE.equals(row.get("IsDeleted"));
    }

    private static void checkUnmodifiedSince(Map<String, Object> row, Instant since) {
        if (since != null) {
            Instant modified = ((Instant) row.get("LastModifiedDate")).truncatedTo(ChronoUnit.SECONDS);
            if (modified.isAfter(since)) {
                throw SalesforceException.of(412, "PRECONDITION_FAILED",
                        "The requested resource has been modified since " + since + " (If-Unmodified-Since).");
            }
        }
    }

    /** Canonical field name → stored value, checking names, writability, types, lengths and references. */
    private Map<String, Object> convert(SObjectSchema s, Map<String, Object> raw, boolean fromText, boolean create) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            String key = e.getKey();
            if (key.equals("attributes")) {
                continue;
            }
            FieldDef f = s.field(key);
            if (f == null) {
                throw SalesforceException.of(400, "INVALID_FIELD", "No such column '" + key + "' on sobject of type " + s.name(), key);
            }
            if (create ? !f.createable() : !f.updateable()) {
                throw SalesforceException.of(400, "INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to " + (create ? "create" : "update")
                        + " fields: " + f.name() + ". Please check the security settings of this field and verify that it is read/write for your profile or permission set.", f.name());
            }
            Object v = FieldValues.coerce(s.name(), f, e.getValue(), fromText);
            if (v != null && f.type() == FieldType.REFERENCE) {
                checkReference(f, (String) v);
            }
            out.put(f.name(), v);
        }
        return out;
    }

    private void checkReference(FieldDef f, String id18) {
        SObjectSchema target = schemaForId(id18);
        if (target == null || f.referenceTo().stream().noneMatch(target.name()::equals)) {
            throw SalesforceException.of(400, "FIELD_INTEGRITY_EXCEPTION", f.name() + ": id value of incorrect type: " + id18, f.name());
        }
        Map<String, Object> row = findRow(id18);
        if (row == null || deleted(row)) {
            throw SalesforceException.of(400, "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", f.name());
        }
    }

    /** Applies the object's save rule and the required-field check. */
    private static void finish(SObjectSchema s, Map<String, Object> row, Set<String> changed, boolean create) {
        List<ApiError> errors = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (FieldDef f : s.fields()) {
            if (f.required() && row.get(f.name()) == null) {
                missing.add(f.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new SalesforceException(new ApiError(400, "REQUIRED_FIELD_MISSING",
                    "Required fields are missing: " + missing, missing, null));
        }
        s.rule().apply(row, changed, create, errors);
        if (!errors.isEmpty()) {
            throw new SalesforceException(errors);
        }
    }

    private void checkDuplicates(SObjectSchema s, Map<String, Object> row) {
        for (DuplicateRule rule : duplicateRules) {
            Object v = rule.sobject().equals(s.name()) ? row.get(rule.field()) : null;
            if (v == null) {
                continue;
            }
            List<Map<String, Object>> matchResults = new ArrayList<>();
            for (String other : rule.matchAgainst()) {
                Table t = table(other);
                Set<String> found = t.schema.field(rule.field()) == null ? Set.of() : new LinkedHashSet<>(t.lookup(rule.field(), String.valueOf(v)));
                if (found.isEmpty()) {
                    continue;
                }
                List<Map<String, Object>> records = new ArrayList<>();
                for (String id : found) {
                    Map<String, Object> rec = new LinkedHashMap<>();
                    rec.put("attributes", attributes(t.schema.name(), id));
                    rec.put("Id", id);
                    records.add(Map.of("additionalInformation", List.of(), "fieldDiffs", List.of(),
                            "matchConfidence", 100.0, "record", rec));
                }
                Map<String, Object> mr = new LinkedHashMap<>();
                mr.put("entityType", t.schema.name());
                mr.put("errors", List.of());
                mr.put("matchEngine", "ExactMatchEngine");
                mr.put("matchRecords", records);
                mr.put("rule", "Standard_" + t.schema.name() + "_Match_Rule_v1_1");
                mr.put("size", records.size());
                mr.put("success", true);
                matchResults.add(mr);
            }
            if (!matchResults.isEmpty()) {
                String message = "Use one of these records?";
                Map<String, Object> dr = new LinkedHashMap<>();
                dr.put("allowSave", false);
                dr.put("duplicateRule", rule.name());
                dr.put("duplicateRuleEntityType", s.name());
                dr.put("errorMessage", message);
                dr.put("matchResults", matchResults);
                Map<String, Object> extra = new LinkedHashMap<>();
                extra.put("duplicateResult", dr);
                throw new SalesforceException(new ApiError(400, "DUPLICATES_DETECTED", message, List.of(), extra));
            }
        }
    }
}

package io.nylassf.testkit.salesforce;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The emulated org: its public test API and the create/update/upsert/delete operations endpoints call with a
 * {@link WriteContext}. The pieces it composes hold the state ({@link OrgTables}, {@link ChangeJournal},
 * {@link DuplicateRules}, {@link RecordLocks}) and the write checks ({@link WriteChecks}). One reentrant lock
 * guards everything (fast enough on loopback, and it makes composite/allOrNone transactions simple: a savepoint
 * is a position in the undo log).
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

    private final ReentrantLock lock = new ReentrantLock();
    private final Clock clock;
    private final SalesforceIds ids;
    private final String orgId;
    private final String apiVersion;
    private final OrgTables tables;
    private final RecordJson json;
    private final WriteChecks checks;
    private final DuplicateRules duplicates;
    private final RecordLocks locks = new RecordLocks();
    private final ChangeJournal journal = new ChangeJournal();
    private final String integrationUserId;
    private final String repUserId;
    private volatile String leadAssignmentOwner;

    Org(Clock clock, SalesforceIds ids, String apiVersion) {
        this.clock = clock;
        this.ids = ids;
        this.apiVersion = apiVersion;
        this.orgId = ids.next("00D");
        this.tables = new OrgTables(StandardSchemas.create(clock));
        this.json = new RecordJson(apiVersion);
        this.checks = new WriteChecks(tables);
        this.duplicates = new DuplicateRules(tables, json);
        WriteContext system = new WriteContext(null, null, false, true);
        this.integrationUserId = create("User", Map.of("Username", INTEGRATION_USERNAME, "Email", INTEGRATION_USERNAME,
                "FirstName", "Integration", "LastName", "User", "Alias", "integ"), false, system);
        this.repUserId = create("User", Map.of("Username", REP_USERNAME, "Email", REP_USERNAME,
                "FirstName", "Riley", "LastName", "Rep", "Alias", "rrep"), false, system);
        journal.clear();
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
        return locked(() -> {
            Table t = table(sobject);
            String id18 = SalesforceIds.normalize(id);
            Map<String, Object> row = id18 == null ? null : t.get(id18);
            return row == null ? null : json.plain(t.schema, row);
        });
    }

    /** Live (not deleted) records in insertion order, in REST JSON form. */
    public List<Map<String, Object>> all(String sobject) {
        return locked(() -> {
            Table t = table(sobject);
            List<Map<String, Object>> out = new ArrayList<>();
            for (Map<String, Object> row : t.rows.values()) {
                if (!WriteChecks.deleted(row)) {
                    out.add(json.plain(t.schema, row));
                }
            }
            return out;
        });
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
        return locked(() -> SoqlEvaluator.run(q, this, includeDeleted));
    }

    public SObjectSchema schema(String sobject) {
        SObjectSchema s = schemaOrNull(sobject);
        if (s == null) {
            throw SalesforceException.of(400, "INVALID_TYPE", "sObject type '" + sobject + "' is not supported.");
        }
        return s;
    }

    public Collection<SObjectSchema> schemas() {
        return tables.schemas();
    }

    /** Adds a (custom) field to an object, e.g. {@code FieldDef.externalId("Erp_Id__c", 40)}. */
    public void declareField(String sobject, FieldDef field) {
        schema(sobject).declare(field);
    }

    public void addDuplicateRule(String sobject, String field, String... matchAgainst) {
        locked(() -> duplicates.add(schema(sobject), field, matchAgainst));
    }

    /**
     * Records whose Id or external-ID value is one of {@code keys} are held by another transaction for good: every
     * API write to them (create, update, upsert) fails with {@code UNABLE_TO_LOCK_ROW}, per item in Collections,
     * as in a real org where a long-running job holds the row. {@link #clear()} releases them.
     */
    public void lockRecords(String... keys) {
        locked(() -> locks.lock(keys));
    }

    /**
     * Activates a Lead assignment rule that assigns every Lead to {@code ownerUserId} (null: no active rule, the
     * default). REST writes run it as {@code Sforce-Auto-Assign} says, TRUE when the header is absent.
     */
    public void activateLeadAssignmentRule(String ownerUserId) {
        leadAssignmentOwner = ownerUserId == null ? null : SalesforceIds.normalize(ownerUserId);
    }

    /** Removes every duplicate rule (e.g. to emulate an org where they are switched off). */
    public void clearDuplicateRules() {
        locked(duplicates::clear);
    }

    public List<DuplicateRule> duplicateRules() {
        return locked(duplicates::list);
    }

    /** Every committed write since start (or {@link #clear()}), oldest first. */
    public List<Change> changes() {
        return locked(journal::changes);
    }

    /** The {@code Sforce-Call-Options} client of the last write to this record, or null. */
    public String lastModifiedClient(String sobject, String id) {
        String id18 = SalesforceIds.normalize(id);
        return locked(() -> journal.lastClient(sobject, id18));
    }

    /** Deletes every record except Users and forgets the change log. */
    public void clear() {
        locked(() -> {
            for (Table t : tables.tables()) {
                if (!t.schema.name().equals("User")) {
                    t.clear();
                }
            }
            journal.clear();
            locks.clear();
        });
    }

    // ---------------------------------------------------------------- transactions

    /** Runs {@code work} holding the org lock; writes inside may be rolled back to a {@link #savepoint()}. */
    <T> T atomically(Supplier<T> work) {
        lock.lock();
        journal.begin();
        try {
            return work.get();
        } finally {
            journal.end();
            lock.unlock();
        }
    }

    Savepoint savepoint() {
        return journal.savepoint();
    }

    void rollbackTo(Savepoint sp) {
        journal.rollbackTo(sp);
    }

    private <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private void locked(Runnable work) {
        locked(() -> {
            work.run();
            return null;
        });
    }

    // ---------------------------------------------------------------- writes

    String create(String sobject, Map<String, Object> raw, boolean fromText, WriteContext ctx) {
        return locked(() -> {
            Table t = table(sobject);
            SObjectSchema s = t.schema;
            Map<String, Object> values = checks.convert(s, raw, fromText, true);
            Map<String, Object> row = new LinkedHashMap<>();
            for (FieldDef f : s.fields()) {
                Object v = f.defaultValue() != null ? f.defaultValue() : f.type() == FieldType.BOOLEAN ? Boolean.FALSE : null;
                row.put(f.name(), v);
            }
            if (s.field("OwnerId") != null && ctx.userId() != null) {
                row.put("OwnerId", ctx.userId());
            }
            row.putAll(values);
            assign(s, row, ctx, true);
            locks.check(s, null, row);
            WriteChecks.finish(s, row, values.keySet(), true);
            if (ctx.enforceDuplicateRules() && !ctx.allowDuplicateSave()) {
                duplicates.check(s, row);
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
            if (s.name().equals("ContentVersion")) {
                publishFile(row, now);
            }
            List<Map<String, Object>> occurrences = "Event".equals(s.name()) && EventSeries.isMaster(row)
                    ? EventSeries.occurrences(row, id) : List.of();
            journal.store(t, id, row);
            journal.log(s, id, "CREATE", ctx, now, values.keySet());
            for (Map<String, Object> o : occurrences) { // Salesforce stores each occurrence of a series
                Map<String, Object> occ = new LinkedHashMap<>(row);
                occ.keySet().removeIf(k -> k.startsWith("Recurrence") || k.startsWith("Nylas_"));
                s.fields().stream().filter(f -> f.name().startsWith("Recurrence") || f.name().startsWith("Nylas_"))
                        .forEach(f -> occ.put(f.name(), null));
                occ.putAll(o);
                String oid = ids.next(s.keyPrefix());
                occ.put("Id", oid);
                journal.store(t, oid, occ);
                journal.log(s, oid, "CREATE", ctx, now, o.keySet());
            }
            return id;
        });
    }

    /**
     * A new ContentVersion starts a ContentDocument, which Salesforce shares with the version's
     * {@code FirstPublishLocationId} (a ContentDocumentLink, ShareType V) and with its owner (ShareType I); without a
     * publish location only the owner's link exists. Under the org lock.
     */
    private void publishFile(Map<String, Object> version, Instant now) {
        String document = ids.next("069");
        version.put("ContentDocumentId", document);
        Map<String, Object> doc = systemRow(document, version, now);
        doc.put("Title", version.get("Title"));
        doc.put("LatestPublishedVersionId", version.get("Id"));
        doc.put("FileExtension", version.get("FileExtension"));
        doc.put("ContentSize", version.get("ContentSize"));
        doc.put("OwnerId", version.get("OwnerId"));
        journal.store(table("ContentDocument"), document, doc);
        List<String[]> links = new java.util.ArrayList<>();
        if (version.get("FirstPublishLocationId") != null) {
            links.add(new String[]{(String) version.get("FirstPublishLocationId"), "V"});
        }
        if (version.get("OwnerId") != null) {
            links.add(new String[]{(String) version.get("OwnerId"), "I"});
        }
        for (String[] l : links) {
            String linkId = ids.next("06A");
            Map<String, Object> link = systemRow(linkId, version, now);
            link.put("ContentDocumentId", document);
            link.put("LinkedEntityId", l[0]);
            link.put("ShareType", l[1]);
            link.put("Visibility", "AllUsers");
            journal.store(table("ContentDocumentLink"), linkId, link);
        }
    }

    private static Map<String, Object> systemRow(String id, Map<String, Object> from, Instant now) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("Id", id);
        r.put("IsDeleted", false);
        r.put("CreatedDate", now);
        r.put("LastModifiedDate", now);
        r.put("SystemModstamp", now);
        r.put("CreatedById", from.get("CreatedById"));
        r.put("LastModifiedById", from.get("LastModifiedById"));
        return r;
    }

    void update(String sobject, String id, Map<String, Object> raw, boolean fromText, WriteContext ctx, Instant ifUnmodifiedSince) {
        locked(() -> {
            Table t = table(sobject);
            SObjectSchema s = t.schema;
            String id18 = checks.liveId(t, id);
            Map<String, Object> old = t.get(id18);
            WriteChecks.unmodifiedSince(old, ifUnmodifiedSince);
            locks.check(s, id18, old);
            Map<String, Object> values = checks.convert(s, WriteChecks.withoutOwnId(id18, raw), fromText, false);
            Map<String, Object> row = new LinkedHashMap<>(old);
            row.putAll(values);
            assign(s, row, ctx, false);
            WriteChecks.finish(s, row, values.keySet(), false);
            Instant now = clock.instant();
            row.put("LastModifiedDate", now);
            row.put("SystemModstamp", now);
            if (ctx.userId() != null) {
                row.put("LastModifiedById", ctx.userId());
            }
            journal.store(t, id18, row);
            journal.log(s, id18, "UPDATE", ctx, now, values.keySet());
        });
    }

    /** The active Lead assignment rule, where the write asks for it: the rule's owner replaces any OwnerId. */
    private void assign(SObjectSchema s, Map<String, Object> row, WriteContext ctx, boolean create) {
        String owner = leadAssignmentOwner;
        boolean runs = ctx.autoAssign() == WriteContext.AutoAssign.ACTIVE_RULE
                || ctx.autoAssign() == WriteContext.AutoAssign.RULE_ON_CREATE && create;
        if (owner != null && runs && s.name().equals("Lead")) {
            row.put("OwnerId", owner);
        }
    }

    UpsertResult upsert(String sobject, String extField, String value, Map<String, Object> raw, boolean fromText, WriteContext ctx) {
        return locked(() -> {
            Table t = table(sobject);
            FieldDef f = WriteChecks.upsertKey(t.schema, extField, raw);
            List<String> matches;
            if (f.type() == FieldType.ID) {
                String id18 = SalesforceIds.normalize(value);
                matches = id18 != null && t.get(id18) != null && !WriteChecks.deleted(t.get(id18)) ? List.of(id18) : List.of();
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
        });
    }

    void delete(String sobject, String id, WriteContext ctx, Instant ifUnmodifiedSince) {
        locked(() -> {
            Table t = table(sobject);
            String id18 = checks.liveId(t, id);
            Map<String, Object> old = t.get(id18);
            WriteChecks.unmodifiedSince(old, ifUnmodifiedSince);
            Map<String, Object> row = new LinkedHashMap<>(old);
            Instant now = clock.instant();
            row.put("IsDeleted", true);
            row.put("SystemModstamp", now);
            journal.store(t, id18, row);
            journal.log(t.schema, id18, "DELETE", ctx, now, Set.of());
        });
    }

    /** Deletes a record known only by id (sObject Collections delete). */
    void deleteById(String id, WriteContext ctx) {
        locked(() -> delete(tableForId(id).schema.name(), id, ctx, null));
    }

    // ---------------------------------------------------------------- reads for endpoints

    /** The REST JSON form with {@code attributes}, restricted to {@code fields} if given. */
    Map<String, Object> read(String sobject, String id, List<String> fields) {
        return locked(() -> {
            Table t = table(sobject);
            return json.rest(t.schema, t.get(checks.liveId(t, id)), fields);
        });
    }

    Map<String, Object> attributes(String type, String id) {
        return json.attributes(type, id);
    }

    Table table(String sobject) {
        return tables.table(sobject);
    }

    /** The table holding ids with this prefix; MALFORMED_ID for bad ids, NOT_FOUND for unknown prefixes. */
    Table tableForId(String id) {
        return tables.tableForId(id);
    }

    /** Any row (deleted or not) by id, for relationship lookups; null if none. */
    Map<String, Object> findRow(String id18) {
        return tables.findRow(id18);
    }

    SObjectSchema schemaForId(String id18) {
        return tables.schemaForId(id18);
    }

    SObjectSchema schemaOrNull(String sobject) {
        return tables.schemaOrNull(sobject);
    }

    String apiVersion() { return apiVersion; }
}

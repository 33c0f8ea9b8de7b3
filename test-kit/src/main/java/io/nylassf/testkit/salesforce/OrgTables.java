package io.nylassf.testkit.salesforce;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The org's sObject schemas and their tables, found by object name (any case) or by the key prefix of a record
 * id. Unknown names and ids fail with the error bodies Salesforce sends. Guarded by the org lock.
 */
final class OrgTables {
    private final Map<String, SObjectSchema> schemas;
    private final Map<String, Table> byName = new HashMap<>();
    private final Map<String, Table> byPrefix = new HashMap<>();

    OrgTables(Map<String, SObjectSchema> schemas) {
        this.schemas = schemas;
        for (SObjectSchema s : schemas.values()) {
            Table t = new Table(s);
            byName.put(s.name().toLowerCase(Locale.ROOT), t);
            byPrefix.put(s.keyPrefix(), t);
        }
    }

    Table table(String sobject) {
        Table t = sobject == null ? null : byName.get(sobject.toLowerCase(Locale.ROOT));
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

    Collection<SObjectSchema> schemas() {
        return List.copyOf(schemas.values());
    }

    Collection<Table> tables() {
        return byName.values();
    }
}

package io.nylassf.testkit.salesforce;

import io.nylassf.testkit.salesforce.Org.DuplicateRule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The org's active duplicate rules and the check a create runs against them: a match blocks the save with
 * {@code DUPLICATES_DETECTED} and a {@code duplicateResult} body shaped like Salesforce's. Guarded by the org
 * lock.
 */
final class DuplicateRules {
    private final List<DuplicateRule> rules = new ArrayList<>();
    private final OrgTables tables;
    private final RecordJson json;

    DuplicateRules(OrgTables tables, RecordJson json) {
        this.tables = tables;
        this.json = json;
    }

    void add(SObjectSchema s, String field, String... matchAgainst) {
        rules.add(new DuplicateRule(s.name(), s.field(field).name(),
                List.of(matchAgainst.length == 0 ? new String[] {s.name()} : matchAgainst),
                "Standard_" + s.name() + "_Duplicate_Rule"));
    }

    void clear() {
        rules.clear();
    }

    List<DuplicateRule> list() {
        return List.copyOf(rules);
    }

    /** Fails with DUPLICATES_DETECTED when the new row matches a live row under any rule for its object. */
    void check(SObjectSchema s, Map<String, Object> row) {
        for (DuplicateRule rule : rules) {
            Object v = rule.sobject().equals(s.name()) ? row.get(rule.field()) : null;
            if (v == null) {
                continue;
            }
            List<Map<String, Object>> matchResults = new ArrayList<>();
            for (String other : rule.matchAgainst()) {
                Table t = tables.table(other);
                Set<String> found = t.schema.field(rule.field()) == null ? Set.of() : new LinkedHashSet<>(t.lookup(rule.field(), String.valueOf(v)));
                if (!found.isEmpty()) {
                    matchResults.add(matchResult(t.schema, found));
                }
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

    private Map<String, Object> matchResult(SObjectSchema matched, Set<String> ids) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (String id : ids) {
            Map<String, Object> rec = new LinkedHashMap<>();
            rec.put("attributes", json.attributes(matched.name(), id));
            rec.put("Id", id);
            records.add(Map.of("additionalInformation", List.of(), "fieldDiffs", List.of(),
                    "matchConfidence", 100.0, "record", rec));
        }
        Map<String, Object> mr = new LinkedHashMap<>();
        mr.put("entityType", matched.name());
        mr.put("errors", List.of());
        mr.put("matchEngine", "ExactMatchEngine");
        mr.put("matchRecords", records);
        mr.put("rule", "Standard_" + matched.name() + "_Match_Rule_v1_1");
        mr.put("size", records.size());
        mr.put("success", true);
        return mr;
    }
}

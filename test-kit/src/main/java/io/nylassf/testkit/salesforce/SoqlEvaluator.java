package io.nylassf.testkit.salesforce;

import io.nylassf.testkit.salesforce.SoqlQuery.Order;
import io.nylassf.testkit.salesforce.SoqlQuery.Path;
import io.nylassf.testkit.salesforce.SoqlQuery.TypeOf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a parsed query over an org's rows (caller holds the org lock) and projects REST-shaped records. */
final class SoqlEvaluator {
    private SoqlEvaluator() {}

    static Org.QueryResult run(SoqlQuery q, Org org, boolean includeDeleted) {
        Table table = org.table(q.from().name());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : table.rows.values()) {
            if ((includeDeleted || !Boolean.TRUE.equals(row.get("IsDeleted"))) && (q.where() == null || q.where().test(row, org))) {
                rows.add(row);
            }
        }
        if (!q.orderBy().isEmpty()) {
            rows.sort(comparator(q.orderBy(), org));
        }
        int from = q.offset() == null ? 0 : Math.min(q.offset(), rows.size());
        int to = q.limit() == null ? rows.size() : Math.min(rows.size(), from + q.limit());
        List<Map<String, Object>> page = rows.subList(from, to);
        if (q.count()) {
            return new Org.QueryResult(page.size(), List.of());
        }
        List<Map<String, Object>> out = new ArrayList<>(page.size());
        for (Map<String, Object> row : page) {
            out.add(project(q, row, org));
        }
        return new Org.QueryResult(out.size(), out);
    }

    private static Map<String, Object> project(SoqlQuery q, Map<String, Object> row, Org org) {
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("attributes", org.attributes(q.from().name(), (String) row.get("Id")));
        for (Path p : q.select()) {
            if (!p.isRelationship()) {
                rec.put(p.field(), FieldValues.toJson(row.get(p.field())));
                continue;
            }
            String id = (String) row.get(p.reference().name());
            Map<String, Object> target = id == null ? null : org.findRow(id);
            if (target == null) {
                rec.put(p.relationship(), null);
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> nested = (Map<String, Object>) rec.computeIfAbsent(p.relationship(), k -> {
                Map<String, Object> m = new LinkedHashMap<>();
                Map<String, Object> attributes = new LinkedHashMap<>(org.attributes(org.schemaForId(id).name(), id));
                if (p.viaName()) {
                    attributes.put("type", NameEntity.NAME);
                }
                m.put("attributes", attributes);
                return m;
            });
            nested.put(p.field(), FieldValues.toJson(p.value(row, org)));
        }
        for (TypeOf t : q.typeOfs()) {
            String id = (String) row.get(t.reference().name());
            Map<String, Object> target = id == null ? null : org.findRow(id);
            if (target == null) {
                rec.put(t.relationship(), null);
                continue;
            }
            SObjectSchema ts = org.schemaForId(id);
            Map<String, Object> nested = new LinkedHashMap<>();
            nested.put("attributes", org.attributes(ts.name(), id));
            List<String> fields = t.whens().get(ts.name().toLowerCase(java.util.Locale.ROOT));
            if (fields != null) {
                fields.forEach(f -> nested.put(f, FieldValues.toJson(target.get(f))));
            } else {
                t.elseFields().forEach(f -> nested.put(f, FieldValues.toJson(NameEntity.value(ts, target, f))));
            }
            rec.put(t.relationship(), nested);
        }
        return rec;
    }

    private static Comparator<Map<String, Object>> comparator(List<Order> orders, Org org) {
        return (a, b) -> {
            for (Order o : orders) {
                Object va = o.path().value(a, org);
                Object vb = o.path().value(b, org);
                int c;
                if (va == null || vb == null) {
                    c = va == vb ? 0 : (va == null) == o.nullsFirst() ? -1 : 1;
                } else {
                    c = compare(va, vb);
                    c = o.ascending() ? c : -c;
                }
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    static boolean compareEq(Object value, Object literal) {
        if (value == null || literal == null) {
            return value == literal;
        }
        return compare(value, literal) == 0;
    }

    /** Ordering comparison for <, >, <=, >=; null when either side is null (never matches). */
    static Integer compareRange(Object value, Object literal) {
        return value == null || literal == null ? null : compare(value, literal);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a instanceof String sa && b instanceof String sb) {
            return sa.compareToIgnoreCase(sb);
        }
        if (a instanceof Number na && b instanceof Number nb) {
            return Double.compare(na.doubleValue(), nb.doubleValue());
        }
        if (a instanceof Comparable ca && a.getClass() == b.getClass()) {
            return ca.compareTo(b);
        }
        return String.valueOf(a).compareToIgnoreCase(String.valueOf(b));
    }
}

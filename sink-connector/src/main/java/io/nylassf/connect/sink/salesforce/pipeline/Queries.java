package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.common.salesforce.Soql;
import io.nylassf.connect.sink.salesforce.write.QueryBatch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Adds SOQL lookups to a {@link QueryBatch}, each statement as large as the URL allows (so a batch of 10,000
 * records needs a dozen queries, two or three Composite calls), conditions on several fields of one object in
 * one statement where they fit.
 */
final class Queries {
    private Queries() {
    }

    /** {@code SELECT select FROM sobject WHERE [extra AND] field IN (...)}, split to fit the URL. */
    static void in(QueryBatch q, String key, List<String> select, String sobject, String field,
                   Collection<String> values, String extraCondition) {
        anyOf(q, key, select, sobject, Map.of(field, values), List.of(), extraCondition);
    }

    /**
     * {@code SELECT ... WHERE [extra AND] (f1 IN (...) OR f2 IN (...) OR c1 OR ...)}: records matching any of the
     * IN lists or the other {@code conditions}, as few statements as fit the URL (each list split when alone it
     * does not).
     */
    static void anyOf(QueryBatch q, String key, List<String> select, String sobject,
                      Map<String, ? extends Collection<String>> inLists, List<String> conditions,
                      String extraCondition) {
        String prefix = "SELECT " + String.join(", ", select) + " FROM " + sobject + " WHERE "
                + (extraCondition == null ? "" : extraCondition + " AND ");
        String open = extraCondition == null ? "" : "(";
        String close = extraCondition == null ? "" : ")";
        int room = Soql.MAX_ENCODED_QUERY_BYTES - Soql.encodedLength(prefix + open + close);
        List<String> parts = new ArrayList<>(conditions);
        inLists.forEach((field, values) -> {
            if (!values.isEmpty()) {
                parts.addAll(Soql.inClausesForUrl(field, values, room));
            }
        });
        for (String group : Soql.orGroupsForUrl(parts, room)) {
            q.add(key, prefix + open + group + close);
        }
    }
}

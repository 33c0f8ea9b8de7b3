package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.common.salesforce.SalesforceClient;
import io.nylassf.connect.common.salesforce.Soql;
import io.nylassf.connect.sink.salesforce.write.QueryBatch;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lookups on two fields of one object share a statement while it fits the URL, and split when it does not. */
class QueriesTest {
    static List<String> statements(QueryBatch q) {
        return q.statements();
    }

    static Map<String, List<String>> lists(List<String> ids, List<String> emails) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("Nylas_Contact_Id__c", ids);
        m.put("Email", emails);
        return m;
    }

    @Test
    void byExternalIdOrEmailInOneStatement() {
        QueryBatch q = new QueryBatch((SalesforceClient) null);
        Queries.anyOf(q, "Lead", List.of("Id", "Email"), "Lead", lists(List.of("c-1", "c-2"),
                List.of("a@acme.com")), List.of(), "IsConverted = false");
        assertEquals(List.of("SELECT Id, Email FROM Lead WHERE IsConverted = false AND (Nylas_Contact_Id__c IN "
                + "('c-1','c-2') OR Email IN ('a@acme.com'))"), statements(q));
    }

    @Test
    void largeListsSplitWithinTheUrlLimit() {
        List<String> ids = IntStream.range(0, 3000).mapToObj(i -> "nylas-contact-" + i).toList();
        List<String> emails = IntStream.range(0, 3000).mapToObj(i -> "person" + i + "@example.com").toList();
        QueryBatch q = new QueryBatch((SalesforceClient) null);
        Queries.anyOf(q, "Contact", List.of("Id", "Email"), "Contact", lists(ids, emails), List.of(),
                "IsConverted = false");
        List<String> all = statements(q);
        assertTrue(all.size() > 2, "split: " + all.size());
        for (String s : all) {
            assertTrue(Soql.encodedLength(s) <= Soql.MAX_ENCODED_QUERY_BYTES, "within the URL limit");
            assertTrue(s.startsWith("SELECT Id, Email FROM Contact WHERE IsConverted = false AND ("), s);
            assertTrue(s.endsWith(")"));
        }
        List<String> joined = new ArrayList<>(all);
        ids.forEach(id -> assertTrue(joined.stream().anyMatch(s -> s.contains("'" + id + "'")), id));
        emails.forEach(e -> assertTrue(joined.stream().anyMatch(s -> s.contains("'" + e + "'")), e));
    }
}

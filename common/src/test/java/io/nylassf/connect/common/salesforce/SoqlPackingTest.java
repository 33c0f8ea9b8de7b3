package io.nylassf.connect.common.salesforce;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** IN lists and OR groups packed as large as the URI limit allows, never larger. */
class SoqlPackingTest {
    static List<String> values(int n, String prefix) {
        List<String> v = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            v.add(prefix + i);
        }
        return v;
    }

    @Test
    void inClausesFillTheEncodedBudgetAndCoverEveryValueOnce() {
        List<String> ids = values(10_000, "m-");
        String prefix = "SELECT Id FROM Task WHERE ";
        int room = Soql.MAX_ENCODED_QUERY_BYTES - Soql.encodedLength(prefix);
        List<String> clauses = Soql.inClausesForUrl("Nylas_Message_Id__c", ids, room);
        int covered = 0;
        for (String c : clauses) {
            int bytes = Soql.encodedLength(prefix + c);
            assertTrue(bytes <= Soql.MAX_ENCODED_QUERY_BYTES, "encoded " + bytes);
            covered += c.split(",").length;
        }
        assertEquals(10_000, covered);
        // ~1,000 short IDs a query, where the old 4,000-character WHERE budget allowed ~400
        assertTrue(clauses.size() <= 11, clauses.size() + " queries");
        for (int i = 0; i < clauses.size() - 1; i++) {
            assertTrue(Soql.encodedLength(prefix + clauses.get(i)) > Soql.MAX_ENCODED_QUERY_BYTES - 20,
                    "every clause but the last is full");
        }
    }

    @Test
    void encodingCostsAreCountedAndOverlongStringsLeftOut() {
        assertEquals(3, Soql.encodedLength(" "));
        assertEquals(3, Soql.encodedLength("'"));
        assertEquals(6, Soql.encodedLength("é"));
        List<String> v = new ArrayList<>(values(300, "o'brien+é@x.com-"));
        v.add("x".repeat(Soql.MAX_STRING_CHARS + 1));
        List<String> clauses = Soql.inClausesForUrl("Email", v, 2_000);
        clauses.forEach(c -> assertTrue(Soql.encodedLength(c) <= 2_000, c));
        assertEquals(300, clauses.stream().mapToInt(c -> c.split("',").length).sum());
        List<String> groups = Soql.orGroupsForUrl(values(500, "Website LIKE '%d"), 1_000);
        groups.forEach(g -> assertTrue(Soql.encodedLength(g) <= 1_000));
        assertEquals(500, groups.stream().mapToInt(g -> g.split(" OR ").length).sum());
    }
}

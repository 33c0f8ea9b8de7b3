package io.nylassf.testkit.salesforce;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SalesforceIdsTest {
    @Test
    void knownChecksum() {
        assertEquals("001A0000006Vm9rIAC", SalesforceIds.to18("001A0000006Vm9r"));
        assertEquals("001A0000006Vm9rIAC", SalesforceIds.normalize("001A0000006Vm9r"));
    }

    @Test
    void eighteenCharIdsAreCaseInsensitive() {
        assertEquals("001A0000006Vm9rIAC", SalesforceIds.normalize("001a0000006vm9riac"));
        assertEquals("001A0000006Vm9rIAC", SalesforceIds.normalize("001A0000006VM9RIAC"));
    }

    @Test
    void malformedIds() {
        assertNull(SalesforceIds.normalize("001A0000006Vm9"));
        assertNull(SalesforceIds.normalize("001A0000006Vm9r-AC"));
        assertNull(SalesforceIds.normalize("001A0000006Vm9rIA5"), "suffix sets a case bit on a digit");
        assertNull(SalesforceIds.normalize(null));
    }

    @Test
    void generatedIdsAreUniqueValidAndMixedCase() {
        SalesforceIds ids = new SalesforceIds();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            String id = ids.next("003");
            assertEquals(18, id.length());
            assertEquals(id, SalesforceIds.normalize(id.substring(0, 15)));
            assertTrue(seen.add(id));
        }
    }
}

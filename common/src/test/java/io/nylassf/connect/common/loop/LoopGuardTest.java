package io.nylassf.connect.common.loop;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoopGuardTest {
    @Test
    void tagsAndParsesSalesforceIds() {
        assertEquals("sf:00T5g00000AbCdEFGH", LoopGuard.tag("00T5g00000AbCdEFGH"));
        assertEquals(Optional.of("00T5g00000AbCdE"), LoopGuard.parse(" sf:00T5g00000AbCdE "));
        assertEquals(Optional.empty(), LoopGuard.parse("sf:not-an-id"));
        assertEquals(Optional.empty(), LoopGuard.parse("00T5g00000AbCdE"));
        assertThrows(IllegalArgumentException.class, () -> LoopGuard.tag("abc"));
    }

    @Test
    void findsTheTagInMetadataOnly() {
        assertEquals(Optional.of("00U5g00000XyZaBCDE"), LoopGuard.find(Map.of("key1", "sf:00U5g00000XyZaBCDE")));
        assertEquals(Optional.empty(), LoopGuard.find(Map.of("key2", "sf:00T5g00000AbCdEFGH")));
        assertEquals(Optional.empty(), LoopGuard.find(null));
    }

    @Test
    void recognisesOurClientInChangeOrigin() {
        assertTrue(LoopGuard.isOwnChangeOrigin("com/salesforce/api/rest/62.0;client=nylas-kafka-sync",
                "nylas-kafka-sync"));
        assertFalse(LoopGuard.isOwnChangeOrigin("com/salesforce/api/rest/62.0;client=nylas-kafka-sync-2",
                "nylas-kafka-sync"));
        assertFalse(LoopGuard.isOwnChangeOrigin("com/salesforce/api/soap/62.0", "nylas-kafka-sync"));
        assertFalse(LoopGuard.isOwnChangeOrigin(null, "x"));
    }
}

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

    @Test
    void aChangeWithinTheSlackOfOurOwnWriteIsItsEcho() {
        Map<String, String> written = Map.of("key1", "sf:00U5g00000XyZaBCDE", LoopGuard.SYNCED_AT_KEY, "1000");
        assertFalse(LoopGuard.changedSinceOwnWrite(written, 1000L));
        assertFalse(LoopGuard.changedSinceOwnWrite(written, 1000L + LoopGuard.OWN_WRITE_SLACK_S));
        assertTrue(LoopGuard.changedSinceOwnWrite(written, 1001L + LoopGuard.OWN_WRITE_SLACK_S));
        // never stamped by us, or a stamp that is not a number: a person's change
        assertTrue(LoopGuard.changedSinceOwnWrite(Map.of(), 1000L));
        assertTrue(LoopGuard.changedSinceOwnWrite(Map.of(LoopGuard.SYNCED_AT_KEY, "soon"), 1000L));
        // no updated_at to compare: nothing says it changed
        assertFalse(LoopGuard.changedSinceOwnWrite(written, null));
    }
}

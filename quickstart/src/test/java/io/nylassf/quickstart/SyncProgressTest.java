package io.nylassf.quickstart;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quickstart waits for data on a sink's input topics, but not on the grant status topic. */
class SyncProgressTest {
    private static final List<String> SALESFORCE_SINK_TOPICS =
            List.of("nylas.contacts", "nylas.messages", "nylas.events", "nylas.grants");

    @Test
    void anEmptyGrantStatusTopicIsNotWaitedFor() {
        // no grant changed state, so nylas.grants is empty: the sink is still fed
        assertTrue(SyncProgress.inputsPresent(SALESFORCE_SINK_TOPICS,
                Map.of("nylas.contacts", 40L, "nylas.messages", 200L, "nylas.events", 10L)));
    }

    @Test
    void anEmptyDataTopicIsWaitedFor() {
        assertFalse(SyncProgress.inputsPresent(SALESFORCE_SINK_TOPICS,
                Map.of("nylas.contacts", 40L, "nylas.messages", 200L, "nylas.grants", 2L)));
    }
}

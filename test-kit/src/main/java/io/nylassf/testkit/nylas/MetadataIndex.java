package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;

/**
 * The metadata search index ({@code metadata_pair} filters) and its lag. Nylas does not document how soon a
 * written object becomes findable by its metadata; with a lag set, an object written (created or updated) less
 * than that long ago on the emulator clock is not found by a {@code metadata_pair} search, while reads by id
 * and by time still see it. Zero (the default) means found at once.
 */
final class MetadataIndex {
    private final Clock clock;
    private volatile long lagMs;

    MetadataIndex(Clock clock) {
        this.clock = clock;
    }

    void lag(Duration lag) {
        this.lagMs = lag.toMillis();
    }

    /** Whether the index has caught up with this object's last write. */
    boolean indexed(ObjectNode o) {
        long lag = lagMs;
        if (lag <= 0) {
            return true;
        }
        long writtenS = o.path("updated_at").asLong(o.path("created_at").asLong(0));
        return writtenS * 1000 <= clock.millis() - lag;
    }
}

package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.config.ConfigDefBuilder;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

import java.time.Duration;

/**
 * The Salesforce sink's "Lookup cache" group: what each task remembers of the records it wrote or read, to
 * spare queries.
 * A config fragment: {@link #addTo} defines the settings, the accessors read them from any config built on that
 * definition.
 */
public final class LookupCacheConfig {
    public static final String GROUP = "Lookup cache";
    public static final String LOOKUP_CACHE_MAX_ENTRIES = "salesforce.lookup.cache.max.entries";
    public static final String LOOKUP_CACHE_TTL_MS = "salesforce.lookup.cache.ttl.ms";

    private LookupCacheConfig() {
    }

    public static ConfigDefBuilder addTo(ConfigDefBuilder builder) {
        return builder.group(GROUP)
                .define(LOOKUP_CACHE_MAX_ENTRIES, Type.INT, 100_000, Range.between(0, 10_000_000), Importance.LOW)
                .define(LOOKUP_CACHE_TTL_MS, Type.LONG, 3_600_000L, Range.between(0L, 86_400_000L), Importance.LOW);
    }

    /** Entries of the per-task lookup cache; 0 when it is off. */
    public static int lookupCacheMaxEntries(AbstractConfig c) {
        return c.getInt(LOOKUP_CACHE_MAX_ENTRIES);
    }

    public static Duration lookupCacheTtl(AbstractConfig c) {
        return Duration.ofMillis(c.getLong(LOOKUP_CACHE_TTL_MS));
    }
}

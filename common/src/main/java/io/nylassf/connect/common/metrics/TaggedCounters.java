package io.nylassf.connect.common.metrics;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts split by one tag (an API call's kind, a dead letter's reason, a grant), each value published as its own
 * metric the first time it is seen. The number of values is bounded: past {@code maxValues}, counts go to the
 * value {@value #OTHER}, so a task with 10,000 grants publishes at most {@code maxValues + 1} metrics.
 */
public final class TaggedCounters {
    public static final String OTHER = "other";

    private final PluginMetricSet set;
    private final String name;
    private final String description;
    private final String tag;
    private final int maxValues;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();

    TaggedCounters(PluginMetricSet set, String name, String description, String tag, int maxValues) {
        if (maxValues < 1) {
            throw new IllegalArgumentException("maxValues must be positive");
        }
        this.set = set;
        this.name = name;
        this.description = description;
        this.tag = tag;
        this.maxValues = maxValues;
    }

    public void increment(String value) {
        add(value, 1);
    }

    public void add(String value, long n) {
        if (n == 0) {
            return;
        }
        counter(normalize(value)).add(n);
        total.add(n);
    }

    /** The count of one value (0 when never seen; values past the bound are counted under {@value #OTHER}). */
    public long count(String value) {
        LongAdder c = counts.get(normalize(value));
        return c == null ? 0 : c.sum();
    }

    public long total() {
        return total.sum();
    }

    private LongAdder counter(String value) {
        LongAdder c = counts.get(value);
        if (c != null) {
            return c;
        }
        synchronized (counts) {
            c = counts.get(value);
            if (c != null) {
                return c;
            }
            String key = counts.size() < maxValues || OTHER.equals(value) ? value : OTHER;
            c = counts.get(key);
            if (c == null) {
                LongAdder created = new LongAdder();
                counts.put(key, created);
                set.gauge(name, description, Map.of(tag, key), created::sum);
                c = created;
            }
            return c;
        }
    }

    /** Tag values as JMX and most reporters accept them: lower case, no separators or quotes. */
    static String normalize(String value) {
        if (value == null || value.isBlank()) {
            return "unknown";
        }
        String v = value.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        return v.length() > 64 ? v.substring(0, 64) : v;
    }
}

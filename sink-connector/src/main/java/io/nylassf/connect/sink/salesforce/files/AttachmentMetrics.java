package io.nylassf.connect.sink.salesforce.files;

import io.nylassf.connect.common.metrics.NamedCount;
import io.nylassf.connect.common.metrics.PluginMetricSet;
import io.nylassf.connect.common.metrics.TaggedCounters;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Attachments copied as Salesforce Files ({@code files-attached-total}) and the ones that were not, by reason
 * ({@code attachments-skipped-total}, tag {@code reason}: inline, too-large, content-type, not-found, budget,
 * rejected). Counted before publication too, so tests can read them.
 */
public final class AttachmentMetrics {
    final NamedCount attached = new NamedCount("files-attached-total",
            "Email attachments copied to Salesforce as Files");
    private final Map<String, LongAdder> skipped = new ConcurrentHashMap<>();
    private volatile TaggedCounters published;

    public void publish(PluginMetricSet set) {
        TaggedCounters counters = set.counters("attachments-skipped-total",
                "Email attachments not copied to Salesforce, by reason", "reason", 10);
        set.gauge("attachments-skipped-total", "Email attachments not copied to Salesforce", counters::total);
        set.gauges(attached);
        skipped.forEach((reason, n) -> counters.add(reason, n.sum()));
        published = counters;
    }

    public void attached(long n) {
        attached.addAndGet(n);
    }

    public void skipped(AttachmentRules.Skip why, long n) {
        skipped.computeIfAbsent(why.tag(), k -> new LongAdder()).add(n);
        TaggedCounters c = published;
        if (c != null) {
            c.add(why.tag(), n);
        }
    }

    public long attached() {
        return attached.get();
    }

    public long skipped(AttachmentRules.Skip why) {
        LongAdder n = skipped.get(why.tag());
        return n == null ? 0 : n.sum();
    }
}

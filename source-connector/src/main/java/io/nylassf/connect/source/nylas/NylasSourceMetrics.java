package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.metrics.FlowMetrics;
import io.nylassf.connect.common.metrics.PluginMetricSet;
import io.nylassf.connect.common.metrics.TaggedCounters;
import io.nylassf.connect.common.schema.NylasSchemas;
import io.nylassf.connect.source.nylas.mail.MailPolicy;
import io.nylassf.connect.source.nylas.offset.StreamPartition;
import io.nylassf.connect.source.nylas.read.ReadScheduler;
import io.nylassf.connect.source.nylas.read.BackstopPace;
import io.nylassf.connect.source.nylas.webhook.WebhookHealth;
import io.nylassf.connect.source.nylas.webhook.WebhookIntake;
import io.nylassf.connect.source.nylas.webhook.WebhookServer;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

import java.util.Arrays;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One task's counters, published as Connect plugin metrics ({@code kafka.connect:type=plugins,connector=<name>,
 * task=<n>}; names in docs/operations.md). Fed by the read scheduler, the webhook endpoint and the task's commits.
 */
public final class NylasSourceMetrics implements ReadScheduler.Listener, WebhookServer.Listener, AutoCloseable {
    private static final int WINDOW = 4096;
    /** Per-grant counts for at most this many grants per task; the rest are counted together as "other". */
    static final int MAX_GRANT_TAGS = 100;

    private final FlowMetrics flow = new FlowMetrics();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicate = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong unlisted = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final Set<String> paused = ConcurrentHashMap.newKeySet();
    private final long[] latencies = new long[WINDOW];
    private long latencyCount;
    private volatile WebhookIntake intake;
    private PluginMetricSet published = PluginMetricSet.none();
    private volatile TaggedCounters byGrant;

    private volatile MailPolicy mail = MailPolicy.NONE;

    /** Counts the messages left out for their folder, and the folder lists read to tell. */
    public void watch(MailPolicy policy) {
        this.mail = policy;
    }

    public NylasSourceMetrics publish(PluginMetricSet set) {
        published = set;
        flow.publish(set, "Records read from Nylas by windowed reads", "Records written to Kafka and acknowledged",
                "Windowed reads that failed transiently and were tried again after a backoff");
        byGrant = set.counters("grant-records-out-total", "Records written to Kafka, by grant (at most "
                + MAX_GRANT_TAGS + " grants per task, the rest as 'other')", "grant", MAX_GRANT_TAGS);
        set.gauge("webhooks-accepted-total", "Webhook notifications verified and accepted", accepted::get);
        set.gauge("messages-skipped-folder-total", "Messages left out for their folder (messages.skip.folders: "
                + "spam, trash, drafts...), never sent to Kafka", () -> {
            MailPolicy m = mail;
            return m.folders() == null ? 0 : m.folders().skipped();
        });
        set.gauge("folder-list-reads-total", "Grant folder lists read (GET /folders) to tell which folders to "
                + "skip", () -> {
            MailPolicy m = mail;
            return m.folders() == null ? 0 : m.folders().listReads();
        });
        set.gauge("webhooks-duplicate-total", "Webhook notifications seen before, acknowledged and dropped",
                duplicate::get);
        set.gauge("webhooks-rejected-total", "Webhook requests refused (forged, unsigned, malformed, oversized, "
                + "or no room)", rejected::get);
        set.gauge("webhooks-unlisted-grant-total", "Notifications for grants outside nylas.grant.ids, dropped",
                unlisted::get);
        set.gauge("webhook-intake-records", "Records from notifications held now", () -> {
            WebhookIntake i = intake;
            return i == null ? 0 : i.heldRecords();
        });
        set.gauge("webhook-intake-bytes", "Notification bytes held now", () -> {
            WebhookIntake i = intake;
            return i == null ? 0 : i.heldBytes();
        });
        set.gauge("grants-paused", "Grants whose reads are paused (expired, or backing off)", paused::size);
        set.gauge("webhook-misses-total", "Changes a windowed read found that no notification announced (counted "
                + "by the task hosting the endpoint)", misses::get);
        set.gauge("webhook-ack-p50-us", "Median webhook POST to 200, over the last " + WINDOW + " notifications",
                () -> percentile(0.50));
        set.gauge("webhook-ack-p99-us", "99th percentile webhook POST to 200, over the last " + WINDOW
                + " notifications", () -> percentile(0.99));
        return this;
    }

    /** The intake whose held records and bytes are reported. */
    /** Publishes whether webhooks are trusted and the backstop's wait in force. */
    public void watch(WebhookHealth health, BackstopPace windows) {
        if (published.published()) {
            published.gauge("webhooks-healthy", "1 while windowed reads run at the backstop interval (webhooks "
                    + "trusted), 0 while at poll.interval.ms", () -> health.healthy() ? 1 : 0);
            published.gauge("backstop-interval-ms", "The wait between a grant's windowed reads in force (before "
                    + "the idle doubling and the jitter)", windows::currentMs);
        }
    }

    public void missed(long n) {
        misses.addAndGet(n);
    }

    public void watch(WebhookIntake intake) {
        this.intake = intake;
    }

    /** A record Kafka acknowledged: counted, by grant, and its modification time taken for the lag. */
    public void acknowledged(SourceRecord record) {
        flow.out(1);
        TaggedCounters grants = byGrant;
        if (grants != null && record.sourcePartition() != null
                && record.sourcePartition().get(StreamPartition.GRANT) instanceof String grant) {
            grants.increment(grant);
        }
        if (record.value() instanceof Struct s && s.schema().field(NylasSchemas.MODIFIED_AT) != null
                && s.get(NylasSchemas.MODIFIED_AT) instanceof Date d) {
            flow.sourceTime(d.getTime());
        }
    }

    @Override
    public void grantPaused(String grantId) {
        paused.add(grantId);
    }

    @Override
    public void grantResumed(String grantId) {
        paused.remove(grantId);
    }

    @Override
    public void recordsRead(int n) {
        flow.in(n);
    }

    @Override
    public void readRetried() {
        flow.retried();
    }

    @Override
    public void accepted() {
        accepted.incrementAndGet();
    }

    @Override
    public void duplicate() {
        duplicate.incrementAndGet();
    }

    @Override
    public void rejected(int status) {
        rejected.incrementAndGet();
    }

    @Override
    public void unlisted() {
        unlisted.incrementAndGet();
    }

    @Override
    public synchronized void latency(long nanos) {
        latencies[(int) (latencyCount++ % WINDOW)] = nanos;
    }

    /** The percentile {@code p} of the recent webhook acknowledgement times, in microseconds; -1 before any. */
    private synchronized long percentile(double p) {
        int n = (int) Math.min(latencyCount, WINDOW);
        if (n == 0) {
            return -1;
        }
        long[] copy = Arrays.copyOf(latencies, n);
        Arrays.sort(copy);
        return copy[Math.min(n - 1, (int) Math.ceil(p * n) - 1)] / 1000;
    }

    @Override
    public void close() {
        published.close();
    }
}

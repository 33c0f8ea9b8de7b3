package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.metrics.DeadLetterMetrics;
import io.nylassf.connect.common.metrics.DriftMetrics;
import io.nylassf.connect.common.metrics.FlowMetrics;
import io.nylassf.connect.common.metrics.NamedCount;
import io.nylassf.connect.common.metrics.PluginMetricSet;
import io.nylassf.connect.common.salesforce.ApiBudget;
import io.nylassf.connect.common.salesforce.ApiBudgetMetrics;
import io.nylassf.connect.common.salesforce.SalesforceClient;

import java.time.Instant;

/**
 * One task's counters, published as Connect plugin metrics ({@code kafka.connect:type=plugins,connector=<name>,
 * task=<n>}; names in docs/operations.md). Every record that is not written is counted somewhere: skipped,
 * conflict or DLQ.
 */
public final class SinkMetrics implements AutoCloseable {
    final FlowMetrics flow = new FlowMetrics();
    final NamedCount created = new NamedCount("records-created-total", "Salesforce records created");
    final NamedCount updated = new NamedCount("records-updated-total", "Salesforce records updated");
    final NamedCount linked = new NamedCount("records-linked-total",
            "Records linked to a Salesforce record that already stood for them");
    final NamedCount skipped = new NamedCount("records-skipped-total",
            "Records needing no write (no change, older than what is stored)");
    final NamedCount conflicts = new NamedCount("conflicts-resolved-total",
            "Records where Salesforce held a newer edit and kept it");
    final NamedCount ownerFallbacks = new NamedCount("owner-fallbacks-total",
            "Records created for the integration user because no active User owns their grant");
    final NamedCount batches = new NamedCount("batches-written-total", "Batches whose writes ended");
    final NamedCount buffered = new NamedCount("records-buffered", "Records lingering for a batch");
    final NamedCount inFlight = new NamedCount("batches-in-flight", "Batches being written");
    final NamedCount lingerMs = new NamedCount("linger-ms",
            "The linger in force (it stretches when the API budget is tight)");
    /** Attachments copied as Files and skipped (salesforce.attachments.enabled). */
    public final io.nylassf.connect.sink.salesforce.files.AttachmentMetrics attachments =
            new io.nylassf.connect.sink.salesforce.files.AttachmentMetrics();
    private PluginMetricSet published = PluginMetricSet.none();
    private final DeadLetterMetrics deadLetters = new DeadLetterMetrics();
    private final DriftMetrics drift = new DriftMetrics();

    /** Publishes the counters, and the org's API budget as {@code limits} reports it, through {@code set}. */
    public SinkMetrics publish(PluginMetricSet set, SalesforceClient client, ApiBudget budget) {
        published = set;
        flow.publish(set, "Records handed to the task by Connect",
                "Records written to Salesforce (created, updated or linked)",
                "Batches held back by a transient failure and written again");
        deadLetters.publish(set);
        drift.publish(set);
        set.gauges(created, updated, linked, skipped, conflicts, ownerFallbacks, batches, buffered, inFlight, lingerMs);
        ApiBudgetMetrics.publish(set, client, budget);
        attachments.publish(set);
        return this;
    }

    /** A record reported to the dead-letter queue because of {@code failure}, counted by its reason. */
    public void deadLettered(String failure) {
        deadLetters.count(failure);
    }

    /** {@code n} records of {@code sobject} that a reconciliation found missing or different, written. */
    public void driftRepaired(String sobject, long n) {
        drift.repaired(sobject, n);
    }

    /** Adds what one step of a batch did (the pipeline's tally). */
    public void count(long created, long updated, long linked, long skipped, long conflicts) {
        this.created.addAndGet(created);
        this.updated.addAndGet(updated);
        this.linked.addAndGet(linked);
        this.skipped.addAndGet(skipped);
        this.conflicts.addAndGet(conflicts);
        flow.out(created + updated + linked);
    }

    public void ownerFallbacks(long n) {
        ownerFallbacks.addAndGet(n);
    }

    public long ownerFallbacks() {
        return ownerFallbacks.get();
    }

    public void sourceTime(Instant t) {
        if (t != null) {
            flow.sourceTime(t.toEpochMilli());
        }
    }

    public long getRetries() {
        return flow.retries();
    }

    @Override
    public void close() {
        published.close();
    }
}

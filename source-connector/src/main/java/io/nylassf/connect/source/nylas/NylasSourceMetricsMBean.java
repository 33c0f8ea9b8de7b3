package io.nylassf.connect.source.nylas;

/** JMX view of one Nylas source task: {@code io.nylassf.connect:type=nylas-source-task,connector=<name>,task=<n>}. */
public interface NylasSourceMetricsMBean {
    long getRecordsRead();

    long getRecordsAcknowledged();

    long getWebhooksAccepted();

    long getWebhooksDuplicate();

    long getWebhooksRejected();

    int getGrantsPaused();

    /** Now minus the source modified time of the last acknowledged record, in seconds (-1 before the first). */
    long getSyncLagSeconds();

    /** Median and 99th percentile of webhook POST → 200, in microseconds, over the last 4,096 notifications. */
    long getWebhookAckP50Micros();

    long getWebhookAckP99Micros();
}

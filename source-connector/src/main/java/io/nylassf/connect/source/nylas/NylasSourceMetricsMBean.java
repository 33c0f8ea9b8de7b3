package io.nylassf.connect.source.nylas;

/** JMX view of one Nylas source task: {@code io.nylassf.connect:type=nylas-source-task,connector=<name>,task=<n>}. */
public interface NylasSourceMetricsMBean {
    long getRecordsRead();

    long getRecordsAcknowledged();

    long getWebhooksAccepted();

    long getWebhooksDuplicate();

    long getWebhooksRejected();

    /** Notifications for grants outside nylas.grant.ids: acknowledged and dropped. */
    long getWebhooksUnlistedGrant();

    /** Records from notifications held now (bounded by webhook.intake.max.records). */
    int getWebhookIntakeRecords();

    /** Notification bytes held now (bounded by webhook.intake.max.bytes). */
    long getWebhookIntakeBytes();

    int getGrantsPaused();

    /** Now minus the source modified time of the last acknowledged record, in seconds (-1 before the first). */
    long getSyncLagSeconds();

    /** Median and 99th percentile of webhook POST → 200, in microseconds, over the last 4,096 notifications. */
    long getWebhookAckP50Micros();

    long getWebhookAckP99Micros();
}

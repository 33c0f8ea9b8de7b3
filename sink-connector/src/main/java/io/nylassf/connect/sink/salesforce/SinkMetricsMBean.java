package io.nylassf.connect.sink.salesforce;

/** JMX view of one Salesforce sink task. */
public interface SinkMetricsMBean {
    long getRecordsWritten();

    long getRecordsCreated();

    long getRecordsUpdated();

    long getRecordsLinked();

    long getRecordsSkipped();

    long getConflictsResolved();

    long getDlqRecords();

    long getApiCalls();

    long getApiRemaining();

    boolean isBudgetPaused();

    long getRetries();

    long getSyncLagMs();

    /** Batches whose writes ended (written, or their records dead-lettered). */
    long getBatchesWritten();

    /** Records lingering for a batch, not being written yet. */
    long getRecordsBuffered();

    long getBatchesInFlight();

    /** The linger in force (it stretches when the daily call budget is tight). */
    long getLingerMs();
}

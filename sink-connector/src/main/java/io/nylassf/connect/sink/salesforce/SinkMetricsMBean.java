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
}

package io.nylassf.connect.sink.nylas;

/** JMX view of one Nylas sink task. */
public interface NylasSinkMetricsMBean {
    /** Sends and calendar writes refused as not authorized (to the DLQ, or logged when there is none). */
    long getActionsNotAuthorized();

    /** Records reported to the dead-letter queue, refusals included. */
    long getDlqRecords();
}

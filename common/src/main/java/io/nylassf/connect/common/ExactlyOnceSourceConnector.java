package io.nylassf.connect.common;

import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

import java.util.Map;

/**
 * A source connector of this plugin: its version, and the exactly-once answers (KIP-618) both sources give.
 * Every record's offset is the position its row or object reaches, so records of an aborted transaction are simply
 * read again; transaction boundaries are left to Connect ({@code transaction.boundary=poll}, the default, or
 * interval).
 */
public abstract class ExactlyOnceSourceConnector extends SourceConnector {
    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    /** The tasks never define transaction boundaries. */
    @Override
    public ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> connectorConfig) {
        return ConnectorTransactionBoundaries.UNSUPPORTED;
    }
}

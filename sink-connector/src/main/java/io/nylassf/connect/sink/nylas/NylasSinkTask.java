package io.nylassf.connect.sink.nylas;

import io.nylassf.connect.common.Version;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.Map;

/** Turns one batch of Salesforce change records into Nylas sends and calendar writes. */
public class NylasSinkTask extends SinkTask {
    private static final Logger log = LoggerFactory.getLogger(NylasSinkTask.class);

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        new NylasSinkConnectorConfig(props);
        log.info("Nylas sink task started");
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        if (!records.isEmpty()) {
            log.debug("Received {} record(s)", records.size());
        }
    }

    @Override
    public void stop() {
        log.info("Nylas sink task stopped");
    }
}

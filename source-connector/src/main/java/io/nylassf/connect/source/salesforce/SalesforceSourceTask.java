package io.nylassf.connect.source.salesforce;

import io.nylassf.connect.common.Version;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Reads the SObjects assigned to it. */
public class SalesforceSourceTask extends SourceTask {
    private static final Logger log = LoggerFactory.getLogger(SalesforceSourceTask.class);

    private SalesforceSourceTaskConfig config;
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new SalesforceSourceTaskConfig(props);
        log.info("Salesforce source task owns objects {}", config.taskObjects());
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        stopped.await(Math.min(1_000, config.pollIntervalMs()), TimeUnit.MILLISECONDS);
        return null;
    }

    @Override
    public void stop() {
        stopped.countDown();
    }
}

package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.Version;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Reads the grants assigned to it. */
public class NylasSourceTask extends SourceTask {
    private static final Logger log = LoggerFactory.getLogger(NylasSourceTask.class);

    private NylasSourceTaskConfig config;
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new NylasSourceTaskConfig(props);
        log.info("Nylas source task owns grants {}", config.taskGrants());
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        // Block for at most one second so the worker can stop or commit in between.
        stopped.await(Math.min(1_000, config.pollIntervalMs()), TimeUnit.MILLISECONDS);
        return null;
    }

    @Override
    public void stop() {
        stopped.countDown();
    }
}

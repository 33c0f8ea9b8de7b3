package io.nylassf.connect.plugin.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.testkit.connect.ConnectClusterExtension;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.awaitility.Awaitility.await;

/** The sink connector on the embedded cluster, driven only through the REST API, and waits on its progress. */
final class ConnectorDriver {
    private static final Duration POLL = Duration.ofMillis(100);

    private final ConnectClusterExtension connect;
    final String name;
    final String topic;

    ConnectorDriver(ConnectClusterExtension connect, String name, String topic) {
        this.connect = connect;
        this.name = name;
        this.topic = topic;
    }

    void configure(Map<String, String> config) {
        connect.putConnector(name, config);
        connect.awaitRunning(name, 1);
    }

    /** {@code PUT /stop}, {@code DELETE /offsets} (retried while the group still has members), {@code PUT /resume}. */
    void resetOffsetsAndResume() {
        check(connect.rest().put("connectors/" + name + "/stop", null).ok(), "stop");
        connect.awaitState(name, "STOPPED", 0);
        ConnectClusterExtension.waitUntil("offsets of " + name + " reset", Duration.ofSeconds(60),
                () -> connect.rest().delete("connectors/" + name + "/offsets").ok());
        check(connect.rest().put("connectors/" + name + "/resume", null).ok(), "resume");
        connect.awaitRunning(name, 1);
    }

    void delete() {
        connect.rest().delete("connectors/" + name);
        connect.awaitDeleted(name);
    }

    /** The committed offset of partition 0, per {@code GET /connectors/{name}/offsets}; -1 when none. */
    long committedOffset() {
        for (JsonNode o : connect.offsets(name).path("offsets")) {
            if (topic.equals(o.path("partition").path("kafka_topic").asText())
                    && o.path("partition").path("kafka_partition").asInt() == 0) {
                return o.path("offset").path("kafka_offset").asLong(-1);
            }
        }
        return -1;
    }

    /** Waits (up to {@code timeout}) until the connector has committed everything up to {@code offset}. */
    boolean awaitCommitted(long offset, Duration timeout) {
        return waitFor(timeout, () -> committedOffset() >= offset);
    }

    long endOffset() {
        try {
            return connect.cluster().kafka().endOffset(new TopicPartition(topic, 0));
        } catch (Exception e) {
            throw new IllegalStateException("end offset of " + topic, e);
        }
    }

    /** Waits until the org's API call count has not moved for {@code quietMillis} (at most {@code timeout}). */
    static void awaitQuiet(SalesforceEmulator sf, long quietMillis, Duration timeout) {
        AtomicLong calls = new AtomicLong(sf.apiCallCount());
        try {
            await().during(Duration.ofMillis(quietMillis)).atMost(timeout).pollInterval(POLL).until(() -> {
                long now = sf.apiCallCount();
                return calls.getAndSet(now) == now;
            });
        } catch (ConditionTimeoutException stillBusy) {
            // a benchmark reports what it sees, it does not assert
        }
    }

    /** Polls every 100 ms; false (no failure) when the timeout passes: a benchmark reports, it does not assert. */
    static boolean waitFor(Duration timeout, BooleanSupplier condition) {
        try {
            await().atMost(timeout).pollInterval(POLL)
                    .ignoreExceptionsInstanceOf(RuntimeException.class) // a worker still starting; try again
                    .until(condition::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /** A pause with no condition to wait for (letting a full GC settle before reading the heap). */
    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what + " " + name + " refused");
        }
    }
}

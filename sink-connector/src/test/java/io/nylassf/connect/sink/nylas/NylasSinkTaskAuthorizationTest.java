package io.nylassf.connect.sink.nylas;

import io.nylassf.testkit.connect.InMemoryPluginMetrics;
import io.nylassf.testkit.nylas.NylasEmulator;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Refusals through the task: to the DLQ when there is one, logged and counted (never fatal) when there is none. */
class NylasSinkTaskAuthorizationTest {
    private static final String OTHER = "005000000000002AAA";
    private static NylasEmulator nylas;
    private static String grant;

    @BeforeAll
    static void start() {
        nylas = NylasEmulator.builder().rateLimitPerSecond(0).applicationRateLimitPerSecond(0).build().start();
        grant = nylas.createGrant("rep@example.com", "google");
    }

    @AfterAll
    static void stop() {
        nylas.close();
    }

    /** A SinkTaskContext with or without a DLQ, collecting what is reported. */
    static final class Context implements SinkTaskContext {
        final List<Throwable> dlq = new ArrayList<>();
        final boolean withDlq;
        final InMemoryPluginMetrics metrics = new InMemoryPluginMetrics("nylas-sink", 0);

        Context(boolean withDlq) {
            this.withDlq = withDlq;
        }

        @Override public Map<String, String> configs() { return Map.of(); }
        @Override public void offset(Map<TopicPartition, Long> offsets) { }
        @Override public void offset(TopicPartition tp, long offset) { }
        @Override public void timeout(long timeoutMs) { }
        @Override public Set<TopicPartition> assignment() { return Set.of(); }
        @Override public void pause(TopicPartition... partitions) { }
        @Override public void resume(TopicPartition... partitions) { }
        @Override public void requestCommit() { }
        @Override public PluginMetrics pluginMetrics() { return metrics.pluginMetrics(); }

        @Override
        public ErrantRecordReporter errantRecordReporter() {
            return withDlq ? (record, error) -> {
                dlq.add(error);
                return CompletableFuture.completedFuture(null);
            } : null;
        }
    }

    private static NylasSinkTask task(String name, Context ctx) {
        NylasSinkTask t = new NylasSinkTask();
        t.initialize(ctx);
        t.start(Map.of("name", name, "nylas.api.url", nylas.baseUrl(), "nylas.api.key", nylas.apiKey(),
                NylasSinkConnector.TASK_INDEX, "0"));
        return t;
    }

    /** A sendable Task owned by the rep (Changes.OWNER) but written by someone else, as schemaless JSON. */
    private static SinkRecord writtenByAnother(String id) {
        Map<String, Object> fields = new HashMap<>(Changes.sendableTask());
        fields.put("Owner.Email", "rep@example.com");
        fields.put("CreatedById", OTHER);
        fields.put("CreatedDate", java.time.Instant.now().toString());
        Map<String, Object> value = Map.of("sobject", "Task", "id", id, "change_type", "created",
                "system_modstamp", System.currentTimeMillis(), "owner_id", Changes.OWNER,
                "last_modified_by_id", OTHER, "own_change", false, "fields", fields);
        return new SinkRecord("salesforce.task", 0, null, id, null, value, 1);
    }

    private static long metric(Context ctx, String name) {
        return ((Number) ctx.metrics.value(name)).longValue();
    }

    @Test
    void aRefusalGoesToTheDlqAndIsCounted() throws Exception {
        Context ctx = new Context(true);
        NylasSinkTask t = task("authz-dlq", ctx);
        try {
            t.put(List.of(writtenByAnother("00T000000000001AAA")));
            assertEquals(1, ctx.dlq.size());
            assertTrue(ctx.dlq.get(0).getMessage().startsWith("not_authorized: Task 00T000000000001AAA was created by "
                    + OTHER), ctx.dlq.get(0).getMessage());
            assertEquals(1, metric(ctx, "actions-not-authorized-total"));
            assertEquals(1, ((Number) ctx.metrics.value("dlq-records-total", Map.of("reason", "not-authorized")))
                    .longValue());
            assertEquals(0, nylas.sendCount(grant));
        } finally {
            t.stop();
        }
    }

    @Test
    void withoutADlqARefusalIsLoggedAndCountedAndTheTaskGoesOn() throws Exception {
        Context ctx = new Context(false);
        NylasSinkTask t = task("authz-nodlq", ctx);
        try {
            t.put(List.of(writtenByAnother("00T000000000002AAA")));
            assertEquals(1, metric(ctx, "actions-not-authorized-total"));
            assertEquals(0, nylas.sendCount(grant));
        } finally {
            t.stop();
        }
    }

    @Test
    void aStoppedTaskLeavesNoMetricBehind() {
        Context ctx = new Context(true);
        NylasSinkTask t = task("authz-stop", ctx);
        assertEquals(0, metric(ctx, "sends-total"));
        t.stop();
        assertEquals(0, ctx.metrics.count());
    }
}

package io.nylassf.connect.source.nylas;

import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.connect.source.nylas.NylasItSupport.Rec;
import io.nylassf.testkit.connect.ConnectClusterExtension;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.nylas.NylasMessage;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.nylassf.connect.source.nylas.NylasItSupport.all;
import static io.nylassf.connect.source.nylas.NylasItSupport.awaitCount;
import static io.nylassf.connect.source.nylas.NylasItSupport.config;
import static io.nylassf.connect.source.nylas.NylasItSupport.countById;
import static io.nylassf.connect.source.nylas.NylasItSupport.duplicates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two workers; the worker running a task is stopped mid-backfill. Its tasks move to the other worker, resume from
 * the committed offsets, and every message lands exactly once.
 */
class NylasSourceFailoverIT {
    private static final NylasEmulator NYLAS = NylasEmulator.builder()
            .rateLimitPerSecond(0).applicationRateLimitPerSecond(0).build().start();

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.builder()
            .workers(2)
            // reassign the stopped worker's tasks after 2 s instead of the default 5 minutes
            .workerProp("scheduled.rebalance.max.delay.ms", "2000")
            .build();

    @AfterAll
    static void stopEmulator() {
        NYLAS.close();
    }

    @Test
    void stoppingAWorkerMovesItsTasksAndLosesNothing() {
        long now = Instant.now().getEpochSecond();
        List<String> grants = new ArrayList<>();
        for (int g = 0; g < 4; g++) {
            String grant = NYLAS.createGrant("failover" + g + "@example.com", "google");
            grants.add(grant);
            for (int i = 0; i < 1_000; i++) {
                NYLAS.addMessage(grant, NylasMessage.create().subject("f" + i).date(now - 5 * 86_400L + (i / 2) * 400L));
            }
        }
        Map<String, String> c = config("failover", NYLAS.baseUrl(), NYLAS.apiKey(), "fo", grants);
        c.put("nylas.objects", "messages");
        c.put("nylas.page.size", "50");
        c.put("tasks.max", "2");
        c.put("backfill.days", "6");
        c.put("window.max.seconds", "21600");
        NYLAS.faults().onlyPaths("/messages").latency(20, 0);
        CONNECT.putConnector("failover", c);
        CONNECT.awaitRunning("failover", 2);
        int before = awaitCount(CONNECT, 800, Duration.ofSeconds(60), r -> true, "fo.messages").size();
        assertTrue(before < 4_000, "the worker must stop mid-backfill, had " + before);

        // stop a worker that runs one of the tasks (not necessarily the one serving REST)
        JsonNode status = CONNECT.rest().get("connectors/failover/status").body();
        String victimUrl = status.path("tasks").get(0).path("worker_id").asText();
        int victimPort = Integer.parseInt(victimUrl.substring(victimUrl.lastIndexOf(':') + 1));
        WorkerHandle victim = CONNECT.cluster().workers().stream()
                .filter(w -> w.url().getPort() == victimPort)
                .findFirst().orElseThrow(() -> new AssertionError("no worker " + victimUrl));
        CONNECT.cluster().removeWorker(victim);
        NYLAS.faults().reset();
        CONNECT.awaitRunning("failover", 2);
        JsonNode after = CONNECT.rest().get("connectors/failover/status").body();
        after.path("tasks").forEach(t -> assertTrue(!t.path("worker_id").asText().equals(victimUrl),
                "tasks moved off the stopped worker: " + after));

        awaitCount(CONNECT, 4_000, Duration.ofSeconds(90), r -> true, "fo.messages");
        List<Rec> got = all(CONNECT, "fo.messages");
        assertEquals(Map.of(), duplicates(got));
        Set<String> expected = new HashSet<>();
        grants.forEach(g -> NYLAS.messages(g).forEach(m -> expected.add(m.get("id").asText())));
        assertEquals(expected, countById(got).keySet());
    }
}

package io.nylassf.connect.sink.nylas.exec;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

class KeyedExecutorTest {

    @Test
    void aTrickleOfWorkKeepsOneThreadThoughTheCapIsLarge() throws Exception {
        // the soak's regime: sends arrive one by one for hours, each under a new key, with 128 allowed in flight
        try (KeyedExecutor exec = new KeyedExecutor(128, "trickle-test")) {
            for (int i = 0; i < 300; i++) {
                exec.submit("record-" + i, () -> "sent").get();
                // the next send comes once the thread that ran this one waits for work again
                await("a send done and its thread idle").atMost(Duration.ofSeconds(5))
                        .pollInterval(Duration.ofMillis(1)).until(() -> exec.pendingKeys() == 0
                                && threads("trickle-test-").noneMatch(t -> t.getState() == Thread.State.RUNNABLE));
            }
            // a fixed pool would hold 128 threads here
            assertEquals(1, threads("trickle-test-").count(), "threads for one send at a time");
        }
    }

    @Test
    void oneKeysWorkRunsInOrderWhileOtherKeysRunAlongside() throws Exception {
        List<String> order = new ArrayList<>();
        try (KeyedExecutor exec = new KeyedExecutor(8, "order-test")) {
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (int v = 1; v <= 50; v++) {
                int version = v;
                all.add(exec.submit("same", () -> {
                    synchronized (order) {
                        order.add("v" + version);
                    }
                    return null;
                }));
                all.add(exec.submit("other-" + v, () -> null));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
        }
        List<String> expected = new ArrayList<>();
        for (int v = 1; v <= 50; v++) {
            expected.add("v" + v);
        }
        assertEquals(expected, order);
    }

    private static Stream<Thread> threads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith(prefix));
    }
}

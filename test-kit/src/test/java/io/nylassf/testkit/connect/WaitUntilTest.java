package io.nylassf.testkit.connect;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ConnectClusterExtension#waitUntil}: what the ITs rely on. */
class WaitUntilTest {

    @Test
    void runtimeExceptionsMeanNotYetAndTheConditionRunsInTheCallingThread() {
        Thread caller = Thread.currentThread();
        AtomicInteger calls = new AtomicInteger();
        ConnectClusterExtension.waitUntil("the fourth call", Duration.ofSeconds(10), () -> {
            assertEquals(caller, Thread.currentThread());
            int n = calls.incrementAndGet();
            if (n <= 2) {
                throw new IllegalStateException("worker still starting");
            }
            return n == 4;
        });
        assertEquals(4, calls.get());
    }

    @Test
    void aConditionThatHoldsAtOnceReturnsAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        ConnectClusterExtension.waitUntil("true", Duration.ofSeconds(10), () -> calls.incrementAndGet() > 0);
        assertEquals(1, calls.get());
    }

    @Test
    void aTimeoutIsAnAssertionErrorNamingTheWait() {
        Duration timeout = Duration.ofMillis(300);
        AssertionError never = assertThrows(AssertionError.class,
                () -> ConnectClusterExtension.waitUntil("never", timeout, () -> false));
        assertTrue(never.getMessage().startsWith("Timed out after " + timeout + " waiting for: never"),
                never.getMessage());
        AssertionError failing = assertThrows(AssertionError.class,
                () -> ConnectClusterExtension.waitUntil("always failing", timeout, () -> {
                    throw new IllegalStateException("down");
                }));
        assertTrue(failing.getMessage().startsWith("Timed out after " + timeout + " waiting for: always failing"),
                failing.getMessage());
    }

    @Test
    void anErrorFromTheConditionEndsTheWaitAsItIs() {
        AtomicInteger calls = new AtomicInteger();
        AssertionError e = assertThrows(AssertionError.class,
                () -> ConnectClusterExtension.waitUntil("a broken check", Duration.ofSeconds(10), () -> {
                    calls.incrementAndGet();
                    throw new AssertionError("boom");
                }));
        assertEquals("boom", e.getMessage());
        assertEquals(1, calls.get());
    }

    @Test
    void anInterruptedWaitFailsAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            AssertionError e = assertThrows(AssertionError.class,
                    () -> ConnectClusterExtension.waitUntil("interrupted", Duration.ofSeconds(10), () -> false));
            assertTrue(e.getMessage().startsWith("Interrupted waiting for: interrupted"), e.getMessage());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }
}

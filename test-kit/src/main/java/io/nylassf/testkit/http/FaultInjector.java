package io.nylassf.testkit.http;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Decides, per request, whether an emulator misbehaves: added latency (fixed plus random), an error by kind at
 * a given rate, a dropped connection, or a queue of one-shot failures. Random choices come from one seeded
 * {@link Random}, so a test that sends the same requests in the same order sees the same faults.
 *
 * <p>Error kinds are strings each emulator knows how to answer in its API's shape: HTTP statuses such as
 * {@code "429"}, {@code "500"}, {@code "503"}, {@code "504"}, plus {@link #UNABLE_TO_LOCK_ROW} and {@link #DROP}.
 */
public final class FaultInjector {
    public static final String DROP = "DROP";
    public static final String UNABLE_TO_LOCK_ROW = "UNABLE_TO_LOCK_ROW";

    private Random random = new Random(0);
    private long fixedLatencyMs;
    private long randomLatencyMs;
    private final Map<String, Double> errorRates = new LinkedHashMap<>();
    private final Deque<String> oneShots = new ArrayDeque<>();
    private Pattern pathPattern;
    private long retryAfterSeconds = 1;
    private long injected;

    /** A decision for one request: how long to wait first, and which fault (if any) to answer with. */
    public record Decision(long latencyMs, Optional<String> fault) {
        public static final Decision NONE = new Decision(0, Optional.empty());
    }

    public synchronized FaultInjector seed(long seed) {
        this.random = new Random(seed);
        return this;
    }

    public synchronized FaultInjector latency(long fixedMs, long randomMaxMs) {
        this.fixedLatencyMs = Math.max(0, fixedMs);
        this.randomLatencyMs = Math.max(0, randomMaxMs);
        return this;
    }

    /** Answers {@code rate} (0..1) of matching requests with the given fault kind. */
    public synchronized FaultInjector errorRate(String kind, double rate) {
        if (rate <= 0) {
            errorRates.remove(kind);
        } else {
            errorRates.put(kind, Math.min(1.0, rate));
        }
        return this;
    }

    /** The next {@code count} matching requests fail with {@code kind}, before any random fault is drawn. */
    public synchronized FaultInjector failNext(String kind, int count) {
        for (int i = 0; i < count; i++) {
            oneShots.addLast(kind);
        }
        return this;
    }

    /** Only requests whose path matches this regex are subject to faults; null means every API request. */
    public synchronized FaultInjector onlyPaths(String regex) {
        this.pathPattern = regex == null || regex.isBlank() ? null : Pattern.compile(regex);
        return this;
    }

    /** The {@code Retry-After} seconds that 429 and 503 faults carry. */
    public synchronized FaultInjector retryAfterSeconds(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    public synchronized long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public synchronized void reset() {
        random = new Random(0);
        fixedLatencyMs = 0;
        randomLatencyMs = 0;
        errorRates.clear();
        oneShots.clear();
        pathPattern = null;
        retryAfterSeconds = 1;
    }

    public synchronized Decision decide(String path) {
        if (pathPattern != null && !pathPattern.matcher(path).find()) {
            return Decision.NONE;
        }
        long latency = fixedLatencyMs + (randomLatencyMs > 0 ? (long) (random.nextDouble() * randomLatencyMs) : 0);
        String fault = oneShots.pollFirst();
        if (fault == null && !errorRates.isEmpty()) {
            double draw = random.nextDouble();
            double cumulative = 0;
            for (Map.Entry<String, Double> e : errorRates.entrySet()) {
                cumulative += e.getValue();
                if (draw < cumulative) {
                    fault = e.getKey();
                    break;
                }
            }
        }
        if (fault != null) {
            injected++;
        }
        return new Decision(latency, Optional.ofNullable(fault));
    }

    /** How many requests were answered with a fault so far (never reset): the calls a test spent on faults. */
    public synchronized long injectedCount() {
        return injected;
    }

    /** Current settings, for the admin API. */
    public synchronized Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fixedLatencyMs", fixedLatencyMs);
        out.put("randomLatencyMs", randomLatencyMs);
        out.put("errorRates", new LinkedHashMap<>(errorRates));
        out.put("pendingOneShots", oneShots.size());
        out.put("pathPattern", pathPattern == null ? null : pathPattern.pattern());
        out.put("retryAfterSeconds", retryAfterSeconds);
        return out;
    }
}

package io.nylassf.testkit.nylas;

import io.nylassf.testkit.http.EmulatorHttpServer;
import io.nylassf.testkit.http.EmulatorRequest;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests in flight per grant (from route match to answer, injected latency included) and each grant's
 * high-water mark: what a client kept open at once against one grant, the quantity Nylas' per-grant limits bound.
 */
final class GrantConcurrency implements EmulatorHttpServer.Tracker {
    private static final class Gauge {
        int current;
        int highWater;
    }

    private final Map<String, Gauge> gauges = new ConcurrentHashMap<>();

    @Override
    public Runnable enter(EmulatorRequest request) {
        String grant = request.pathParam("grantId");
        if (grant == null) {
            return () -> { };
        }
        Gauge g = gauges.computeIfAbsent(grant, k -> new Gauge());
        synchronized (g) {
            g.current++;
            g.highWater = Math.max(g.highWater, g.current);
        }
        return () -> {
            synchronized (g) {
                g.current--;
            }
        };
    }

    int highWater(String grantId) {
        Gauge g = gauges.get(grantId);
        if (g == null) {
            return 0;
        }
        synchronized (g) {
            return g.highWater;
        }
    }

    Map<String, Integer> highWaters() {
        Map<String, Integer> out = new TreeMap<>();
        gauges.keySet().forEach(k -> out.put(k, highWater(k)));
        return out;
    }

    /** Starts the high-water marks again from what is in flight now. */
    void reset() {
        gauges.values().forEach(g -> {
            synchronized (g) {
                g.highWater = g.current;
            }
        });
    }
}

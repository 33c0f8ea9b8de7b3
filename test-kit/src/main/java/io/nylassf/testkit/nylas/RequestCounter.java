package io.nylassf.testkit.nylas;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** API request counts in total and per endpoint ({@code "GET /v3/grants/{grantId}/messages"}). */
final class RequestCounter {
    private final LongAdder total = new LongAdder();
    private final Map<String, LongAdder> perEndpoint = new ConcurrentHashMap<>();

    void count(String endpoint) {
        total.increment();
        perEndpoint.computeIfAbsent(endpoint, k -> new LongAdder()).increment();
    }

    long total() {
        return total.sum();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        perEndpoint.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}

package io.nylassf.connect.common.http;

import io.nylassf.connect.common.metrics.PluginMetricSet;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Counts the HTTP calls a client makes, by kind (a fixed set per API, so the metrics stay bounded), as an OkHttp
 * interceptor: every attempt counts, retries and token requests included, because every one costs the API budget.
 */
public final class ApiCallCounter<K extends Enum<K>> implements Interceptor {
    private final Function<Request, K> kindOf;
    private final Map<K, LongAdder> counts;

    public ApiCallCounter(Class<K> kinds, Function<Request, K> kindOf) {
        this.kindOf = kindOf;
        this.counts = new EnumMap<>(kinds);
        for (K k : kinds.getEnumConstants()) {
            counts.put(k, new LongAdder());
        }
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        counts.get(kindOf.apply(chain.request())).increment();
        return chain.proceed(chain.request());
    }

    public long count(K kind) {
        return counts.get(kind).sum();
    }

    /** Publishes {@code api-calls-total} tagged {@code kind=<kind>} for every kind, as {@code set}'s gauges. */
    public void publish(PluginMetricSet set, String api) {
        counts.forEach((kind, n) -> set.gauge("api-calls-total", api + " API calls by kind",
                Map.of("kind", kind.name().toLowerCase().replace('_', '-')), n::sum));
    }
}

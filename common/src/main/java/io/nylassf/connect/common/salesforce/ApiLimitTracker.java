package io.nylassf.connect.common.salesforce;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The org's daily API allocation as Salesforce reports it in {@code Sforce-Limit-Info: api-usage=used/max} on
 * every response, plus the number of calls this client made. Thread-safe.
 */
public final class ApiLimitTracker {
    private static final Pattern USAGE = Pattern.compile("api-usage=(\\d+)/(\\d+)");

    private final AtomicLong used = new AtomicLong(-1);
    private final AtomicLong max = new AtomicLong(-1);
    private final AtomicLong calls = new AtomicLong();

    /** Reads one {@code Sforce-Limit-Info} header value; ignores null or unreadable values. */
    public void observe(String header) {
        if (header == null) {
            return;
        }
        Matcher m = USAGE.matcher(header);
        if (m.find()) {
            used.set(Long.parseLong(m.group(1)));
            max.set(Long.parseLong(m.group(2)));
        }
    }

    /** Records from {@code GET /limits}: {@code DailyApiRequests.Max / Remaining}. */
    public void observeLimits(long maxCalls, long remaining) {
        max.set(maxCalls);
        used.set(Math.max(0, maxCalls - remaining));
    }

    void countCall() {
        calls.incrementAndGet();
    }

    /** HTTP calls made through this client (a Composite request counts once, as Salesforce counts it). */
    public long callsMade() {
        return calls.get();
    }

    /** Remaining daily calls, once any response has told us. */
    public OptionalLong remaining() {
        long u = used.get();
        long m = max.get();
        return u < 0 || m < 0 ? OptionalLong.empty() : OptionalLong.of(Math.max(0, m - u));
    }

    public OptionalLong max() {
        long m = max.get();
        return m < 0 ? OptionalLong.empty() : OptionalLong.of(m);
    }

    public OptionalLong used() {
        long u = used.get();
        return u < 0 ? OptionalLong.empty() : OptionalLong.of(u);
    }
}

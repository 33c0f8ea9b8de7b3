package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.http.ApiException;
import io.nylassf.connect.common.salesforce.ApiLimitTracker;
import io.nylassf.connect.common.salesforce.SalesforceClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Keeps the sink off the org's last API calls. The remaining daily allocation comes from {@code Sforce-Limit-Info}
 * on every response; when it falls under the reserve, {@link #hasRoom()} says no and the task stops writing.
 * While stopped, at most one {@code GET /limits} per check interval looks for room again.
 */
final class ApiBudget {
    private static final Logger log = LoggerFactory.getLogger(ApiBudget.class);

    private final SalesforceClient client;
    private final int reservePercent;
    private final Duration checkInterval;
    private final Clock clock;
    private final SinkMetrics metrics;
    private long lastProbe;
    private boolean exhausted;

    ApiBudget(SalesforceClient client, int reservePercent, Duration checkInterval, Clock clock, SinkMetrics metrics) {
        this.client = client;
        this.reservePercent = reservePercent;
        this.checkInterval = checkInterval;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Whether the last check found no room. */
    boolean paused() {
        return metrics.budgetPaused.get();
    }

    Duration checkInterval() {
        return checkInterval;
    }

    /** Whether writing may go on; probes {@code /limits} (rate-limited) when the last reading said no. */
    boolean hasRoom() {
        if (!exhausted && aboveReserve(client.limits())) {
            paused(false);
            return true;
        }
        long now = clock.millis();
        if (now - lastProbe >= checkInterval.toMillis()) {
            lastProbe = now;
            try {
                client.limitsResource();
                exhausted = false;
            } catch (ApiException e) {
                if (e.kind() != ApiException.Kind.LIMIT_EXCEEDED && !e.isRetriable()) {
                    throw e;
                }
                exhausted = true;
            }
        }
        boolean room = !exhausted && aboveReserve(client.limits());
        paused(!room);
        return room;
    }

    /** The org answered REQUEST_LIMIT_EXCEEDED: stop until a probe finds room. */
    void limitExceeded() {
        exhausted = true;
        lastProbe = clock.millis();
        paused(true);
    }

    String describe() {
        ApiLimitTracker t = client.limits();
        return "remaining " + (t.remaining().isPresent() ? t.remaining().getAsLong() : "unknown") + " of "
                + (t.max().isPresent() ? t.max().getAsLong() : "unknown") + " daily API calls, reserve "
                + reservePercent + "%";
    }

    private boolean aboveReserve(ApiLimitTracker t) {
        OptionalLong remaining = t.remaining();
        OptionalLong max = t.max();
        if (remaining.isEmpty() || max.isEmpty()) {
            return true;
        }
        return remaining.getAsLong() > max.getAsLong() * reservePercent / 100;
    }

    private void paused(boolean now) {
        boolean was = metrics.budgetPaused.getAndSet(now);
        if (now && !was) {
            log.warn("Salesforce API budget: {}; writes stop until there is room (checking every {})", describe(),
                    checkInterval);
        } else if (!now && was) {
            log.info("Salesforce API budget: {}; writes resume", describe());
        }
    }
}

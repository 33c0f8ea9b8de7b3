package io.nylassf.connect.common.salesforce;

import io.nylassf.connect.common.http.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps a connector off the org's last API calls. The remaining daily allocation comes from
 * {@code Sforce-Limit-Info} on every response; when it falls under the reserve, {@link #hasRoom()} says no and the
 * task stops its calls (the sink its writes, the source its reads). While stopped, at most one {@code GET /limits}
 * per check interval looks for room again.
 */
public final class ApiBudget {
    private static final Logger log = LoggerFactory.getLogger(ApiBudget.class);

    private final SalesforceClient client;
    private final ApiReserve reserve;
    private final Clock clock;
    private final AtomicBoolean paused = new AtomicBoolean();
    private final String stopping;
    private long lastProbe;
    private boolean exhausted;

    /** @param stopping what stops while there is no room, for the log ("writes", "reads") */
    public ApiBudget(SalesforceClient client, ApiReserve reserve, Clock clock, String stopping) {
        this.client = client;
        this.reserve = reserve;
        this.clock = clock;
        this.stopping = stopping;
    }

    /** Whether the last check found no room. */
    public boolean paused() {
        return paused.get();
    }

    public Duration checkInterval() {
        return reserve.checkInterval();
    }

    public ApiReserve reserve() {
        return reserve;
    }

    /** Whether calls may go on; probes {@code /limits} (rate-limited) when the last reading said no. */
    public boolean hasRoom() {
        if (!exhausted && aboveReserve(client.limits())) {
            paused(false);
            return true;
        }
        long now = clock.millis();
        if (now - lastProbe >= reserve.checkInterval().toMillis()) {
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
    public void limitExceeded() {
        exhausted = true;
        lastProbe = clock.millis();
        paused(true);
    }

    public String describe() {
        ApiLimitTracker t = client.limits();
        return "remaining " + (t.remaining().isPresent() ? t.remaining().getAsLong() : "unknown") + " of "
                + (t.max().isPresent() ? t.max().getAsLong() : "unknown") + " daily API calls, reserve "
                + reserve.percent() + "%";
    }

    private boolean aboveReserve(ApiLimitTracker t) {
        OptionalLong remaining = t.remaining();
        OptionalLong max = t.max();
        if (remaining.isEmpty() || max.isEmpty()) {
            return true;
        }
        return remaining.getAsLong() > max.getAsLong() * reserve.percent() / 100;
    }

    private void paused(boolean now) {
        boolean was = paused.getAndSet(now);
        if (now && !was) {
            log.warn("Salesforce API budget: {}; {} stop until there is room (checking every {})", describe(),
                    stopping, reserve.checkInterval());
        } else if (!now && was) {
            log.info("Salesforce API budget: {}; {} resume", describe(), stopping);
        }
    }
}

package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.nylas.Grant;
import io.nylassf.connect.common.nylas.NylasClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the application's grant list when the connector is not given one: lists grants at start and then
 * periodically, and calls {@code onChange} (which requests a task reconfiguration) when the set changes. A failed
 * listing keeps the last known set.
 */
final class GrantMonitor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GrantMonitor.class);

    private final NylasClient client;
    private final Runnable onChange;
    private final ScheduledExecutorService executor;
    private volatile Set<String> grants = Set.of();
    private volatile boolean listed;

    GrantMonitor(NylasClient client, Runnable onChange) {
        this.client = client;
        this.onChange = onChange;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nylas-grant-monitor");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Lists the grants once (the connector's first task configs use that list, so no reconfiguration is asked
     * for), then every {@code interval}, asking for one whenever the set differs from the one last handed out,
     * including when the first listing failed and a later one succeeds.
     */
    void start(Duration interval) {
        refresh(false);
        executor.scheduleWithFixedDelay(() -> refresh(true), interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    List<String> grants() {
        return List.copyOf(grants);
    }

    boolean listed() {
        return listed;
    }

    void refresh(boolean notify) {
        try {
            Set<String> now = new TreeSet<>();
            for (Grant g : client.listGrants()) {
                if (g.id() != null && !g.id().isBlank()) {
                    now.add(g.id());
                }
            }
            Set<String> before = grants;
            grants = now;
            listed = true;
            if (!now.equals(before)) {
                log.info("The application has {} grant(s) (was {})", now.size(), before.size());
                if (notify) {
                    onChange.run();
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not list the application's grants ({}); keeping {} known grant(s)", e.getMessage(),
                    grants.size());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

package io.nylassf.testkit.nylas;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Options of a {@link NylasEmulator}; every default is what tests usually want, with Nylas' documented limits. */
public final class NylasEmulatorBuilder {
    String host = "127.0.0.1";
    int port;
    String apiKey = "nyk_test";
    Clock clock = Clock.systemUTC();
    int rateLimitPerSecond = 200;
    int sendRateLimitPerSecond = 200;
    int applicationRateLimitPerSecond = 50;
    List<Duration> webhookRetryDelays = List.of(Duration.ofMillis(200), Duration.ofSeconds(1));
    Duration webhookTimeout = Duration.ofSeconds(10);
    Duration challengeTimeout = Duration.ofSeconds(10);
    Duration webhookFailingWindow = Duration.ofMinutes(15);
    Duration webhookFailedAfter = Duration.ofHours(72);
    int truncationThreshold = 1_000_000;
    Duration idempotencyTtl = Duration.ofHours(1);
    String applicationId = "emulator-application";
    String integrationId = "emulator-integration";

    NylasEmulatorBuilder() {
    }

    /** 0 picks a free port. */
    public NylasEmulatorBuilder port(int port) {
        this.port = port;
        return this;
    }

    public NylasEmulatorBuilder host(String host) {
        this.host = host;
        return this;
    }

    public NylasEmulatorBuilder apiKey(String apiKey) {
        this.apiKey = apiKey;
        return this;
    }

    /** Drives timestamps, idempotency expiry, rate-limit windows and {@code send_at}; see {@link MutableClock}. */
    public NylasEmulatorBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** Per grant and per API family (messages, calendar, contacts), per second; 0 disables. Nylas: 200. */
    public NylasEmulatorBuilder rateLimitPerSecond(int limit) {
        this.rateLimitPerSecond = limit;
        return this;
    }

    /** JSON sends per grant per second; 0 disables. Nylas: 200 (10 for multipart, not emulated). */
    public NylasEmulatorBuilder sendRateLimitPerSecond(int limit) {
        this.sendRateLimitPerSecond = limit;
        return this;
    }

    /** Grants and webhooks APIs per application per second; 0 disables. Nylas: 50. */
    public NylasEmulatorBuilder applicationRateLimitPerSecond(int limit) {
        this.applicationRateLimitPerSecond = limit;
        return this;
    }

    /**
     * Waits before the 2nd, 3rd, ... delivery attempt; attempts = delays + 1. Default 200 ms, 1 s; Nylas
     * makes 3 attempts with the last 10–20 minutes after the first.
     */
    public NylasEmulatorBuilder webhookRetryDelays(Duration... delays) {
        this.webhookRetryDelays = List.of(delays);
        return this;
    }

    /**
     * When a destination's status moves: 95% of its deliveries failing over {@code failingWindow} make it
     * {@code failing} (Nylas: 15 minutes), and still failing {@code failedAfter} later, {@code failed}, with
     * deliveries stopped (Nylas: 72 hours). A successful delivery makes a failing destination active again.
     */
    public NylasEmulatorBuilder webhookHealth(Duration failingWindow, Duration failedAfter) {
        this.webhookFailingWindow = failingWindow;
        this.webhookFailedAfter = failedAfter;
        return this;
    }

    /** Per-attempt delivery timeout (Nylas: 10 s). */
    public NylasEmulatorBuilder webhookTimeout(Duration timeout) {
        this.webhookTimeout = timeout;
        return this;
    }

    /** How long a destination has to answer the challenge (Nylas: 10 s). */
    public NylasEmulatorBuilder challengeTimeout(Duration timeout) {
        this.challengeTimeout = timeout;
        return this;
    }

    /** Payload size in bytes above which message notifications become {@code .truncated} (Nylas: 1 MB). */
    public NylasEmulatorBuilder truncationThreshold(int bytes) {
        this.truncationThreshold = bytes;
        return this;
    }

    public NylasEmulatorBuilder idempotencyTtl(Duration ttl) {
        this.idempotencyTtl = ttl;
        return this;
    }

    public NylasEmulatorBuilder applicationId(String id) {
        this.applicationId = id;
        return this;
    }

    public NylasEmulatorBuilder integrationId(String id) {
        this.integrationId = id;
        return this;
    }

    public NylasEmulator build() {
        return new NylasEmulator(this);
    }
}

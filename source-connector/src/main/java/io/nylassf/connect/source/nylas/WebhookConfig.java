package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.config.ConfigDefBuilder;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import java.time.Duration;

/**
 * The Nylas source's "Webhooks" group: the endpoint one task hosts for Nylas notifications, and the bounds that
 * keep it from exhausting the worker. A config fragment: {@link #addTo} defines the settings, the accessors read
 * them from any config built on that definition.
 */
public final class WebhookConfig {
    public static final String GROUP = "Webhooks";
    public static final String WEBHOOK_ENABLED = "webhook.enabled";
    private static final String WEBHOOK_ENABLED_DOC = "Host an HTTP endpoint for Nylas webhook notifications in one "
            + "task (webhook.task). Windowed reads remain the backstop for anything missed.";
    public static final String WEBHOOK_TASK = "webhook.task";
    private static final String WEBHOOK_TASK_DOC = "Index of the task that hosts the endpoint (0 = the first task, "
            + "which always exists). Only that task binds webhook.port, on whichever worker runs it.";
    public static final String WEBHOOK_BIND_ADDRESS = "webhook.bind.address";
    private static final String WEBHOOK_BIND_ADDRESS_DOC = "Address the endpoint binds to.";
    public static final String WEBHOOK_PORT = "webhook.port";
    private static final String WEBHOOK_PORT_DOC = "TCP port of the endpoint (the same on every worker, so a load "
            + "balancer can health-check all of them). 0 picks a free port (tests only).";
    public static final String WEBHOOK_PATH = "webhook.path";
    private static final String WEBHOOK_PATH_DOC = "Path of the endpoint; '<path>/health' answers 200 while this "
            + "worker hosts it, for load-balancer health checks.";
    public static final String WEBHOOK_SECRET = "webhook.secret";
    private static final String WEBHOOK_SECRET_DOC = "The webhook secret Nylas returned when the webhook was created; "
            + "X-Nylas-Signature is checked against it. Until it is set the endpoint answers the challenge but rejects "
            + "every notification. A secret: use a config provider.";
    public static final String WEBHOOK_MAX_BODY_BYTES = "webhook.max.body.bytes";
    private static final String WEBHOOK_MAX_BODY_BYTES_DOC = "Largest notification body accepted; larger ones get 413.";
    public static final String WEBHOOK_ACK_TIMEOUT_MS = "webhook.ack.timeout.ms";
    private static final String WEBHOOK_ACK_TIMEOUT_MS_DOC = "How long a notification waits for Kafka to acknowledge "
            + "its record before the endpoint answers 503 so that Nylas retries (Nylas gives up after 10 s).";
    public static final String WEBHOOK_INTAKE_MAX_RECORDS = "webhook.intake.max.records";
    private static final String WEBHOOK_INTAKE_MAX_RECORDS_DOC = "Records from notifications held at most (waiting "
            + "for poll() or for Kafka's acknowledgement); beyond it the endpoint answers 503 at once and Nylas "
            + "retries, so a paused connector or a stuck producer cannot exhaust the worker's memory.";
    public static final String WEBHOOK_INTAKE_MAX_BYTES = "webhook.intake.max.bytes";
    private static final String WEBHOOK_INTAKE_MAX_BYTES_DOC = "Bytes held at most, each record counting the larger "
            + "of its notification's size and its own (a truncated notification's record holds the fetched body); "
            + "beyond it the endpoint answers 503 at once.";
    public static final String WEBHOOK_MAX_CONCURRENT = "webhook.max.concurrent.requests";
    private static final String WEBHOOK_MAX_CONCURRENT_DOC = "Notifications handled at once; when every slot is "
            + "taken (for example by slow clients) further requests get 503 at once and Nylas retries. The endpoint "
            + "has this many handler threads plus 8; with all of them taken (by clients stalled in their headers) "
            + "a new connection is closed at once rather than queued.";
    public static final String WEBHOOK_READ_TIMEOUT_MS = "webhook.read.timeout.ms";
    private static final String WEBHOOK_READ_TIMEOUT_MS_DOC = "How long a client may take to send a whole request "
            + "(line, headers and body); a slower or stalled one is disconnected, freeing its slot. Nylas sends a "
            + "notification at once and times out after 10 s itself.";
    public static final String WEBHOOK_BIND_ATTEMPTS = "webhook.bind.attempts";
    private static final String WEBHOOK_BIND_ATTEMPTS_DOC = "Attempts, one a second, to bind webhook.port while it "
            + "is busy (a task moving here from a worker that is still stopping); then the task fails naming the "
            + "port.";

    public static final String WEBHOOK_DEDUP_SIZE = "webhook.dedup.size";
    private static final String WEBHOOK_DEDUP_SIZE_DOC = "How many recent notification ids are remembered to drop "
            + "duplicate deliveries.";

    private WebhookConfig() {
    }

    public static ConfigDefBuilder addTo(ConfigDefBuilder builder) {
        return builder.group(GROUP)
                .define(WEBHOOK_ENABLED, Type.BOOLEAN, false, null, Importance.HIGH, WEBHOOK_ENABLED_DOC,
                        Width.SHORT, "Webhook endpoint enabled")
                .define(WEBHOOK_TASK, Type.INT, 0, Range.atLeast(0), Importance.LOW, WEBHOOK_TASK_DOC, Width.SHORT,
                        "Webhook task")
                .define(WEBHOOK_BIND_ADDRESS, Type.STRING, "0.0.0.0", new ConfigDef.NonEmptyString(),
                        Importance.LOW, WEBHOOK_BIND_ADDRESS_DOC, Width.MEDIUM, "Webhook bind address")
                .define(WEBHOOK_PORT, Type.INT, 8090, Range.between(0, 65_535), Importance.MEDIUM, WEBHOOK_PORT_DOC,
                        Width.SHORT, "Webhook port")
                .define(WEBHOOK_PATH, Type.STRING, "/nylas/webhook", pathValidator(), Importance.MEDIUM,
                        WEBHOOK_PATH_DOC, Width.MEDIUM, "Webhook path")
                .define(WEBHOOK_SECRET, Type.PASSWORD, null, null, Importance.HIGH, WEBHOOK_SECRET_DOC, Width.LONG,
                        "Webhook secret")
                .define(WEBHOOK_MAX_BODY_BYTES, Type.INT, 2_097_152, Range.between(1_024, 64_000_000),
                        Importance.LOW, WEBHOOK_MAX_BODY_BYTES_DOC, Width.SHORT, "Max notification bytes")
                .define(WEBHOOK_ACK_TIMEOUT_MS, Type.LONG, 8_000L, Range.between(100L, 60_000L), Importance.LOW,
                        WEBHOOK_ACK_TIMEOUT_MS_DOC, Width.SHORT, "Webhook ack timeout (ms)")
                .define(WEBHOOK_DEDUP_SIZE, Type.INT, 100_000, Range.between(1, 10_000_000), Importance.LOW,
                        WEBHOOK_DEDUP_SIZE_DOC, Width.SHORT, "Webhook de-dup size")
                .define(WEBHOOK_INTAKE_MAX_RECORDS, Type.INT, 10_000, Range.between(1, 10_000_000), Importance.LOW,
                        WEBHOOK_INTAKE_MAX_RECORDS_DOC, Width.SHORT, "Webhook intake max records")
                .define(WEBHOOK_INTAKE_MAX_BYTES, Type.LONG, 64L * 1024 * 1024, Range.between(1_024L, 1L << 34),
                        Importance.LOW, WEBHOOK_INTAKE_MAX_BYTES_DOC, Width.SHORT, "Webhook intake max bytes")
                .define(WEBHOOK_MAX_CONCURRENT, Type.INT, 32, Range.between(1, 1_024), Importance.LOW,
                        WEBHOOK_MAX_CONCURRENT_DOC, Width.SHORT, "Webhook concurrent requests")
                .define(WEBHOOK_READ_TIMEOUT_MS, Type.LONG, 10_000L, Range.between(100L, 600_000L), Importance.LOW,
                        WEBHOOK_READ_TIMEOUT_MS_DOC, Width.SHORT, "Webhook read timeout (ms)")
                .define(WEBHOOK_BIND_ATTEMPTS, Type.INT, 60, Range.between(1, 86_400), Importance.LOW,
                        WEBHOOK_BIND_ATTEMPTS_DOC, Width.SHORT, "Webhook bind attempts");
    }

    public static boolean enabled(AbstractConfig c) {
        return c.getBoolean(WEBHOOK_ENABLED);
    }

    public static int task(AbstractConfig c) {
        return c.getInt(WEBHOOK_TASK);
    }

    public static String bindAddress(AbstractConfig c) {
        return c.getString(WEBHOOK_BIND_ADDRESS);
    }

    public static int port(AbstractConfig c) {
        return c.getInt(WEBHOOK_PORT);
    }

    public static String path(AbstractConfig c) {
        return c.getString(WEBHOOK_PATH);
    }

    /** The secret's value, or null when unset. */
    public static String secret(AbstractConfig c) {
        Password p = c.getPassword(WEBHOOK_SECRET);
        return p == null || p.value() == null || p.value().isEmpty() ? null : p.value();
    }

    public static int maxBodyBytes(AbstractConfig c) {
        return c.getInt(WEBHOOK_MAX_BODY_BYTES);
    }

    public static Duration ackTimeout(AbstractConfig c) {
        return Duration.ofMillis(c.getLong(WEBHOOK_ACK_TIMEOUT_MS));
    }

    public static int dedupSize(AbstractConfig c) {
        return c.getInt(WEBHOOK_DEDUP_SIZE);
    }

    public static int intakeMaxRecords(AbstractConfig c) {
        return c.getInt(WEBHOOK_INTAKE_MAX_RECORDS);
    }

    public static long intakeMaxBytes(AbstractConfig c) {
        return c.getLong(WEBHOOK_INTAKE_MAX_BYTES);
    }

    public static int maxConcurrent(AbstractConfig c) {
        return c.getInt(WEBHOOK_MAX_CONCURRENT);
    }

    public static Duration readTimeout(AbstractConfig c) {
        return Duration.ofMillis(c.getLong(WEBHOOK_READ_TIMEOUT_MS));
    }

    public static int bindAttempts(AbstractConfig c) {
        return c.getInt(WEBHOOK_BIND_ATTEMPTS);
    }

    private static ConfigDef.Validator pathValidator() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            String s = value == null ? "" : value.toString();
            if (!s.matches("/[A-Za-z0-9._~/-]*") || s.endsWith("/") && s.length() > 1) {
                throw new ConfigException(name, value, "must be an absolute URL path such as /nylas/webhook");
            }
        }, () -> "an absolute URL path");
    }
}

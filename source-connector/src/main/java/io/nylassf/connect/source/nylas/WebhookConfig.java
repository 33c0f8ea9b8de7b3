package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.config.ConfigDefBuilder;
import io.nylassf.connect.common.config.Validators;
import io.nylassf.connect.source.nylas.webhook.WebhookServer;
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
 * keep it from exhausting the worker. A config fragment: {@link #addTo} defines the settings, {@link #settings}
 * reads them all from any config built on that definition.
 */
public final class WebhookConfig {
    public static final String GROUP = "Webhooks";
    public static final String WEBHOOK_ENABLED = "webhook.enabled";
    public static final String WEBHOOK_TASK = "webhook.task";
    public static final String WEBHOOK_BIND_ADDRESS = "webhook.bind.address";
    public static final String WEBHOOK_PORT = "webhook.port";
    public static final String WEBHOOK_PATH = "webhook.path";
    public static final String WEBHOOK_PUBLIC_URL = "webhook.public.url";
    public static final String WEBHOOK_SECRET = "webhook.secret";
    public static final String WEBHOOK_MAX_BODY_BYTES = "webhook.max.body.bytes";
    public static final String WEBHOOK_ACK_TIMEOUT_MS = "webhook.ack.timeout.ms";
    public static final String WEBHOOK_INTAKE_MAX_RECORDS = "webhook.intake.max.records";
    public static final String WEBHOOK_INTAKE_MAX_BYTES = "webhook.intake.max.bytes";
    public static final String WEBHOOK_MAX_CONCURRENT = "webhook.max.concurrent.requests";
    public static final String WEBHOOK_READ_TIMEOUT_MS = "webhook.read.timeout.ms";
    public static final String WEBHOOK_BIND_ATTEMPTS = "webhook.bind.attempts";
    public static final String WEBHOOK_DEDUP_SIZE = "webhook.dedup.size";

    private WebhookConfig() {
    }

    public static ConfigDefBuilder addTo(ConfigDefBuilder builder) {
        return builder.group(GROUP)
                .define(WEBHOOK_ENABLED, Type.BOOLEAN, false, null, Importance.HIGH)
                .define(WEBHOOK_TASK, Type.INT, 0, Range.atLeast(0), Importance.LOW)
                .define(WEBHOOK_BIND_ADDRESS, Type.STRING, "0.0.0.0", new ConfigDef.NonEmptyString(), Importance.LOW)
                .define(WEBHOOK_PORT, Type.INT, 8090, Range.between(0, 65_535), Importance.MEDIUM)
                .define(WEBHOOK_PATH, Type.STRING, "/nylas/webhook", pathValidator(), Importance.MEDIUM)
                .define(WEBHOOK_PUBLIC_URL, Type.STRING, null, Validators.httpUrl(), Importance.MEDIUM, Width.LONG)
                .define(WEBHOOK_SECRET, Type.PASSWORD, null, null, Importance.HIGH)
                .define(WEBHOOK_MAX_BODY_BYTES, Type.INT, 2_097_152, Range.between(1_024, 64_000_000), Importance.LOW)
                .define(WEBHOOK_ACK_TIMEOUT_MS, Type.LONG, 8_000L, Range.between(100L, 60_000L), Importance.LOW)
                .define(WEBHOOK_DEDUP_SIZE, Type.INT, 100_000, Range.between(1, 10_000_000), Importance.LOW)
                .define(WEBHOOK_INTAKE_MAX_RECORDS, Type.INT, 10_000, Range.between(1, 10_000_000), Importance.LOW)
                .define(WEBHOOK_INTAKE_MAX_BYTES, Type.LONG, 64L * 1024 * 1024, Range.between(1_024L, 1L << 34),
                        Importance.LOW)
                .define(WEBHOOK_MAX_CONCURRENT, Type.INT, 32, Range.between(1, 1_024), Importance.LOW)
                .define(WEBHOOK_READ_TIMEOUT_MS, Type.LONG, 10_000L, Range.between(100L, 600_000L), Importance.LOW)
                .define(WEBHOOK_BIND_ATTEMPTS, Type.INT, 60, Range.between(1, 86_400), Importance.LOW);
    }

    /** Every webhook setting of {@code c}, read once. */
    public static WebhookSettings settings(AbstractConfig c) {
        Password secret = c.getPassword(WEBHOOK_SECRET);
        return new WebhookSettings(c.getBoolean(WEBHOOK_ENABLED), c.getInt(WEBHOOK_TASK),
                c.getString(WEBHOOK_BIND_ADDRESS), c.getInt(WEBHOOK_PORT), c.getString(WEBHOOK_PATH),
                blankToNull(c.getString(WEBHOOK_PUBLIC_URL)),
                secret == null || secret.value() == null || secret.value().isEmpty() ? null : secret.value(),
                new WebhookServer.Limits(c.getInt(WEBHOOK_MAX_BODY_BYTES),
                        Duration.ofMillis(c.getLong(WEBHOOK_ACK_TIMEOUT_MS)), c.getInt(WEBHOOK_MAX_CONCURRENT),
                        c.getInt(WEBHOOK_BIND_ATTEMPTS), Duration.ofMillis(c.getLong(WEBHOOK_READ_TIMEOUT_MS))),
                c.getInt(WEBHOOK_DEDUP_SIZE), c.getInt(WEBHOOK_INTAKE_MAX_RECORDS),
                c.getLong(WEBHOOK_INTAKE_MAX_BYTES));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
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

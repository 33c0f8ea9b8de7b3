package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.config.NylasConnectionConfig;
import io.nylassf.connect.common.config.ValidationResults;
import io.nylassf.connect.common.http.ApiException;
import io.nylassf.connect.common.nylas.NylasApiException;
import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.common.nylas.WebhookSubscription;
import io.nylassf.connect.source.nylas.webhook.SubscriptionCheck;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.config.types.Password;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What {@link NylasSourceConnector#validate} checks once every setting passed its own validator. */
final class NylasSourceConfigValidator {
    private static final Logger log = LoggerFactory.getLogger(NylasSourceConfigValidator.class);

    private NylasSourceConfigValidator() {
    }

    /**
     * Besides the per-setting checks, one {@code GET /v3/grants?limit=1} under a bounded timeout: a 401 is an error
     * on {@code nylas.api.key}; an answer that is not the Nylas API (404, or a body that is not JSON) is an error
     * on {@code nylas.api.url}. An unreachable API (refused, timed out, 5xx, 429) is logged at WARN but not
     * reported: validation runs on every configuration change, and an outage of Nylas or of the network must not
     * stop operators from changing the connector (its tasks back off and retry on their own).
     */
    public static Config validate(Config result) {
        Map<String, ConfigValue> values = ValidationResults.byName(result);
        ConfigValue url = values.get(NylasConnectionConfig.API_URL);
        ConfigValue key = values.get(NylasConnectionConfig.API_KEY);
        ConfigValue timeout = values.get(NylasConnectionConfig.REQUEST_TIMEOUT_MS);
        if (url == null || key == null || !url.errorMessages().isEmpty() || !key.errorMessages().isEmpty()
                || !(url.value() instanceof String base) || !(key.value() instanceof Password password)
                || password.value() == null || password.value().isBlank()) {
            return result;
        }
        long timeoutMs = Math.min(VALIDATE_TIMEOUT_MS, timeout != null && timeout.value() instanceof Number n
                ? n.longValue() : VALIDATE_TIMEOUT_MS);
        checkAccess(base, password.value(), Duration.ofMillis(timeoutMs), url, key, subscriptionToCheck(values));
        return result;
    }

    /** The public URL whose subscription to check, with the triggers it needs; null when there is none to check. */
    private static Subscription subscriptionToCheck(Map<String, ConfigValue> values) {
        ConfigValue enabled = values.get(WebhookConfig.WEBHOOK_ENABLED);
        ConfigValue publicUrl = values.get(WebhookConfig.WEBHOOK_PUBLIC_URL);
        ConfigValue objects = values.get(NylasSourceConnectorConfig.OBJECTS);
        if (enabled == null || !Boolean.TRUE.equals(enabled.value()) || publicUrl == null
                || !publicUrl.errorMessages().isEmpty() || !(publicUrl.value() instanceof String u) || u.isBlank()
                || objects == null || !(objects.value() instanceof List<?> list)) {
            return null;
        }
        List<String> names = list.stream().map(o -> o.toString().trim().toLowerCase(Locale.ROOT)).toList();
        ConfigValue secret = values.get(WebhookConfig.WEBHOOK_SECRET);
        boolean secretSet = secret != null && secret.value() instanceof Password p && p.value() != null
                && !p.value().isBlank();
        return new Subscription(u.trim(), publicUrl, SubscriptionCheck.requiredTriggers(names), secretSet);
    }

    /** {@code secretSet}: false while the endpoint is first brought up to answer the challenge of its creation. */
    private record Subscription(String url, ConfigValue value, Set<String> triggers, boolean secretSet) {
    }

    static final long VALIDATE_TIMEOUT_MS = 10_000;

    private static void checkAccess(String base, String apiKey, Duration timeout, ConfigValue url, ConfigValue key,
                                    Subscription subscription) {
        ExecutorService probe = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "nylas-validate");
            t.setDaemon(true);
            return t;
        });
        NylasClient client;
        try {
            client = new NylasClient(base, apiKey, timeout);
        } catch (IllegalArgumentException e) {
            url.addErrorMessage(NylasConnectionConfig.API_URL + ": " + e.getMessage());
            probe.shutdown();
            return;
        }
        try {
            Future<?> call = probe.submit(client::checkAccess);
            // the client's own call timeout bounds the call; this bounds DNS lookups too, which it cannot interrupt
            call.get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            if (subscription != null) {
                List<WebhookSubscription> subs = probe.submit(client::listWebhooks)
                        .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
                for (String problem : SubscriptionCheck.problems(subs, subscription.url(),
                        subscription.triggers(), subscription.secretSet())) {
                    subscription.value().addErrorMessage(WebhookConfig.WEBHOOK_PUBLIC_URL + ": " + problem);
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof NylasApiException api) {
                describe(api, base, url, key);
            } else {
                log.warn("Could not check nylas.api.url {} during validation: {}", base, String.valueOf(e.getCause()));
            }
        } catch (TimeoutException e) {
            log.warn("Nylas at {} did not answer within {} ms during validation; not reported as an error (the tasks "
                    + "retry)", base, timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            probe.shutdownNow();
            client.close();
        }
    }

    private static void describe(NylasApiException e, String base, ConfigValue url, ConfigValue key) {
        if (e.kind() == ApiException.Kind.AUTHENTICATION) {
            key.addErrorMessage(NylasConnectionConfig.API_KEY + ": Nylas at " + base + " rejected the API key (HTTP "
                    + e.status() + "); use the application's API key from the Nylas dashboard");
        } else if (e.kind() == ApiException.Kind.NOT_FOUND || e.status() >= 200 && e.status() < 300) {
            url.addErrorMessage(NylasConnectionConfig.API_URL + ": " + base + " does not answer as the Nylas v3 API "
                    + "(GET /v3/grants -> " + (e.status() == 404 ? "404" : "a body that is not JSON")
                    + "); expected e.g. https://api.us.nylas.com");
        } else {
            log.warn("Nylas at {} could not be checked during validation ({}); not reported as an error (the tasks "
                    + "retry)", base, e.getMessage());
        }
    }
}

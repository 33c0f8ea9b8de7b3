package io.nylassf.quickstart;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Creates the Nylas webhook subscription the way {@code docs/nylas-source.md} tells an admin to: {@code POST
 * /v3/webhooks} once the source's endpoint is up (Nylas sends it a challenge before creating the subscription),
 * keeping the {@code webhook_secret} it answers with for the connector's {@code webhook.secret}.
 */
public final class WebhookSubscription {
    /** Every trigger the Nylas source needs for messages, events, contacts and grant status. */
    public static final List<String> TRIGGERS = List.of("message.created", "message.updated", "message.deleted",
            "event.created", "event.updated", "event.deleted", "contact.updated", "contact.deleted",
            "grant.expired", "grant.updated");

    /** The created subscription: its id and signing secret. */
    public record Created(String id, String secret) {
    }

    private WebhookSubscription() {
    }

    /**
     * Creates the subscription, trying again while the challenge fails (the endpoint is still starting) until
     * {@code within} has passed.
     */
    public static Created create(String nylasUrl, String apiKey, String webhookUrl, Duration within)
            throws IOException, InterruptedException {
        byte[] body = EmulatorHttp.JSON.writeValueAsBytes(Map.of("webhook_url", webhookUrl, "trigger_types", TRIGGERS,
                "description", "quickstart: Kafka Connect Nylas source"));
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                JsonNode data = EmulatorHttp.json(HttpRequest.newBuilder(URI.create(nylasUrl + "/v3/webhooks"))
                        .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))).path("data");
                return new Created(data.path("id").asText(), data.path("webhook_secret").asText());
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            Thread.sleep(1_000);
        }
    }
}

package io.nylassf.connect.source.nylas;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.testkit.connect.ConnectClusterExtension;
import io.nylassf.testkit.connect.PluginMetricsJmx;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.nylas.NylasMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.nylassf.connect.source.nylas.NylasItSupport.awaitCount;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backstop on a running connector: windowed reads stretch to the backstop interval once Nylas reports the
 * webhook subscription active, a change whose notification Nylas lost is still found by a window and counted as
 * a miss, the miss brings the reads back to the short interval, and they stretch again once it is past; a
 * destination Nylas marks failing shrinks them too, until a delivery succeeds and Nylas marks it active again.
 */
class BackstopIT {
    /** Nylas marks a destination failing after 15 minutes of failed deliveries; 3 s here. */
    private static final Duration FAILING_AFTER = Duration.ofSeconds(3);
    private static final NylasEmulator NYLAS = NylasEmulator.builder()
            .rateLimitPerSecond(0).applicationRateLimitPerSecond(0)
            .webhookHealth(FAILING_AFTER, Duration.ofHours(72)).build().start();
    private static final long BACKSTOP_MS = 15_000;
    private static final long SHORT_MS = 500;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.builder().workers(1).build();

    @AfterAll
    static void stopEmulator() {
        NYLAS.close();
    }

    @Test
    void aLostNotificationIsFoundByTheBackstopWhichShrinksAndStretchesAgain() throws Exception {
        String grant = NYLAS.createGrant("backstop@example.com", "google");
        int port = NylasItSupport.freePort();
        String endpoint = "http://127.0.0.1:" + port + "/nylas/webhook";
        Map<String, String> c = config("backstop", "bs", grant, port);
        c.put("window.lag.ms", "0");
        CONNECT.putConnector("backstop", c);
        CONNECT.awaitRunning("backstop", 1);
        HttpClient http = HttpClient.newHttpClient();
        await("endpoint up").atMost(Duration.ofSeconds(30)).until(() -> status(http, endpoint + "/health") == 200);
        assertEquals(0, metric("webhooks-healthy"), "no subscription yet: windows read every poll interval");
        assertEquals(SHORT_MS, metric("backstop-interval-ms"));

        // an admin creates the subscription: Nylas answers the challenge, the secret goes to the connector
        ObjectNode webhook = NYLAS.registerWebhook(endpoint, "message.created", "message.updated");
        c.put("webhook.secret", webhook.get("webhook_secret").asText());
        CONNECT.putConnector("backstop", c);
        await("reads stretch to the backstop").atMost(Duration.ofSeconds(60))
                .until(() -> metric("webhooks-healthy") == 1 && metric("backstop-interval-ms") == BACKSTOP_MS);

        // a change announced by a notification arrives through the endpoint
        String hooked = NYLAS.addMessage(grant, NylasMessage.create().subject("announced")).get("id").asText();
        awaitCount(CONNECT, 1, Duration.ofSeconds(30), r -> r.id().equals(hooked) && r.via().equals("webhook"),
                "bs.messages");

        // Nylas loses the next notification: only a window can find that message
        NYLAS.loseNextWebhooks(1);
        String lost = NYLAS.addMessage(grant, NylasMessage.create().subject("lost")).get("id").asText();
        awaitCount(CONNECT, 1, Duration.ofSeconds(90), r -> r.id().equals(lost), "bs.messages");
        assertEquals(1, NYLAS.lostWebhooks().size());
        assertTrue(NylasItSupport.all(CONNECT, "bs.messages").stream().filter(r -> r.id().equals(lost))
                .allMatch(r -> r.via().equals("window")), "found by the backstop, not a notification");
        await("the miss is counted and the reads shrink").atMost(Duration.ofSeconds(30))
                .until(() -> metric("webhook-misses-total") >= 1 && metric("webhooks-healthy") == 0
                        && metric("backstop-interval-ms") == SHORT_MS);

        // one backstop interval after the miss, webhooks are trusted again
        await("the reads stretch again").atMost(Duration.ofSeconds(60))
                .until(() -> metric("webhooks-healthy") == 1 && metric("backstop-interval-ms") == BACKSTOP_MS);
    }

    @Test
    void validateNamesWhatTheSubscriptionLacksAndAnUnregisteredEndpointShrinksTheReads() throws Exception {
        Deployed d = deployWithPublicUrl("subscription@example.com", "subscription", "sub");
        String grant = d.grant();
        String endpoint = d.endpoint();
        Map<String, String> c = d.config();
        HttpClient http = HttpClient.newHttpClient();

        // the admin subscribes to new messages only: validate, through the REST API, names the missing triggers
        ObjectNode webhook = NYLAS.registerWebhook(endpoint, "message.created");
        c.put("webhook.secret", webhook.get("webhook_secret").asText());
        Map<String, List<String>> errors = ConnectClusterExtension.allValidationErrors(
                CONNECT.validate(NylasItSupport.CONNECTOR_CLASS, c));
        assertEquals(List.of("webhook.public.url"), List.copyOf(errors.keySet()), errors.toString());
        String message = errors.get("webhook.public.url").get(0);
        assertTrue(message.contains("message.updated") && message.contains("message.deleted")
                && message.contains("grant.expired") && !message.contains("message.created"), message);

        // with every trigger added, the config validates and the reads stretch
        String id = webhook.get("id").asText();
        HttpResponse<String> updated = http.send(HttpRequest.newBuilder(URI.create(NYLAS.baseUrl() + "/v3/webhooks/"
                        + id)).header("Authorization", "Bearer " + NYLAS.apiKey())
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"trigger_types\":[\"message.created\",\"message.updated\",\"message.deleted\","
                                + "\"grant.expired\",\"grant.updated\"]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals(Map.of(), ConnectClusterExtension.allValidationErrors(
                CONNECT.validate(NylasItSupport.CONNECTOR_CLASS, c)));
        CONNECT.putConnector("subscription", c);
        await("reads stretch to the backstop").atMost(Duration.ofSeconds(60))
                .until(() -> metric("subscription", "webhooks-healthy") == 1
                        && metric("subscription", "backstop-interval-ms") == BACKSTOP_MS);

        // the subscription is deleted: nothing will announce changes any more, so the reads shrink at once
        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(URI.create(NYLAS.baseUrl() + "/v3/webhooks/"
                + id)).header("Authorization", "Bearer " + NYLAS.apiKey()).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, deleted.statusCode(), deleted.body());
        await("reads shrink to the poll interval").atMost(Duration.ofSeconds(30))
                .until(() -> metric("subscription", "webhooks-healthy") == 0
                        && metric("subscription", "backstop-interval-ms") == SHORT_MS);
        String late = NYLAS.addMessage(grant, NylasMessage.create().subject("unannounced")).get("id").asText();
        awaitCount(CONNECT, 1, Duration.ofSeconds(30), r -> r.id().equals(late) && r.via().equals("window"),
                "sub.messages");
        CONNECT.cluster().deleteConnector("subscription");
    }

    @Test
    void anEndpointNylasMarksFailingShrinksTheReadsUntilDeliveriesSucceedAgain() throws Exception {
        Deployed d = deployWithPublicUrl("failing@example.com", "failing", "fl");
        String grant = d.grant();
        String endpoint = d.endpoint();
        Map<String, String> c = d.config();
        HttpClient http = HttpClient.newHttpClient();
        ObjectNode webhook = NYLAS.registerWebhook(endpoint, "message.created", "message.updated", "message.deleted",
                "grant.expired", "grant.updated");
        String id = webhook.get("id").asText();
        c.put("webhook.secret", webhook.get("webhook_secret").asText());
        CONNECT.putConnector("failing", c);
        await("reads stretch to the backstop").atMost(Duration.ofSeconds(60))
                .until(() -> metric("failing", "webhooks-healthy") == 1
                        && metric("failing", "backstop-interval-ms") == BACKSTOP_MS);

        // someone rotates the secret at Nylas and forgets the connector: every delivery is refused (401), Nylas
        // marks the destination failing, and the connector stops trusting webhooks
        String rotated = rotateSecret(http, id);
        String refused = NYLAS.addMessage(grant, NylasMessage.create().subject("refused")).get("id").asText();
        await("Nylas reports the destination failing").atMost(Duration.ofSeconds(30))
                .until(() -> "failing".equals(webhookStatus(http, id)));
        await("reads shrink to the poll interval").atMost(Duration.ofSeconds(30))
                .until(() -> metric("failing", "webhooks-healthy") == 0
                        && metric("failing", "backstop-interval-ms") == SHORT_MS);
        awaitCount(CONNECT, 1, Duration.ofSeconds(30), r -> r.id().equals(refused) && r.via().equals("window"),
                "fl.messages");

        // the admin puts the new secret in the config; validate lets it through though the subscription is failing
        c.put("webhook.secret", rotated);
        assertEquals(Map.of(), ConnectClusterExtension.allValidationErrors(
                CONNECT.validate(NylasItSupport.CONNECTOR_CLASS, c)));
        CONNECT.putConnector("failing", c);
        CONNECT.awaitRunning("failing", 1);
        // the next delivery succeeds: Nylas marks the destination active, and the reads stretch again
        await("a delivery succeeds and the destination is active").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
            NYLAS.addMessage(grant, NylasMessage.create().subject("after the fix"));
            return "active".equals(webhookStatus(http, id));
        });
        await("reads stretch again").atMost(Duration.ofSeconds(60))
                .until(() -> metric("failing", "webhooks-healthy") == 1
                        && metric("failing", "backstop-interval-ms") == BACKSTOP_MS);
        CONNECT.cluster().deleteConnector("failing");
    }

    private static String rotateSecret(HttpClient http, String id) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(NYLAS.baseUrl()
                        + "/v3/webhooks/rotate-secret/" + id)).header("Authorization", "Bearer " + NYLAS.apiKey())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return MAPPER.readTree(r.body()).path("data").path("webhook_secret").asText();
    }

    private static String webhookStatus(HttpClient http, String id) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(NYLAS.baseUrl() + "/v3/webhooks/" + id))
                .header("Authorization", "Bearer " + NYLAS.apiKey()).GET().build(), HttpResponse.BodyHandlers.ofString());
        return MAPPER.readTree(r.body()).path("data").path("status").asText();
    }

    private record Deployed(String grant, String endpoint, Map<String, String> config) {
    }

    /** A new grant read by connector {@code name}, its endpoint's public URL set (validate checks it), and up. */
    private static Deployed deployWithPublicUrl(String email, String name, String prefix) {
        String grant = NYLAS.createGrant(email, "google");
        int port = NylasItSupport.freePort();
        String endpoint = "http://127.0.0.1:" + port + "/nylas/webhook";
        Map<String, String> c = config(name, prefix, grant, port);
        c.put("webhook.public.url", endpoint);
        CONNECT.putConnector(name, c);
        HttpClient http = HttpClient.newHttpClient();
        await("endpoint up").atMost(Duration.ofSeconds(30)).until(() -> status(http, endpoint + "/health") == 200);
        return new Deployed(grant, endpoint, c);
    }

    /** Messages only, the short interval, the endpoint on {@code port}, a short backstop, frequent status checks. */
    private static Map<String, String> config(String name, String prefix, String grant, int port) {
        Map<String, String> c = NylasItSupport.config(name, NYLAS.baseUrl(), NYLAS.apiKey(), prefix, List.of(grant));
        c.put("nylas.objects", "messages");
        c.put("poll.interval.ms", Long.toString(SHORT_MS));
        c.put("webhook.enabled", "true");
        c.put("webhook.port", Integer.toString(port));
        c.put("backstop.interval.ms", Long.toString(BACKSTOP_MS));
        c.put("webhook.health.check.interval.ms", "1000");
        return c;
    }

    private static long metric(String name) {
        return metric("backstop", name);
    }

    private static long metric(String connector, String name) {
        Number v = PluginMetricsJmx.task(connector, 0, name);
        return v == null ? -1 : v.longValue();
    }

    private static int status(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}

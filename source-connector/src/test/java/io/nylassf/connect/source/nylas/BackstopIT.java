package io.nylassf.connect.source.nylas;

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
 * a miss, the miss brings the reads back to the short interval, and they stretch again once it is past.
 */
class BackstopIT {
    private static final NylasEmulator NYLAS = NylasEmulator.builder()
            .rateLimitPerSecond(0).applicationRateLimitPerSecond(0).build().start();
    private static final long BACKSTOP_MS = 15_000;
    private static final long SHORT_MS = 500;

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
        Map<String, String> c = NylasItSupport.config("backstop", NYLAS.baseUrl(), NYLAS.apiKey(), "bs",
                List.of(grant));
        c.put("nylas.objects", "messages");
        c.put("poll.interval.ms", Long.toString(SHORT_MS));
        c.put("window.lag.ms", "0");
        c.put("webhook.enabled", "true");
        c.put("webhook.port", Integer.toString(port));
        c.put("backstop.interval.ms", Long.toString(BACKSTOP_MS));
        c.put("webhook.health.check.interval.ms", "1000");
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

    private static long metric(String name) {
        Number v = PluginMetricsJmx.task("backstop", 0, name);
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

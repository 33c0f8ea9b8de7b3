package io.nylassf.connect.source.nylas;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.nylassf.testkit.nylas.NylasEmulator;
import org.apache.kafka.common.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * validate() checks, through GET /v3/webhooks, that the subscription for webhook.public.url exists, is active and
 * has every trigger the configured objects need, and says on that setting what is missing.
 */
class SubscriptionValidationTest {
    private NylasEmulator nylas;
    private HttpServer endpoint;
    private String publicUrl;

    @BeforeEach
    void start() throws Exception {
        nylas = NylasEmulator.builder().build().start();
        nylas.createGrant("a@example.com", "google");
        // answers Nylas' challenge, as the connector's endpoint does
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/nylas/webhook", x -> {
            String q = x.getRequestURI().getRawQuery();
            byte[] body = q == null ? new byte[0] : java.net.URLDecoder.decode(q.replaceFirst("^challenge=", ""),
                    StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        endpoint.start();
        publicUrl = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/nylas/webhook";
    }

    @AfterEach
    void stop() {
        endpoint.stop(0);
        nylas.close();
    }

    @Test
    void aMissingSubscriptionIsNamedWithHowToCreateItOnceTheSecretIsSet() {
        assertEquals(Map.of(), errors(), "no secret yet: the endpoint must come up to answer the creation's challenge");
        Map<String, String> withSecret = props();
        withSecret.put("webhook.secret", "s3cret");
        List<String> errors = errors(withSecret).getOrDefault("webhook.public.url", List.of());
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("no Nylas webhook subscription delivers to " + publicUrl)
                && errors.get(0).contains("POST /v3/webhooks"), errors.get(0));
    }

    @Test
    void missingTriggersAreListed() {
        nylas.registerWebhook(publicUrl, "message.created", "grant.expired");
        List<String> errors = errors().getOrDefault("webhook.public.url", List.of());
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("lacks the triggers message.updated, message.deleted, contact.updated, "
                + "contact.deleted, grant.updated"), errors.get(0));
    }

    @Test
    void aSubscriptionNylasIsNotDeliveringToIsReported() throws Exception {
        ObjectNode w = nylas.registerWebhook(publicUrl, "message.created", "message.updated", "message.deleted",
                "contact.updated", "contact.deleted", "grant.expired", "grant.updated");
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(nylas.baseUrl() + "/v3/webhooks/" + w.get("id").asText()))
                .header("Authorization", "Bearer " + nylas.apiKey()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"inactive\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        List<String> errors = errors().getOrDefault("webhook.public.url", List.of());
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("is 'inactive', not 'active'"), errors.get(0));
    }

    @Test
    void aReadySubscriptionPassesAndWithoutAPublicUrlNothingIsChecked() {
        Map<String, String> without = props();
        without.remove("webhook.public.url");
        assertEquals(Map.of(), errors(without), "no public URL: no subscription check");
        nylas.registerWebhook(publicUrl, "message.created", "message.updated", "message.deleted", "contact.updated",
                "contact.deleted", "grant.expired", "grant.updated");
        assertEquals(Map.of(), errors());
    }

    private Map<String, String> props() {
        Map<String, String> p = new HashMap<>(Map.of("nylas.api.url", nylas.baseUrl(), "nylas.api.key", nylas.apiKey(),
                "nylas.objects", "messages,contacts", "webhook.enabled", "true", "webhook.public.url", publicUrl));
        return p;
    }

    private Map<String, List<String>> errors() {
        return errors(props());
    }

    private static Map<String, List<String>> errors(Map<String, String> props) {
        Config config = new NylasSourceConnector().validate(props);
        Map<String, List<String>> out = new HashMap<>();
        config.configValues().stream().filter(v -> !v.errorMessages().isEmpty())
                .forEach(v -> out.put(v.name(), v.errorMessages()));
        return out;
    }
}

package io.nylassf.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nylassf.testkit.connect.ConnectRest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Posts the sandbox connector configs from {@code config-examples/sandbox/} through the Connect REST API, as a
 * user would with curl. The files name the emulators' default ports; other ports are substituted.
 */
public final class ConnectorDeployer {
    public static final String DEFAULT_SALESFORCE_URL = "http://127.0.0.1:" + QuickstartOptions.SALESFORCE_PORT;
    public static final String DEFAULT_NYLAS_URL = "http://127.0.0.1:" + QuickstartOptions.NYLAS_PORT;
    public static final String DEFAULT_WEBHOOK_BASE = "http://127.0.0.1:" + QuickstartOptions.WEBHOOK_PORT;
    public static final String NYLAS_SOURCE = "nylas-source";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One connector: its name and config as posted. */
    public record Deployment(String name, Map<String, String> config) {
        public String connectorClass() {
            return config.get("connector.class");
        }
    }

    private final QuickstartOptions options;
    private final ConnectRest rest;

    public ConnectorDeployer(QuickstartOptions options, ConnectRest rest) {
        this.options = options;
        this.rest = rest;
    }

    /** Reads every sandbox example, with this run's emulator URLs and webhook port. */
    public static List<Deployment> sandboxConfigs(Path repo, String salesforceUrl, String nylasUrl, int webhookPort) {
        Path dir = repo.resolve("config-examples").resolve("sandbox");
        List<Deployment> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String text = Files.readString(f).replace(DEFAULT_SALESFORCE_URL, salesforceUrl)
                        .replace(DEFAULT_NYLAS_URL, nylasUrl)
                        .replace(DEFAULT_WEBHOOK_BASE, "http://127.0.0.1:" + webhookPort);
                JsonNode body = JSON.readTree(text);
                Map<String, String> config = new LinkedHashMap<>();
                body.path("config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
                config.computeIfPresent("webhook.port", (k, v) -> Integer.toString(webhookPort));
                out.add(new Deployment(body.path("name").asText(), config));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        return out;
    }

    public List<Deployment> deployAll() {
        List<Deployment> deployments = sandboxConfigs(options.repo(), options.salesforceUrl(), options.nylasUrl(),
                options.webhookPort());
        deployments.forEach(this::put);
        return deployments;
    }

    /**
     * What an admin does after the first deployment (docs/nylas-source.md): creates the webhook subscription for
     * the running endpoint and gives the source its secret. In production the secret comes from a config
     * provider; here it is written into the config.
     */
    public WebhookSubscription.Created subscribeWebhooks(List<Deployment> deployments, String apiKey)
            throws Exception {
        Deployment source = deployments.stream().filter(d -> d.name().equals(NYLAS_SOURCE)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + NYLAS_SOURCE + " in config-examples/sandbox"));
        WebhookSubscription.Created created = WebhookSubscription.create(options.nylasUrl(), apiKey,
                source.config().get("webhook.public.url"), Duration.ofSeconds(90));
        source.config().put("webhook.secret", created.secret());
        put(source);
        return created;
    }

    private void put(Deployment d) {
        ConnectRest.Response r = rest.put("connectors/" + d.name() + "/config", d.config());
        if (!r.ok()) {
            throw new IllegalStateException("PUT /connectors/" + d.name() + "/config -> " + r.status() + ": "
                    + r.raw());
        }
    }
}

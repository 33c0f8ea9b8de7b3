package io.nylassf.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nylassf.testkit.connect.ConnectRest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** Reads every sandbox example, with this run's emulator URLs. */
    public static List<Deployment> sandboxConfigs(Path repo, String salesforceUrl, String nylasUrl) {
        Path dir = repo.resolve("config-examples").resolve("sandbox");
        List<Deployment> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String text = Files.readString(f).replace(DEFAULT_SALESFORCE_URL, salesforceUrl)
                        .replace(DEFAULT_NYLAS_URL, nylasUrl);
                JsonNode body = JSON.readTree(text);
                Map<String, String> config = new LinkedHashMap<>();
                body.path("config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
                out.add(new Deployment(body.path("name").asText(), config));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        return out;
    }

    public List<Deployment> deployAll() {
        List<Deployment> deployments = sandboxConfigs(options.repo(), options.salesforceUrl(), options.nylasUrl());
        for (Deployment d : deployments) {
            ConnectRest.Response r = rest.put("connectors/" + d.name() + "/config", d.config());
            if (!r.ok()) {
                throw new IllegalStateException("PUT /connectors/" + d.name() + "/config -> " + r.status() + ": "
                        + r.raw());
            }
        }
        return deployments;
    }
}

package io.nylassf.connect.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.testkit.connect.ConnectClusterExtension;
import io.nylassf.testkit.connect.ConnectRest;
import io.nylassf.testkit.connect.PluginArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin as a platform team installs it: the built zip unpacked into a directory on the workers'
 * {@code plugin.path} (the connectors are kept off this JVM's classpath), found through its service manifests by
 * a two-worker distributed cluster, and driven only through the REST API.
 */
class PackagedPluginIT {
    private static final String VERSION = System.getProperty("project.version");
    private static final Path PLUGIN_PATH =
            PluginArchive.installInto(PluginArchive.builtZip(), Path.of("target", "it-plugin-path"));

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.builder()
            .workers(2)
            .pluginPath(PLUGIN_PATH)
            .build();

    static Stream<Arguments> connectors() {
        return Stream.of(
                Arguments.of("io.nylassf.connect.source.nylas.NylasSourceConnector", "source",
                        Map.of("nylas.api.url", "http://127.0.0.1:9", "nylas.api.key", "test-key",
                                "nylas.grant.ids", "grant-a,grant-b,grant-c,grant-d"),
                        "nylas.api.key", null),
                Arguments.of("io.nylassf.connect.source.salesforce.SalesforceSourceConnector", "source",
                        Map.of("salesforce.login.url", "http://127.0.0.1:9", "salesforce.auth.method",
                                "client_credentials", "salesforce.client.id", "client", "salesforce.client.secret",
                                "secret", "salesforce.objects", "Task,Event,Opportunity"),
                        "salesforce.jwt.private.key", Map.of("salesforce.auth.method", "jwt_bearer")),
                Arguments.of("io.nylassf.connect.sink.salesforce.SalesforceSinkConnector", "sink",
                        Map.of("topics", "nylas.contacts", "salesforce.login.url", "http://127.0.0.1:9",
                                "salesforce.auth.method", "client_credentials", "salesforce.client.id", "client",
                                "salesforce.client.secret", "secret"),
                        "salesforce.batch.size", Map.of("salesforce.batch.size", "500")),
                Arguments.of("io.nylassf.connect.sink.nylas.NylasSinkConnector", "sink",
                        Map.of("topics", "salesforce.task", "nylas.api.url", "http://127.0.0.1:9",
                                "nylas.api.key", "test-key"),
                        "nylas.api.url", Map.of("nylas.api.url", "ftp://example.com")));
    }

    @Test
    void connectorsAreNotOnTheTestClasspath() {
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName("io.nylassf.connect.source.nylas.NylasSourceConnector"));
    }

    @Test
    void workersFindEveryConnectorOnThePluginPath() {
        ConnectRest.Response r = CONNECT.rest().get("connector-plugins?connectorsOnly=true");
        assertTrue(r.ok(), r.raw());
        Map<String, JsonNode> byClass = new HashMap<>();
        r.body().forEach(p -> byClass.put(p.path("class").asText(), p));
        connectors().forEach(a -> {
            String cls = (String) a.get()[0];
            JsonNode plugin = byClass.get(cls);
            assertTrue(plugin != null, cls + " not listed by /connector-plugins: " + byClass.keySet());
            assertEquals(a.get()[1], plugin.path("type").asText());
            assertEquals(VERSION, plugin.path("version").asText());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("connectors")
    void lifecycleThroughTheRestApi(String connectorClass, String type, Map<String, String> valid,
                                    String badSetting, Map<String, String> breakIt) {
        String name = connectorClass.substring(connectorClass.lastIndexOf('.') + 1).toLowerCase();
        Map<String, String> config = new HashMap<>(valid);
        config.put("name", name);
        config.put("connector.class", connectorClass);
        config.put("tasks.max", "1");

        // A good config validates clean; a bad one names the setting at fault.
        assertEquals(Map.of(), ConnectClusterExtension.allValidationErrors(CONNECT.validate(connectorClass, config)));
        Map<String, String> bad = new HashMap<>(config);
        if (breakIt == null) {
            bad.remove(badSetting);
        } else {
            bad.putAll(breakIt);
        }
        JsonNode validation = CONNECT.validate(connectorClass, bad);
        assertTrue(validation.path("error_count").asInt() > 0, validation.toString());
        List<String> errors = ConnectClusterExtension.validationErrors(validation, badSetting);
        assertFalse(errors.isEmpty(), "no error attached to " + badSetting + ": " + validation);
        assertTrue(errors.stream().anyMatch(e -> e.contains(badSetting)), "error does not name " + badSetting + ": " + errors);

        // Create, scale 1 -> 3 -> 1, pause, resume, delete.
        CONNECT.putConnector(name, config);
        CONNECT.awaitRunning(name, 1);
        config.put("tasks.max", "3");
        CONNECT.putConnector(name, config);
        CONNECT.awaitRunning(name, 3);
        config.put("tasks.max", "1");
        CONNECT.putConnector(name, config);
        CONNECT.awaitRunning(name, 1);

        assertEquals(202, CONNECT.rest().put("connectors/" + name + "/pause", null).status());
        CONNECT.awaitState(name, "PAUSED", 1);
        assertEquals(202, CONNECT.rest().put("connectors/" + name + "/resume", null).status());
        CONNECT.awaitRunning(name, 1);

        assertEquals(204, CONNECT.rest().delete("connectors/" + name).status());
        CONNECT.awaitDeleted(name);
    }
}

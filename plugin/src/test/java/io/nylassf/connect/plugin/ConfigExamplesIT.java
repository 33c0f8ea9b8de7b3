package io.nylassf.connect.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.testkit.connect.ConnectClusterExtension;
import io.nylassf.testkit.connect.PluginArchive;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Posts every file in {@code config-examples/} to {@code PUT /connector-plugins/{class}/config/validate} on a worker
 * that loads the packaged plugin and has the file config provider, as the examples' README tells users to set up.
 * Sandbox examples must validate clean; real ones may only fail on the credentials and endpoints this test worker
 * cannot resolve or reach.
 */
class ConfigExamplesIT {
    /** Settings a real example may be reported on here: secrets from files we don't have, services we can't reach. */
    private static final Set<String> CREDENTIAL_SETTINGS = Set.of("nylas.api.key", "nylas.api.url",
            "salesforce.login.url", "salesforce.client.id", "salesforce.client.secret", "salesforce.username",
            "salesforce.jwt.private.key", "salesforce.refresh.token");

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.builder()
            .pluginPath(PluginArchive.installInto(PluginArchive.builtZip(), Path.of("target", "it-plugin-path")))
            .workerProp("config.providers", "file")
            .workerProp("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider")
            .build();

    static Stream<Path> jsonExamples() throws IOException {
        return ConfigExamplesTest.jsonExamples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonExamples")
    void exampleValidates(Path json) throws IOException {
        Map<String, String> config = ConfigExamplesTest.settings(json);
        JsonNode result = CONNECT.validate(config.get("connector.class"), config);
        Map<String, List<String>> errors = ConnectClusterExtension.allValidationErrors(result);
        if (json.getParent().getFileName().toString().equals("sandbox")) {
            assertEquals(Map.of(), errors, json + " must validate clean");
        } else {
            assertTrue(CREDENTIAL_SETTINGS.containsAll(errors.keySet()),
                    json + " has errors beyond the credentials this test cannot resolve: " + errors);
        }
        assertEquals(errors.values().stream().mapToInt(List::size).sum(), result.path("error_count").asInt());
    }
}

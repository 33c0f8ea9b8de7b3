package io.nylassf.connect.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.testkit.connect.ConnectClusterExtension;
import io.nylassf.testkit.connect.PluginArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPairGenerator;
import java.util.Base64;
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
 * The real examples' {@code ${file:...}} secrets resolve from files the test writes in the documented layout.
 * Sandbox examples must validate clean; real ones may only fail on the credentials and endpoints this test worker
 * cannot reach (the real Nylas and Salesforce).
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

    /** Where the real examples expect secrets; the test writes its own files and points the references there. */
    private static final String SECRETS_DIR = "/etc/kafka-connect/secrets/";
    private static Path secrets;

    static Stream<Path> jsonExamples() throws IOException {
        return ConfigExamplesTest.jsonExamples();
    }

    @BeforeAll
    static void writeSecretsFiles() throws Exception {
        secrets = Files.createTempDirectory("connect-secrets");
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        // In a properties file a backslash-n is a newline: the whole PEM fits on one line, as users are told to write it.
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(gen.generateKeyPair().getPrivate().getEncoded()).replace("\n", "\\n");
        String pem = "-----BEGIN PRIVATE KEY-----\\n" + body + "\\n-----END PRIVATE KEY-----";
        Files.writeString(secrets.resolve("nylas.properties"),
                "api.key=nyk_example_not_a_real_key\nwebhook.secret=example_webhook_secret\n");
        Files.writeString(secrets.resolve("salesforce.properties"),
                "client.id=3MVG9example\njwt.private.key=" + pem + "\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonExamples")
    void exampleValidates(Path json) throws IOException {
        Map<String, String> config = new java.util.TreeMap<>();
        ConfigExamplesTest.settings(json).forEach((k, v) -> config.put(k, v.replace(SECRETS_DIR, secrets + "/")));
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

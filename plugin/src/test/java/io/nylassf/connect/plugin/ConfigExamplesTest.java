package io.nylassf.connect.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every JSON example has a standalone-mode twin, {@code standalone/<variant>-<name>.properties}, holding the same
 * settings plus {@code name}; and the README table lists every example.
 * Regenerate the twins with {@code mvn -pl plugin test -Dtest=ConfigExamplesTest -Dconfig.examples.update=true}.
 */
class ConfigExamplesTest {
    static final Path EXAMPLES = Path.of("..", "config-examples");

    static Stream<Path> jsonExamples() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String variant : List.of("real", "sandbox")) {
            try (Stream<Path> files = Files.list(EXAMPLES.resolve(variant))) {
                files.filter(p -> p.toString().endsWith(".json")).sorted().forEach(out::add);
            }
        }
        return out.stream();
    }

    static Map<String, String> settings(Path json) throws IOException {
        JsonNode body = new ObjectMapper().readTree(json.toFile());
        Map<String, String> config = new TreeMap<>();
        config.put("name", body.path("name").asText());
        body.path("config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
        return config;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonExamples")
    void standaloneTwinHoldsTheSameSettings(Path json) throws IOException {
        Map<String, String> expected = settings(json);
        String variant = json.getParent().getFileName().toString();
        Path twin = EXAMPLES.resolve("standalone").resolve(variant + "-" + json.getFileName().toString()
                .replace(".json", ".properties"));
        if (Boolean.getBoolean("config.examples.update")) {
            Files.createDirectories(twin.getParent());
            StringBuilder b = new StringBuilder("# Standalone-mode twin of ").append(variant).append('/')
                    .append(json.getFileName()).append(": connect-standalone.sh worker.properties ")
                    .append(twin.getFileName()).append('\n');
            expected.forEach((k, v) -> b.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
            Files.writeString(twin, b.toString());
        }
        assertTrue(Files.exists(twin), twin + " missing");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(twin)) {
            p.load(r);
        }
        Map<String, String> actual = new TreeMap<>();
        p.forEach((k, v) -> actual.put(k.toString(), v.toString()));
        assertEquals(expected, actual, twin + " differs from " + json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonExamples")
    void readmeListsEveryExample(Path json) throws IOException {
        String readme = Files.readString(EXAMPLES.resolve("README.md"));
        String rel = json.getParent().getFileName() + "/" + json.getFileName();
        assertTrue(readme.contains("`" + rel + "`"), "config-examples/README.md does not list " + rel);
    }

    @Test
    void theRealSalesforceSourceReadsAllItsObjectsInOneCallPerPoll() throws IOException {
        // one task reads up to five objects in one Composite call; a task per object would poll each on its own
        Map<String, String> real = settings(EXAMPLES.resolve("real").resolve("salesforce-source.json"));
        int objects = real.get("salesforce.objects").split(",").length;
        assertTrue(objects <= 5, "one Composite call holds five queries");
        assertEquals("1", real.get("tasks.max"), "tasks.max of real/salesforce-source.json");
    }
}

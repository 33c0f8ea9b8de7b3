package io.nylassf.connect.plugin;

import org.apache.kafka.connect.connector.Connector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The options reference under {@code docs/config/} is generated from the connectors' ConfigDefs and must be current.
 * Regenerate with {@code mvn -pl plugin test -Dtest=ConfigReferenceTest -Dconfig.reference.update=true}.
 */
class ConfigReferenceTest {
    private static final Path DIR = Path.of("..", "docs", "config");

    static Stream<Connector> connectors() {
        return ConfigDefinitionTest.connectors();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("connectors")
    void referenceIsCurrent(Connector connector) throws IOException {
        Path file = DIR.resolve(connector.getClass().getSimpleName() + ".md");
        String expected = ConfigReference.render(connector);
        if (Boolean.getBoolean("config.reference.update")) {
            Files.createDirectories(DIR);
            Files.writeString(file, expected);
        }
        String actual = Files.exists(file) ? Files.readString(file) : "";
        assertEquals(expected, actual, file + " is stale: regenerate it with "
                + "mvn -pl plugin test -Dtest=ConfigReferenceTest -Dconfig.reference.update=true");
    }
}

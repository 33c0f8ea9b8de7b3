package io.nylassf.connect.plugin;

import io.nylassf.connect.sink.nylas.NylasSinkConnector;
import io.nylassf.connect.sink.salesforce.SalesforceSinkConnector;
import io.nylassf.connect.source.nylas.NylasSourceConnector;
import io.nylassf.connect.source.salesforce.SalesforceSourceConnector;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Connector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every setting of every connector is documented: doc, group, order, width and display name. */
class ConfigDefinitionTest {
    static Stream<Connector> connectors() {
        return Stream.of(new NylasSourceConnector(), new SalesforceSourceConnector(), new SalesforceSinkConnector(),
                new NylasSinkConnector());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("connectors")
    void everySettingIsFullyDocumented(Connector connector) {
        ConfigDef def = connector.config();
        assertFalse(def.configKeys().isEmpty());
        List<String> problems = new ArrayList<>();
        for (ConfigDef.ConfigKey key : def.configKeys().values()) {
            if (key.documentation == null || key.documentation.isBlank()) {
                problems.add(key.name + ": no documentation");
            }
            if (key.group == null || key.group.isBlank()) {
                problems.add(key.name + ": no group");
            }
            if (key.orderInGroup < 1) {
                problems.add(key.name + ": no order in group");
            }
            if (key.width == null || key.width == ConfigDef.Width.NONE) {
                problems.add(key.name + ": no width");
            }
            if (key.displayName == null || key.displayName.isBlank() || key.displayName.equals(key.name)) {
                problems.add(key.name + ": no display name");
            }
        }
        assertEquals(List.of(), problems, connector.getClass().getSimpleName());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("connectors")
    void versionComesFromTheBuild(Connector connector) {
        assertEquals(System.getProperty("project.version"), connector.version());
    }
}

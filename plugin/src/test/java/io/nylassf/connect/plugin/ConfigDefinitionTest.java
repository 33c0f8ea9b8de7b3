package io.nylassf.connect.plugin;

import io.nylassf.connect.common.config.SettingDocs;
import io.nylassf.connect.sink.nylas.NylasSinkConnector;
import io.nylassf.connect.sink.salesforce.SalesforceSinkConnector;
import io.nylassf.connect.source.nylas.NylasSourceConnector;
import io.nylassf.connect.source.salesforce.SalesforceSourceConnector;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Connector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Field;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
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
            // the reference and Connect's validate answer print the validator: a lambda would print its class name
            if (key.validator != null && key.validator.toString().contains("$$Lambda")) {
                problems.add(key.name + ": its validator does not say what it accepts (" + key.validator + ")");
            }
        }
        assertEquals(List.of(), problems, connector.getClass().getSimpleName());
    }

    /** The prose in the modules' settings.properties is all in use: no doc outlives its setting. */
    @Test
    void everyDocumentedSettingIsDefined() throws Exception {
        Set<String> defined = new HashSet<>();
        connectors().forEach(c -> defined.addAll(c.config().names()));
        for (String taskConfig : List.of("io.nylassf.connect.sink.salesforce.SalesforceSinkTaskConfig",
                "io.nylassf.connect.source.nylas.NylasSourceTaskConfig",
                "io.nylassf.connect.source.salesforce.SalesforceSourceTaskConfig")) {
            Field f = Class.forName(taskConfig).getDeclaredField("TASK_DEF");
            f.setAccessible(true);
            defined.addAll(((ConfigDef) f.get(null)).names());
        }
        List<String> orphans = new ArrayList<>();
        int files = 0;
        for (URL url : Collections.list(getClass().getClassLoader().getResources(SettingDocs.RESOURCE))) {
            files++;
            Properties p = new Properties();
            try (Reader r = new InputStreamReader(url.openStream(), StandardCharsets.UTF_8)) {
                p.load(r);
            }
            for (String key : p.stringPropertyNames()) {
                String setting = key.replaceFirst("\\.(doc|display)$", "");
                if (setting.equals(key) || !defined.contains(setting)) {
                    orphans.add(url.getPath().replaceFirst(".*/([^/]+)/target/.*", "$1") + ": " + key);
                }
            }
        }
        assertEquals(3, files, "common, source-connector and sink-connector each document their settings");
        assertEquals(List.of(), orphans);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("connectors")
    void versionComesFromTheBuild(Connector connector) {
        assertEquals(System.getProperty("project.version"), connector.version());
    }
}

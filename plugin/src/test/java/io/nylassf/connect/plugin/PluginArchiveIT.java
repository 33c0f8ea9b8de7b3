package io.nylassf.connect.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nylassf.testkit.connect.PluginArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks the zip against the Confluent Hub component layout and the service manifests workers look for. */
class PluginArchiveIT {
    private static final String VERSION = System.getProperty("project.version");
    private static final String DIR = System.getProperty("plugin.dir") + "/";
    private static ZipFile zip;
    private static Set<String> names;

    @BeforeAll
    static void open() throws IOException {
        Path path = PluginArchive.builtZip();
        zip = new ZipFile(path.toFile());
        names = new TreeSet<>();
        zip.stream().forEach(e -> names.add(e.getName()));
        System.out.printf("plugin zip %s: %,d bytes, %d entries%n", path.getFileName(), path.toFile().length(),
                names.size());
    }

    @Test
    void manifestDescribesTheComponent() throws IOException {
        JsonNode m = new ObjectMapper().readTree(read(DIR + "manifest.json"));
        assertEquals("nylas-salesforce-connect", m.path("name").asText());
        assertEquals(VERSION, m.path("version").asText());
        assertEquals("nylassf", m.path("owner").path("username").asText());
        assertFalse(m.path("description").asText().isBlank());
        assertFalse(m.path("title").asText().isBlank());
        assertEquals(Set.of("source", "sink"), asSet(m.path("component_types")));
        assertEquals("Apache License 2.0", m.path("license").path(0).path("name").asText());
    }

    @Test
    void libHoldsOurJarsAndOnlyTheThirdPartyJarsWeNeed() {
        List<String> jars = new ArrayList<>();
        for (String n : names) {
            if (n.startsWith(DIR + "lib/") && n.endsWith(".jar")) {
                jars.add(n.substring((DIR + "lib/").length()));
            }
        }
        for (String ours : List.of("nylas-salesforce-common", "nylas-salesforce-source-connector",
                "nylas-salesforce-sink-connector")) {
            assertTrue(jars.contains(ours + "-" + VERSION + ".jar"), ours + " missing from lib/: " + jars);
        }
        for (String needed : List.of("jackson-databind-", "jackson-dataformat-csv-", "okhttp-", "nimbus-jose-jwt-")) {
            assertTrue(jars.stream().anyMatch(j -> j.startsWith(needed)), needed + " missing from lib/: " + jars);
        }
        for (String jar : jars) {
            assertFalse(jar.startsWith("kafka") || jar.startsWith("connect-") || jar.startsWith("slf4j")
                    || jar.startsWith("log4j") || jar.contains("test-kit") || jar.startsWith("junit")
                    || jar.startsWith("jetty") || jar.startsWith("jersey"), "lib/ must not ship " + jar);
        }
    }

    @Test
    void docAndEtcAreThere() {
        assertTrue(names.contains(DIR + "doc/README.md"), "doc/README.md");
        assertTrue(names.contains(DIR + "doc/LICENSE"), "doc/LICENSE");
        for (String c : List.of("nylas-source", "salesforce-sink", "salesforce-source", "nylas-sink")) {
            assertTrue(names.contains(DIR + "etc/real/" + c + ".json"), "etc/real/" + c + ".json");
        }
    }

    @Test
    void serviceManifestsListEveryConnector() throws IOException {
        assertEquals(Set.of("io.nylassf.connect.source.nylas.NylasSourceConnector",
                        "io.nylassf.connect.source.salesforce.SalesforceSourceConnector"),
                servicesIn("nylas-salesforce-source-connector", "org.apache.kafka.connect.source.SourceConnector"));
        assertEquals(Set.of("io.nylassf.connect.sink.salesforce.SalesforceSinkConnector",
                        "io.nylassf.connect.sink.nylas.NylasSinkConnector"),
                servicesIn("nylas-salesforce-sink-connector", "org.apache.kafka.connect.sink.SinkConnector"));
    }

    /** Reads a service file inside one of the lib/ jars and checks each class it names is in that jar. */
    private static Set<String> servicesIn(String artifact, String service) throws IOException {
        ZipEntry jar = zip.getEntry(DIR + "lib/" + artifact + "-" + VERSION + ".jar");
        Set<String> listed = new TreeSet<>();
        Set<String> classes = new TreeSet<>();
        try (JarInputStream in = new JarInputStream(zip.getInputStream(jar))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals("META-INF/services/" + service)) {
                    for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        if (!line.isBlank() && !line.startsWith("#")) {
                            listed.add(line.trim());
                        }
                    }
                } else if (e.getName().endsWith(".class")) {
                    classes.add(e.getName().replace('/', '.').replaceAll("\\.class$", ""));
                }
            }
        }
        for (String c : listed) {
            assertTrue(classes.contains(c), c + " is listed in " + service + " but not in " + artifact);
        }
        return listed;
    }

    private static String read(String entry) throws IOException {
        ZipEntry e = zip.getEntry(entry);
        assertTrue(e != null, entry + " missing from the zip: " + names);
        try (InputStream in = zip.getInputStream(e)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Set<String> asSet(JsonNode array) {
        Set<String> s = new TreeSet<>();
        array.forEach(n -> s.add(n.asText()));
        return s;
    }
}

package io.nylassf.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nylassf.testkit.connect.ConnectRest;
import io.nylassf.testkit.connect.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the quickstart end to end as {@code ./quickstart.sh start --detach} does (separate Kafka, Connect and
 * emulator processes, the plugin loaded from the zip on plugin.path), then checks the printed summary against
 * the emulators' own state and that {@code stop} leaves nothing running.
 */
class QuickstartIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void startsSyncsSummarisesAndStops(@TempDir Path data) throws Exception {
        List<Integer> ports = FreePorts.take(6);
        String[] args = {"start", "--detach", "--data-dir", data.toString(), "--kafka-port", "" + ports.get(0),
                "--controller-port", "" + ports.get(1), "--connect-port", "" + ports.get(2),
                "--salesforce-port", "" + ports.get(3), "--nylas-port", "" + ports.get(4), "--webhook-port", "" + ports.get(5), "--timeout", "120",
                "--sandbox-grants", "2", "--sandbox-contacts", "40", "--sandbox-messages", "200",
                "--sandbox-events", "10", "--sandbox-companies", "6", "--sandbox-accounts", "3",
                "--sandbox-opportunities", "2"};
        QuickstartOptions options = QuickstartOptions.parse(args, Path.of(System.getProperty("quickstart.repo")));
        String classpath = System.getProperty("quickstart.classes") + ":"
                + Files.readString(Path.of(System.getProperty("quickstart.classpath.file"))).trim();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Quickstart quickstart = new Quickstart(options, classpath, new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            Quickstart.Result result = quickstart.start();
            String out = printed.toString(StandardCharsets.UTF_8);

            // Every connector came from the zip on plugin.path and runs in the distributed worker.
            ConnectRest rest = new ConnectRest(() -> options.connectUrl() + "/");
            assertEquals(4, result.deployments().size(), out);
            for (ConnectorDeployer.Deployment d : result.deployments()) {
                assertEquals("RUNNING", rest.get("connectors/" + d.name() + "/status").body().path("connector")
                        .path("state").asText(), d.name());
                assertTrue(rest.get("connectors/" + d.name() + "/offsets").ok(), d.name());
            }
            assertTrue(Files.isDirectory(data.resolve("plugins")), "plugin.path unpacked under the data dir");

            // The summary matches the emulators' state, read independently through their admin APIs.
            for (String object : SandboxSummary.OBJECTS) {
                long actual = get(options.salesforceUrl() + "/__admin/salesforce/records/" + object).size();
                assertEquals(actual, result.summary().salesforceCounts().get(object), object + "\n" + out);
                assertTrue(out.contains(String.format("%,d %s", actual, object)), object + " in summary:\n" + out);
            }
            assertEquals(3, result.summary().salesforceCounts().get("Account"), "seeded Accounts");
            long sent = 0;
            for (String grant : result.grantIds()) {
                sent += get(options.nylasUrl() + "/__admin/nylas/grants/" + grant + "/sent").path("data").size();
            }
            assertEquals(sent, result.summary().nylasMessagesSent());
            // Both directions ran: every rep's waiting email Task left their mailbox once, and their meeting plus
            // the Closed Won kickoff reached a calendar; inbound mail became Tasks and people Contacts or Leads.
            assertEquals(2, result.summary().nylasMessagesSent(), out);
            assertEquals(3, result.summary().nylasEventsFromSalesforce(), out);
            assertTrue(result.summary().salesforceCounts().get("Task") >= 190, out);
            assertEquals(40, result.summary().salesforceCounts().get("Contact")
                    + result.summary().salesforceCounts().get("Lead"), "one person per Nylas contact\n" + out);
            assertTrue(out.contains("Summary"), out);

            // The real-time path: the subscription was created through POST /v3/webhooks against the running
            // endpoint, the probe's email was announced by a signed notification the endpoint accepted, and its
            // Task was in Salesforce within seconds (windows alone would wait for the next backstop read).
            assertTrue(out.contains("Webhook subscription") && out.contains(options.webhookUrl()), out);
            assertTrue(result.realTime().latency() != null, "the probe's Task never reached Salesforce\n" + out);
            assertTrue(result.realTime().latency().toSeconds() < 30, result.realTime() + "\n" + out);
            assertTrue(out.contains("Real-time path: a new email reached Salesforce as a Task in"), out);
            assertTrue(get(options.nylasUrl() + "/__admin/nylas/webhooks/deliveries").path("data").findParents("type")
                    .stream().anyMatch(d -> d.path("type").asText().equals("message.created")
                            && d.path("url").asText().equals(options.webhookUrl()) && d.path("status").asInt() == 200),
                    "a message.created notification delivered to the endpoint and accepted");
            assertTrue(out.contains("Connect worker REST     " + options.connectUrl()), out);
        } finally {
            List<String> stopped = quickstart.stop();
            assertEquals(3, stopped.size(), "kafka, emulators and connect stopped: " + stopped);
        }
        assertTrue(quickstart.processes().running().isEmpty());
        for (int port : List.of(options.connectPort(), options.kafkaPort(), options.salesforcePort(),
                options.nylasPort(), options.webhookPort())) {
            assertFalse(listening(port), "port " + port + " still open after stop");
        }
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url + ": " + r.body());
        return JSON.readTree(r.body());
    }


    private static boolean listening(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

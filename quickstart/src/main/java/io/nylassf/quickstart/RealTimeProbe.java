package io.nylassf.quickstart;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Times the real-time path once the backfill is done: a new email lands in a rep's mailbox (the emulator sends
 * the signed {@code message.created} notification to the source's endpoint, as Nylas does), and the clock stops
 * when Salesforce's own SOQL endpoint returns the Task the sink made of it.
 */
public final class RealTimeProbe {
    /** What the probe saw: the subject it sent, and how long until the Task existed (null: not within the wait). */
    public record Outcome(String subject, Duration latency) {
        public String render() {
            return latency == null
                    ? String.format("  Real-time path: the new email \"%s\" was not in Salesforce yet%n", subject)
                    : String.format("  Real-time path: a new email reached Salesforce as a Task in %.1f s "
                            + "(Nylas webhook -> Kafka -> Salesforce sink)%n", latency.toMillis() / 1000.0);
        }
    }

    private RealTimeProbe() {
    }

    /** Sends the probe's email from one of the rep's own contacts, so it links to a person already synced. */
    public static Outcome run(String nylasUrl, String grantId, String salesforceUrl, String clientId,
                              String clientSecret, Duration within) throws IOException, InterruptedException {
        String sender = EmulatorHttp.get(nylasUrl + "/__admin/nylas/grants/" + EmulatorHttp.enc(grantId)
                + "/contacts").path("data").path(0).path("emails").path(0).path("email").asText("probe@example.test");
        String subject = "Real-time probe " + Long.toHexString(System.nanoTime());
        String token = EmulatorHttp.salesforceToken(salesforceUrl, clientId, clientSecret);
        long start = System.nanoTime();
        EmulatorHttp.json(HttpRequest.newBuilder(URI.create(nylasUrl + "/__admin/nylas/grants/"
                        + EmulatorHttp.enc(grantId) + "/messages")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(EmulatorHttp.JSON.writeValueAsBytes(Map.of(
                        "subject", subject, "body", "Sent by the quickstart", "from",
                        List.of(Map.of("email", sender)))))));
        long deadline = start + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (EmulatorHttp.soql(salesforceUrl, token, "SELECT Id FROM Task WHERE Subject = '" + subject + "'")
                    .path("totalSize").asInt() > 0) {
                return new Outcome(subject, Duration.ofNanos(System.nanoTime() - start));
            }
            Thread.sleep(100);
        }
        return new Outcome(subject, null);
    }
}

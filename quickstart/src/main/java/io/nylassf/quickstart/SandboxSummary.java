package io.nylassf.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the sync produced, read back from the two emulators over HTTP: record counts through Salesforce's own
 * token and SOQL endpoints, and Nylas sends and {@code sf:}-tagged calendar events through the emulator's admin API.
 */
public record SandboxSummary(Map<String, Long> salesforceCounts, long salesforceApiCalls, long nylasMessagesSent,
                             long nylasEventsFromSalesforce) {
    public static final List<String> OBJECTS = List.of("Account", "Contact", "Lead", "Task", "Event", "Opportunity");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static SandboxSummary read(String salesforceUrl, String clientId, String clientSecret, String nylasUrl,
                                      List<String> grantIds) throws IOException, InterruptedException {
        String token = JSON.readTree(send(HttpRequest.newBuilder(URI.create(salesforceUrl + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                        + enc(clientId) + "&client_secret=" + enc(clientSecret))))).path("access_token").asText();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String object : OBJECTS) {
            JsonNode r = JSON.readTree(send(HttpRequest.newBuilder(URI.create(salesforceUrl
                    + "/services/data/v62.0/query?q=" + enc("SELECT COUNT() FROM " + object)))
                    .header("Authorization", "Bearer " + token).GET()));
            counts.put(object, r.path("totalSize").asLong());
        }
        long calls = JSON.readTree(send(HttpRequest.newBuilder(URI.create(salesforceUrl
                + "/__admin/salesforce/api-usage")).GET())).path("calls").asLong();
        long sent = 0;
        long tagged = 0;
        for (String grant : grantIds) {
            sent += JSON.readTree(send(HttpRequest.newBuilder(URI.create(nylasUrl + "/__admin/nylas/grants/"
                    + enc(grant) + "/sent")).GET())).path("data").size();
            for (JsonNode e : JSON.readTree(send(HttpRequest.newBuilder(URI.create(nylasUrl + "/__admin/nylas/grants/"
                    + enc(grant) + "/events")).GET())).path("data")) {
                if (e.path("metadata").path("key1").asText("").startsWith("sf:")) {
                    tagged++;
                }
            }
        }
        return new SandboxSummary(counts, calls, sent, tagged);
    }

    public String render(String salesforceUrl, String nylasUrl, String connectUrl) {
        StringBuilder b = new StringBuilder();
        b.append("Summary\n");
        b.append("  Salesforce (emulated) now holds:");
        salesforceCounts.forEach((k, v) -> b.append(String.format(" %,d %s,", v, k)));
        b.setLength(b.length() - 1);
        b.append(String.format("%n  Salesforce API calls used: %,d%n", salesforceApiCalls));
        b.append(String.format("  Nylas (emulated): %,d message(s) sent, %,d calendar event(s) written from Salesforce%n",
                nylasMessagesSent, nylasEventsFromSalesforce));
        b.append("\nSee for yourself\n");
        b.append("  TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=sandbox-client"
                + " -d client_secret=sandbox-secret ").append(salesforceUrl)
                .append("/services/oauth2/token | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')\n");
        b.append("  curl -s -H \"Authorization: Bearer $TOKEN\" '").append(salesforceUrl)
                .append("/services/data/v62.0/query?q=SELECT+Id,Subject,WhoId,ActivityDate+FROM+Task+LIMIT+5'\n");
        b.append("  curl -s -H 'Authorization: Bearer nyk_sandbox' ").append(nylasUrl).append("/v3/grants\n");
        b.append("  curl -s ").append(connectUrl).append("/connectors?expand=status\n");
        b.append("  curl -s ").append(connectUrl).append("/connectors/nylas-source/offsets\n");
        return b.toString();
    }

    /** API calls each emulator has answered so far: Salesforce's daily-limit count and Nylas' request count. */
    public static String apiCalls(String salesforceUrl, String nylasUrl) {
        try {
            long sf = JSON.readTree(send(HttpRequest.newBuilder(URI.create(salesforceUrl
                    + "/__admin/salesforce/api-usage")).GET())).path("calls").asLong();
            long ny = JSON.readTree(send(HttpRequest.newBuilder(URI.create(nylasUrl + "/__admin/nylas/counts")).GET()))
                    .path("data").path("total").asLong(-1);
            return String.format("  API calls so far: Salesforce %,d, Nylas %,d", sf, ny);
        } catch (IOException e) {
            return "  API calls so far: (emulators not answering: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "  API calls so far: (interrupted)";
        }
    }

    private static String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(15)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IOException(r.request().uri().getPath() + " -> " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

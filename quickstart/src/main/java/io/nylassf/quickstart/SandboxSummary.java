package io.nylassf.quickstart;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
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

    public static SandboxSummary read(String salesforceUrl, String clientId, String clientSecret, String nylasUrl,
                                      List<String> grantIds) throws IOException, InterruptedException {
        String token = EmulatorHttp.salesforceToken(salesforceUrl, clientId, clientSecret);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String object : OBJECTS) {
            counts.put(object, EmulatorHttp.soql(salesforceUrl, token, "SELECT COUNT() FROM " + object)
                    .path("totalSize").asLong());
        }
        long calls = EmulatorHttp.get(salesforceUrl + "/__admin/salesforce/api-usage").path("calls").asLong();
        long sent = 0;
        long tagged = 0;
        for (String grant : grantIds) {
            String admin = nylasUrl + "/__admin/nylas/grants/" + EmulatorHttp.enc(grant);
            sent += EmulatorHttp.get(admin + "/sent").path("data").size();
            for (JsonNode e : EmulatorHttp.get(admin + "/events").path("data")) {
                if (e.path("metadata").path("key1").asText("").startsWith("sf:")) {
                    tagged++;
                }
            }
        }
        return new SandboxSummary(counts, calls, sent, tagged);
    }

    public String render(String salesforceUrl, String nylasUrl, String connectUrl, RealTimeProbe.Outcome realTime) {
        StringBuilder b = new StringBuilder();
        b.append("Summary\n");
        b.append("  Salesforce (emulated) now holds:");
        salesforceCounts.forEach((k, v) -> b.append(String.format(" %,d %s,", v, k)));
        b.setLength(b.length() - 1);
        b.append(String.format("%n  Salesforce API calls used: %,d%n", salesforceApiCalls));
        b.append(String.format("  Nylas (emulated): %,d message(s) sent, %,d calendar event(s) written from Salesforce%n",
                nylasMessagesSent, nylasEventsFromSalesforce));
        b.append(realTime.render());
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
            long sf = EmulatorHttp.get(salesforceUrl + "/__admin/salesforce/api-usage").path("calls").asLong();
            long ny = EmulatorHttp.get(nylasUrl + "/__admin/nylas/counts").path("data").path("total").asLong(-1);
            return String.format("  API calls so far: Salesforce %,d, Nylas %,d", sf, ny);
        } catch (IOException e) {
            return "  API calls so far: (emulators not answering: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "  API calls so far: (interrupted)";
        }
    }
}

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

/** The quickstart's HTTP to the emulators: JSON answers, a non-2xx answer as an exception, a Salesforce token. */
final class EmulatorHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private EmulatorHttp() {
    }

    static JsonNode json(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(15)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IOException(r.request().uri().getPath() + " -> " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    static JsonNode get(String url) throws IOException, InterruptedException {
        return json(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** An access token from the emulated org's own token endpoint (client credentials flow). */
    static String salesforceToken(String salesforceUrl, String clientId, String clientSecret)
            throws IOException, InterruptedException {
        return json(HttpRequest.newBuilder(URI.create(salesforceUrl + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                        + enc(clientId) + "&client_secret=" + enc(clientSecret)))).path("access_token").asText();
    }

    /** A SOQL query through the REST API, as a client of the org would send it. */
    static JsonNode soql(String salesforceUrl, String token, String soql) throws IOException, InterruptedException {
        return json(HttpRequest.newBuilder(URI.create(salesforceUrl + "/services/data/v62.0/query?q=" + enc(soql)))
                .header("Authorization", "Bearer " + token).GET());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package io.nylassf.testkit.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny test client on java.net.http: raw requests against the emulator, JSON bodies read with Jackson. */
final class SfHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String base;
    final String token;

    SfHttp(String base, String token) {
        this.base = base;
        this.token = token;
    }

    static SfHttp of(SalesforceEmulatorExtension ext) {
        return new SfHttp(ext.baseUrl(), ext.token());
    }

    String data(String path) {
        return base + "/services/data/v62.0" + path;
    }

    HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    HttpResponse<String> post(String path, Object body, String... headers) {
        return send("POST", path, body, headers);
    }

    HttpResponse<String> patch(String path, Object body, String... headers) {
        return send("PATCH", path, body, headers);
    }

    HttpResponse<String> delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /** {@code path} is relative to /services/data/v62.0 unless it starts with /services or /__admin or http. */
    HttpResponse<String> send(String method, String path, Object body, String... headers) {
        String url = path.startsWith("http") ? path : path.startsWith("/services") || path.startsWith("/__admin") ? base + path : data(path);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpRequest.BodyPublisher pub = HttpRequest.BodyPublishers.noBody();
        if (body != null) {
            try {
                String s = body instanceof String str ? str : JSON.writeValueAsString(body);
                pub = HttpRequest.BodyPublishers.ofString(s);
                if (java.util.Arrays.stream(headers).noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
                    b.header("Content-Type", "application/json");
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        b.method(method, pub);
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + r.body(), e);
        }
    }

    static String errorCode(HttpResponse<String> r) {
        return json(r).get(0).path("errorCode").asText();
    }
}

package io.nylassf.connect.common.nylas;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpServer;
import io.nylassf.connect.common.http.ApiException.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ids from records never steer a request elsewhere: every path segment built from data is checked before it
 * becomes part of a URL. A loopback server records the raw request paths that really arrive.
 */
class NylasClientPathTest {
    private static HttpServer server;
    private static final List<String> paths = new CopyOnWriteArrayList<>();
    private static NylasClient client;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            paths.add(ex.getRequestURI().getRawPath());
            byte[] body = "{\"request_id\":\"r\",\"error\":{\"type\":\"not_found_error\",\"message\":\"no\"}}"
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(404, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        client = new NylasClient("http://127.0.0.1:" + server.getAddress().getPort(), "k", Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.stop(0);
    }

    @BeforeEach
    void clear() {
        paths.clear();
    }

    private static void refused(Executable call) {
        NylasApiException e = assertThrows(NylasApiException.class, call);
        assertEquals(Kind.BAD_REQUEST, e.kind(), e.getMessage());
        assertFalse(e.isRetriable());
    }

    @Test
    void dotSegmentsAndSlashesNeverReachARequestPath() {
        for (String bad : List.of("..", ".", "...", "a/b", "../../messages/send", "a\\b", "%2e%2e", "a?b", "a#b", "",
                "a b", "a\nb")) {
            refused(() -> client.getEvent("grant-1", "primary", bad));
            refused(() -> client.getEvent(bad, "primary", "event-1"));
            refused(() -> client.deleteEvent(bad, "primary", "event-1", false));
            refused(() -> client.updateEvent("grant-1", "primary", bad,
                    JsonNodeFactory.instance.objectNode(), false));
            refused(() -> client.sendMessage(bad, JsonNodeFactory.instance.objectNode(), null));
            refused(() -> client.getMessage("grant-1", bad));
            refused(() -> client.getGrant(bad));
        }
        assertEquals(List.of(), paths, "no request was made");
    }

    @Test
    void realIdsPassEncoded() {
        assertThrows(NylasApiException.class, () -> client.getEvent("7b0c0e5e-1d2f-4c38-9d61-0f4e1c2a9b77",
                "primary", "AAMkAGI2TG93AAA=_20260105T090000Z"));
        assertEquals(1, paths.size());
        assertTrue(paths.get(0).startsWith("/v3/grants/7b0c0e5e-1d2f-4c38-9d61-0f4e1c2a9b77/events/AAMkAGI2TG93AAA"),
                paths.get(0));
        assertFalse(paths.get(0).contains(".."));
    }
}

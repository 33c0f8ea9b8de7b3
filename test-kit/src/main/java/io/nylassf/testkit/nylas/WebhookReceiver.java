package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A webhook destination for tests: answers the Nylas challenge, records every POST with its raw body and
 * headers, and answers with scripted statuses ({@link #respondWith(int...)}, then {@link #defaultStatus(int)}).
 */
public final class WebhookReceiver implements AutoCloseable {
    static {
        io.nylassf.testkit.http.TcpNoDelay.enable();
    }

    /** One received delivery: the exact body bytes, the signature header, and the parsed envelope. */
    public record Received(byte[] body, String signature, Map<String, String> headers, JsonNode json) {
        public String type() {
            return json.path("type").asText();
        }

        public String id() {
            return json.path("id").asText();
        }

        public int attempt() {
            return json.path("webhook_delivery_attempt").asInt();
        }

        public JsonNode object() {
            return json.path("data").path("object");
        }

        public boolean signedWith(String secret) {
            return WebhookSigner.sign(secret, body).equals(signature);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** Notified after each delivery is added to {@link #received}. */
    private final Object arrivals = new Object();
    private final Queue<Integer> scripted = new ConcurrentLinkedQueue<>();
    private volatile int defaultStatus = 200;
    private volatile boolean wrongChallenge;
    private volatile Duration responseDelay = Duration.ZERO;

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "webhook-receiver");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook";
    }

    /** The next deliveries get these statuses, in order; later ones get the default. */
    public WebhookReceiver respondWith(int... statuses) {
        for (int s : statuses) {
            scripted.add(s);
        }
        return this;
    }

    public WebhookReceiver defaultStatus(int status) {
        this.defaultStatus = status;
        return this;
    }

    /** Answers the challenge with a wrong body, so registration must fail. */
    public WebhookReceiver answerChallengeWrongly(boolean wrong) {
        this.wrongChallenge = wrong;
        return this;
    }

    /** Delays every POST answer, e.g. beyond the emulator's delivery timeout. */
    public WebhookReceiver responseDelay(Duration delay) {
        this.responseDelay = delay;
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String type) {
        return received.stream().filter(r -> r.type().equals(type)).toList();
    }

    public void clear() {
        received.clear();
    }

    /** Waits until at least {@code n} deliveries arrived; returns them (possibly fewer on timeout). */
    public List<Received> await(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (arrivals) {
            long left;
            while (received.size() < n && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(arrivals, left);
            }
        }
        return received();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            if ("GET".equals(ex.getRequestMethod())) {
                String challenge = challenge(ex.getRequestURI().getRawQuery());
                byte[] out = (wrongChallenge ? "not-the-challenge" : challenge).getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(challenge == null ? 400 : 200, out.length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(out);
                }
                return;
            }
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k, v.isEmpty() ? "" : v.get(0)));
            JsonNode json = NylasJson.MAPPER.readTree(body);
            received.add(new Received(body, headers.get("X-Nylas-Signature"), headers, json));
            synchronized (arrivals) {
                arrivals.notifyAll();
            }
            if (!responseDelay.isZero()) {
                try {
                    Thread.sleep(responseDelay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Integer status = scripted.poll();
            ex.sendResponseHeaders(status == null ? defaultStatus : status, -1);
        }
    }

    private static String challenge(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith("challenge=")) {
                values.add(URLDecoder.decode(pair.substring("challenge=".length()), StandardCharsets.UTF_8));
            }
        }
        return values.isEmpty() ? null : values.get(0);
    }
}

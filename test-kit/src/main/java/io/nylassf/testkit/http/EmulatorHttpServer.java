package io.nylassf.testkit.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small router on the JDK's {@link HttpServer}, bound to loopback. Emulators register routes and filters;
 * the server adds a shared fault-injection admin API under {@code /__admin/faults}:
 * <ul>
 *   <li>{@code GET} the current settings;</li>
 *   <li>{@code POST {"seed":1,"fixedLatencyMs":0,"randomLatencyMs":0,"errorRates":{"429":0.1},
 *       "failNext":{"kind":"503","count":2},"pathPattern":"/messages","retryAfterSeconds":1}} to change them;</li>
 *   <li>{@code DELETE} to reset.</li>
 * </ul>
 * Faults apply to every non-admin request (or those matching the path pattern) and are answered by the
 * emulator's {@link FaultResponder}, so each API's faults carry its own error shape.
 */
public final class EmulatorHttpServer implements AutoCloseable {
    public static final String ADMIN_PREFIX = "/__admin";

    /** Wraps route handling, e.g. to authenticate, count calls or add headers. */
    @FunctionalInterface
    public interface Filter {
        EmulatorResponse apply(EmulatorRequest request, EmulatorHandler next) throws Exception;
    }

    /**
     * Sees every non-admin request from the moment its route is matched until its answer is ready (injected
     * latency included, so it measures what a client has in flight); {@code enter} returns what to run at the end.
     */
    public interface Tracker {
        Runnable enter(EmulatorRequest request);
    }

    /** Turns a fault kind into a response in the emulated API's error shape. */
    @FunctionalInterface
    public interface FaultResponder {
        EmulatorResponse respond(String kind, EmulatorRequest request, long retryAfterSeconds);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        TcpNoDelay.enable();
    }

    private final String name;
    private final String host;
    private final int requestedPort;
    private final FaultInjector faults = new FaultInjector();
    private final FaultResponder faultResponder;
    private final List<Route> routes = new ArrayList<>();
    private final List<Filter> filters = new ArrayList<>();
    private HttpServer server;
    private ExecutorService executor;
    private Tracker tracker;

    public EmulatorHttpServer(String name, String host, int port, FaultResponder faultResponder) {
        this.name = name;
        this.host = host;
        this.requestedPort = port;
        this.faultResponder = faultResponder;
        route("GET", ADMIN_PREFIX + "/faults", r -> EmulatorResponse.json(200, JSON.writeValueAsString(faults.describe())));
        route("DELETE", ADMIN_PREFIX + "/faults", r -> {
            faults.reset();
            return EmulatorResponse.json(200, JSON.writeValueAsString(faults.describe()));
        });
        route("POST", ADMIN_PREFIX + "/faults", this::configureFaults);
    }

    public FaultInjector faults() {
        return faults;
    }

    public synchronized EmulatorHttpServer route(String method, String template, EmulatorHandler handler) {
        routes.add(new Route(method, template, handler));
        return this;
    }

    /** The one tracker of in-flight requests (replaces an earlier one). */
    public synchronized EmulatorHttpServer tracker(Tracker tracker) {
        this.tracker = tracker;
        return this;
    }

    /** Filters run in the order added, around every non-admin route. */
    public synchronized EmulatorHttpServer filter(Filter filter) {
        filters.add(filter);
        return this;
    }

    public synchronized EmulatorHttpServer start() {
        if (server != null) {
            return this;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(host, requestedPort), 512);
        } catch (IOException e) {
            throw new IllegalStateException(name + " emulator could not bind " + host + ":" + requestedPort, e);
        }
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-emulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://" + host + ":" + port();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            EmulatorRequest request = new EmulatorRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath() == null ? "/" : decodePath(exchange.getRequestURI().getRawPath()),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body);
            EmulatorResponse response = dispatch(request);
            if (response.dropsConnection()) {
                return; // closing without response headers makes the JDK server close the socket
            }
            for (Map.Entry<String, List<String>> h : response.headers().entrySet()) {
                for (String v : h.getValue()) {
                    exchange.getResponseHeaders().add(h.getKey(), v);
                }
            }
            byte[] out = response.body();
            boolean noBody = out.length == 0 || "HEAD".equals(request.method()) || response.status() == 204;
            exchange.sendResponseHeaders(response.status(), noBody ? -1 : out.length);
            if (!noBody) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
        }
    }

    private static String decodePath(String raw) {
        // keep %2F inside a segment encoded so routes still split on '/'; Route decodes captured parameters
        return raw;
    }

    EmulatorResponse dispatch(EmulatorRequest request) {
        try {
            Route route = null;
            boolean pathKnown = false;
            List<Route> snapshot;
            List<Filter> filterSnapshot;
            Tracker tracking;
            synchronized (this) {
                snapshot = List.copyOf(routes);
                filterSnapshot = List.copyOf(filters);
                tracking = tracker;
            }
            for (Route r : snapshot) {
                Map<String, String> params = r.match(request.path());
                if (params != null) {
                    pathKnown = true;
                    if (r.method().equals(request.method())) {
                        request.pathParams(params);
                        route = r;
                        break;
                    }
                }
            }
            boolean admin = request.path().startsWith(ADMIN_PREFIX);
            Runnable leave = admin || tracking == null ? () -> { } : tracking.enter(request);
            try {
                return dispatchMatched(request, route, pathKnown, admin, filterSnapshot);
            } finally {
                leave.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EmulatorResponse.dropConnection();
        }
    }

    private EmulatorResponse dispatchMatched(EmulatorRequest request, Route route, boolean pathKnown, boolean admin,
                                             List<Filter> filterSnapshot) throws InterruptedException {
        if (!admin) {
            FaultInjector.Decision decision = faults.decide(request.path());
            if (decision.latencyMs() > 0) {
                Thread.sleep(decision.latencyMs());
            }
            if (decision.fault().isPresent()) {
                String kind = decision.fault().get();
                return FaultInjector.DROP.equals(kind)
                        ? EmulatorResponse.dropConnection()
                        : faultResponder.respond(kind, request, faults.retryAfterSeconds());
            }
        }
        final Route chosen = route;
        final boolean known = pathKnown;
        EmulatorHandler terminal = req -> {
            if (chosen == null) {
                return known ? EmulatorResponse.json(405, "{\"message\":\"Method not allowed\"}")
                        : EmulatorResponse.json(404, "{\"message\":\"No route for " + req.method() + " " + req.path() + "\"}");
            }
            return chosen.handler().handle(req);
        };
        EmulatorHandler chain = terminal;
        if (!admin) {
            for (int i = filterSnapshot.size() - 1; i >= 0; i--) {
                Filter f = filterSnapshot.get(i);
                EmulatorHandler next = chain;
                chain = req -> f.apply(req, next);
            }
        }
        return invoke(chain, request);
    }

    private static EmulatorResponse invoke(EmulatorHandler handler, EmulatorRequest request) {
        try {
            return handler.handle(request);
        } catch (EmulatorException e) {
            return e.response();
        } catch (Exception e) {
            return EmulatorResponse.json(500, "{\"message\":\"emulator error: " + String.valueOf(e.getMessage()).replace('"', '\'') + "\"}");
        }
    }

    private EmulatorResponse configureFaults(EmulatorRequest request) throws IOException {
        JsonNode n = JSON.readTree(request.body().length == 0 ? "{}".getBytes() : request.body());
        if (n.has("seed")) {
            faults.seed(n.get("seed").asLong());
        }
        if (n.has("fixedLatencyMs") || n.has("randomLatencyMs")) {
            faults.latency(n.path("fixedLatencyMs").asLong(0), n.path("randomLatencyMs").asLong(0));
        }
        if (n.has("errorRates")) {
            n.get("errorRates").fields().forEachRemaining(e -> faults.errorRate(e.getKey(), e.getValue().asDouble()));
        }
        if (n.has("failNext")) {
            faults.failNext(n.get("failNext").path("kind").asText(), n.get("failNext").path("count").asInt(1));
        }
        if (n.has("pathPattern")) {
            faults.onlyPaths(n.get("pathPattern").isNull() ? null : n.get("pathPattern").asText());
        }
        if (n.has("retryAfterSeconds")) {
            faults.retryAfterSeconds(n.get("retryAfterSeconds").asLong());
        }
        return EmulatorResponse.json(200, JSON.writeValueAsString(faults.describe()));
    }
}

package io.nylassf.connect.source.nylas;

import io.nylassf.connect.source.nylas.NylasItSupport.Rec;
import io.nylassf.testkit.connect.ConnectClusterExtension;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.nylas.NylasMessage;
import io.nylassf.testkit.nylas.WebhookSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.nylassf.connect.source.nylas.NylasItSupport.all;
import static io.nylassf.connect.source.nylas.NylasItSupport.awaitCount;
import static io.nylassf.connect.source.nylas.NylasItSupport.config;
import static io.nylassf.connect.source.nylas.NylasItSupport.freePort;
import static io.nylassf.connect.source.nylas.NylasSourceIT.metric;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

/**
 * The webhook endpoint of a running Nylas source under abuse and overload, driven over loopback HTTP: forged,
 * unsigned, oversized, malformed, replayed and foreign-grant requests; 16 clients trickling bytes; 16 stalled
 * clients cut off at the read deadline; more stalled clients than handler threads; a paused connector while
 * notifications (plain, and truncated ones naming large messages) keep coming; records Connect failed to produce;
 * a port that cannot be bound.
 * Prints the figures docs/nylas-source.md quotes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhookAbuseIT {
    private static final String SECRET = "whsec-abuse-test-0123456789";
    private static final NylasEmulator NYLAS = NylasEmulator.builder().rateLimitPerSecond(0)
            .applicationRateLimitPerSecond(0).build().start();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicInteger IDS = new AtomicInteger();

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.builder().workers(1).build();

    @AfterAll
    static void stopEmulator() {
        NYLAS.close();
    }

    private static Map<String, String> hook(String name, String prefix, String grant, int port) {
        Map<String, String> c = config(name, NYLAS.baseUrl(), NYLAS.apiKey(), prefix, List.of(grant));
        c.put("nylas.objects", "messages");
        c.put("poll.interval.ms", "60000");
        c.put("webhook.enabled", "true");
        c.put("webhook.port", Integer.toString(port));
        c.put("webhook.secret", SECRET);
        c.put("webhook.max.body.bytes", "65536");
        c.put("webhook.ack.timeout.ms", "3000");
        return c;
    }

    /** A running connector whose endpoint answered a first signed notification. */
    private record Hook(String name, String grant, String url) {
        void delete() {
            CONNECT.rest().delete("connectors/" + name);
            CONNECT.awaitDeleted(name);
        }
    }

    private static Hook startHook(String name, String prefix, Map<String, String> overrides) {
        String grant = NYLAS.createGrant(name + "@acme.test", "google");
        int port = freePort();
        String url = "http://127.0.0.1:" + port + "/nylas/webhook";
        Map<String, String> c = hook(name, prefix, grant, port);
        c.putAll(overrides);
        CONNECT.putConnector(name, c);
        CONNECT.awaitRunning(name, 1);
        ConnectClusterExtension.waitUntil("endpoint up", Duration.ofSeconds(30),
                () -> signed(url, notification(grant, "first")).statusCode() == 200);
        return new Hook(name, grant, url);
    }

    static String notification(String grant, String body) {
        int n = IDS.incrementAndGet();
        return "{\"specversion\":\"1.0\",\"type\":\"message.created\",\"source\":\"/google/emails/realtime\","
                + "\"id\":\"ntf-" + n + "\",\"time\":" + Instant.now().getEpochSecond() + ",\"data\":{"
                + "\"application_id\":\"app\",\"object\":{\"object\":\"message\",\"grant_id\":\"" + grant + "\","
                + "\"id\":\"msg-" + n + "\",\"thread_id\":\"t-" + n + "\",\"subject\":\"hello " + n + "\","
                + "\"from\":[{\"email\":\"ada@acme.test\"}],\"to\":[{\"email\":\"bob@acme.test\"}],"
                + "\"date\":" + Instant.now().getEpochSecond() + ",\"body\":\"" + body + "\"}}}";
    }

    static HttpResponse<String> post(String url, String body, String signature) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (signature != null) {
            b.header("X-Nylas-Signature", signature);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> signed(String url, String body) {
        return post(url, body, WebhookSigner.sign(SECRET, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @Order(1)
    void badRequestsAreAllRefusedAndSlowClientsDoNotBlockValidOnes() throws Exception {
        Hook h = startHook("abuse", "ab", Map.of());
        String grant = h.grant();
        String url = h.url();
        int port = URI.create(url).getPort();
        int tried = 0;
        int refused = 0;
        List<String> replayable = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String good = notification(grant, "ok");
            assertEquals(200, signed(url, good).statusCode());
            replayable.add(good);
        }
        for (int i = 0; i < 20; i++) {
            tried += 6;
            refused += post(url, notification(grant, "forged"), "00".repeat(32)).statusCode() == 401 ? 1 : 0;
            refused += post(url, notification(grant, "unsigned"), null).statusCode() == 401 ? 1 : 0;
            refused += signed(url, notification(grant, "x".repeat(70_000))).statusCode() == 413 ? 1 : 0;
            refused += signed(url, "{not json").statusCode() == 400 ? 1 : 0;
            refused += signed(url, "{\"id\":\"x\"}").statusCode() == 400 ? 1 : 0;
            // a replay of a stored notification is answered 200 and written nothing new
            refused += signed(url, replayable.get(i)).statusCode() == 200 ? 1 : 0;
        }
        for (int i = 0; i < 5; i++) {
            // a truncated notification naming an object id that must never reach a URL path
            tried++;
            String dots = notification(grant, "t").replace("message.created", "message.created.truncated")
                    .replaceFirst("\"id\":\"msg-", "\"id\":\"../../msg-");
            refused += signed(url, dots).statusCode() == 400 ? 1 : 0;
        }
        int foreign = 0;
        for (int i = 0; i < 20; i++) {
            tried++;
            foreign += signed(url, notification("grant-of-another-app", "foreign")).statusCode() == 200 ? 1 : 0;
        }
        refused += foreign;
        List<Rec> written = awaitCount(CONNECT, 21, Duration.ofSeconds(30), r -> true, "ab.messages");
        // a second more in which nothing else may be written
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10))
                .until(() -> all(CONNECT, "ab.messages").size() == 21);
        written = all(CONNECT, "ab.messages");
        assertEquals(21, written.size(), "only the 21 valid notifications (the first and 20) are written, each once");
        assertTrue(written.stream().allMatch(r -> grant.equals(r.value().path("grant_id").asText())));
        assertEquals(tried, refused, "every bad request refused, de-duplicated or dropped");
        assertEquals(20L, metric("abuse", 0, "webhooks-unlisted-grant-total"));

        // 16 clients that send headers and then one body byte every 500 ms (the slow clients under test)
        List<Socket> slow = new ArrayList<>();
        ScheduledExecutorService tricklers = Executors.newScheduledThreadPool(4);
        AtomicInteger trickled = new AtomicInteger();
        for (int i = 0; i < 16; i++) {
            Socket s = new Socket("127.0.0.1", port);
            slow.add(s);
            OutputStream out = s.getOutputStream();
            out.write(("POST /nylas/webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\nX-Nylas-Signature: 00\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            tricklers.scheduleAtFixedRate(() -> {
                try {
                    out.write('{');
                    out.flush();
                    trickled.incrementAndGet();
                } catch (IOException closedByTheServerOrTheTest) {
                    throw new IllegalStateException(closedByTheServerOrTheTest); // ends this client's schedule
                }
            }, 0, 500, TimeUnit.MILLISECONDS);
        }
        // every client is in its body, holding a handler thread
        await().atMost(Duration.ofSeconds(10)).until(() -> trickled.get() >= 32);
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long t0 = System.nanoTime();
            assertEquals(200, signed(url, notification(grant, "while-slow")).statusCode());
            micros.add((System.nanoTime() - t0) / 1_000);
        }
        for (Socket s : slow) {
            s.close();
        }
        tricklers.shutdownNow();
        Collections.sort(micros);
        long p50 = micros.get(49);
        long p99 = micros.get(98);
        System.out.printf("WEBHOOK ABUSE: %d bad requests tried, %d refused/de-duplicated/dropped (%.0f%%); "
                + "valid notifications with 16 slow clients connected: p50 %.1f ms, p99 %.1f ms%n",
                tried, refused, 100.0 * refused / tried, p50 / 1000.0, p99 / 1000.0);
        assertTrue(p99 < 5_000_000, "p99 " + p99 + " µs");
        h.delete();
    }

    @Test
    @Order(2)
    void stalledClientsAreDisconnectedAtTheReadDeadline() throws Exception {
        Hook h = startHook("stalled", "st", Map.of("webhook.read.timeout.ms", "2000",
                "webhook.max.concurrent.requests", "16"));
        String grant = h.grant();
        String url = h.url();
        int port = URI.create(url).getPort();
        // 16 clients take every slot: half stall in the body, half in the headers, and none sends more
        List<Socket> stalled = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Socket s = new Socket("127.0.0.1", port);
            s.setSoTimeout(15_000);
            String head = "POST /nylas/webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";
            s.getOutputStream().write((i % 2 == 0 ? head + "Content-Length: 1000\r\n\r\n{" : head)
                    .getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            stalled.add(s);
        }
        long t0 = System.nanoTime();
        int closed = 0;
        for (Socket s : stalled) {
            try {
                closed += s.getInputStream().read() == -1 ? 1 : 0;
            } catch (java.net.SocketTimeoutException e) {
                // still connected 15 s later: not disconnected
            } catch (java.io.IOException e) {
                closed++; // reset by the server: disconnected too
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        for (Socket s : stalled) {
            s.close();
        }
        System.out.printf("WEBHOOK DEADLINE: 16 stalled clients (8 in headers, 8 in the body), read deadline 2 s: "
                + "%d disconnected within %.1f s%n", closed, seconds);
        assertEquals(16, closed, "every stalled client is disconnected");
        assertTrue(seconds < 10, "disconnected after " + seconds + " s");
        assertEquals(200, signed(url, notification(grant, "after the stall")).statusCode(), "slots are free again");
        h.delete();
    }

    @Test
    @Order(3)
    void aPausedConnectorKeepsTheIntakeWithinItsBound() throws Exception {
        Hook h = startHook("paused", "ps", Map.of("webhook.intake.max.records", "10",
                "webhook.ack.timeout.ms", "300"));
        String grant = h.grant();
        String url = h.url();
        CONNECT.rest().put("connectors/paused/pause", null);
        CONNECT.awaitState("paused", "PAUSED", 1);
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            statuses.add(senders.submit(() -> signed(url, notification(grant, "y".repeat(2_000))).statusCode()));
        }
        // sampled every 5 ms until every request is answered
        int[] held = {0};
        long[] bytes = {0};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).until(() -> {
            held[0] = Math.max(held[0], metric("paused", 0, "webhook-intake-records").intValue());
            bytes[0] = Math.max(bytes[0], metric("paused", 0, "webhook-intake-bytes").longValue());
            return statuses.stream().allMatch(Future::isDone);
        });
        int maxHeld = held[0];
        long maxBytes = bytes[0];
        senders.shutdown();
        assertTrue(senders.awaitTermination(30, TimeUnit.SECONDS));
        long unavailable = 0;
        for (Future<Integer> f : statuses) {
            unavailable += f.get() == 503 ? 1 : 0;
        }
        System.out.printf("WEBHOOK INTAKE: 200 notifications of ~2.3 KB to a paused connector: %d answered 503, "
                + "at most %d records / %d bytes held (bound 10 records)%n", unavailable, maxHeld, maxBytes);
        assertEquals(200, unavailable, "nothing is acknowledged while nothing is stored");
        assertTrue(maxHeld <= 10, "held " + maxHeld);
        h.delete();
    }

    @Test
    @Order(3)
    void truncatedNotificationsCountTheFetchedMessageAgainstTheByteBound() throws Exception {
        // a .truncated notification is ~400 bytes, but the record made from the message it names holds the body
        String grant = NYLAS.createGrant("bigmail@acme.test", "google");
        int port = freePort();
        String url = "http://127.0.0.1:" + port + "/nylas/webhook";
        Map<String, String> c = hook("bigmail", "bm", grant, port);
        c.put("webhook.intake.max.bytes", Integer.toString(1 << 20));
        c.put("webhook.ack.timeout.ms", "300");
        CONNECT.putConnector("bigmail", c);
        CONNECT.awaitRunning("bigmail", 1);
        ConnectClusterExtension.waitUntil("endpoint up", Duration.ofSeconds(30),
                () -> signed(url, notification(grant, "first")).statusCode() == 200);
        CONNECT.rest().put("connectors/bigmail/pause", null);
        CONNECT.awaitState("bigmail", "PAUSED", 1);
        int bodyBytes = 200_000;
        List<String> truncated = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = NYLAS.addMessage(grant, NylasMessage.create().subject("big " + i).from("Ada", "ada@acme.test")
                    .to("Bob", "bob@acme.test").body("b".repeat(bodyBytes))).path("id").asText();
            truncated.add("{\"specversion\":\"1.0\",\"type\":\"message.created.truncated\",\"id\":\"ntf-big-" + i
                    + "\",\"time\":" + Instant.now().getEpochSecond() + ",\"data\":{\"application_id\":\"app\","
                    + "\"object\":{\"object\":\"message\",\"grant_id\":\"" + grant + "\",\"id\":\"" + id + "\"}}}");
        }
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (String n : truncated) {
            statuses.add(senders.submit(() -> signed(url, n).statusCode()));
        }
        int[] held = {0};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).until(() -> {
            held[0] = Math.max(held[0], metric("bigmail", 0, "webhook-intake-records").intValue());
            return statuses.stream().allMatch(Future::isDone);
        });
        int maxHeld = held[0];
        senders.shutdown();
        assertTrue(senders.awaitTermination(30, TimeUnit.SECONDS));
        maxHeld = Math.max(maxHeld, metric("bigmail", 0, "webhook-intake-records").intValue());
        long unavailable = 0;
        for (Future<Integer> f : statuses) {
            unavailable += f.get() == 503 ? 1 : 0;
        }
        long heldBodies = (long) maxHeld * bodyBytes;
        System.out.printf("WEBHOOK INTAKE (truncated): 20 notifications naming 200 KB messages to a paused connector: "
                + "%d answered 503, at most %d records holding %,d body bytes (bound %,d bytes)%n", unavailable,
                maxHeld, heldBodies, 1 << 20);
        assertEquals(20, unavailable, "nothing is acknowledged while nothing is stored");
        assertTrue(heldBodies <= 1 << 20, "held " + maxHeld + " records of " + bodyBytes + " body bytes");
        CONNECT.rest().delete("connectors/bigmail");
        CONNECT.awaitDeleted("bigmail");
    }

    @Test
    @Order(3)
    void moreStalledClientsThanThreadsDoNotQueueValidNotifications() throws Exception {
        String grant = NYLAS.createGrant("flood@acme.test", "google");
        int port = freePort();
        String url = "http://127.0.0.1:" + port + "/nylas/webhook";
        Map<String, String> c = hook("flood", "fl", grant, port);
        c.put("webhook.read.timeout.ms", "6000");
        c.put("webhook.max.concurrent.requests", "4");
        CONNECT.putConnector("flood", c);
        CONNECT.awaitRunning("flood", 1);
        ConnectClusterExtension.waitUntil("endpoint up", Duration.ofSeconds(30),
                () -> signed(url, notification(grant, "first")).statusCode() == 200);
        // 60 clients each send a piece of a request line and stall: each holds a handler thread until the deadline
        List<Socket> stalled = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Socket s = new Socket("127.0.0.1", port);
            s.getOutputStream().write("POST /nylas/we".getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            stalled.add(s);
        }
        // every handler thread is taken once the endpoint closes a connection it has no thread for
        await().atMost(Duration.ofSeconds(10)).until(() -> metric("flood", 0, "webhooks-rejected-total").longValue() > 0);
        long t0 = System.nanoTime();
        String answer;
        try {
            answer = Integer.toString(signed(url, notification(grant, "during the flood")).statusCode());
        } catch (IllegalStateException e) {
            answer = "connection closed";
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("WEBHOOK FLOOD: 60 clients stalled in the request line (more than the handler threads): "
                + "a valid notification was answered '%s' in %.2f s%n", answer, seconds);
        assertTrue(seconds < 2, "a valid notification waited " + seconds + " s behind stalled clients");
        ConnectClusterExtension.waitUntil("served again after the deadline", Duration.ofSeconds(30),
                () -> { try { return signed(url, notification(grant, "after")).statusCode() == 200; }
                    catch (IllegalStateException e) { return false; } });
        for (Socket s : stalled) {
            s.close();
        }
        CONNECT.rest().delete("connectors/flood");
        CONNECT.awaitDeleted("flood");
    }

    @Test
    @Order(4)
    void aRecordConnectFailedToProduceIsAnsweredWith503() {
        Hook h = startHook("toolarge", "tl", Map.of("errors.tolerance", "all",
                "producer.override.max.request.size", "4000"));
        String grant = h.grant();
        String url = h.url();
        // larger than the producer accepts: Connect skips it (errors.tolerance=all) and commits it without metadata
        assertEquals(503, signed(url, notification(grant, "z".repeat(6_000))).statusCode());
        assertEquals(200, signed(url, notification(grant, "small again")).statusCode());
        h.delete();
    }

    @Test
    @Order(5)
    void aPortThatCannotBeBoundFailsTheTaskNamingIt() throws Exception {
        String grant = NYLAS.createGrant("busy@acme.test", "google");
        try (ServerSocket taken = new ServerSocket(0)) {
            Map<String, String> c = hook("busy", "bz", grant, taken.getLocalPort());
            c.put("webhook.bind.address", "0.0.0.0");
            c.put("webhook.bind.attempts", "3");
            CONNECT.putConnector("busy", c);
            ConnectClusterExtension.waitUntil("task FAILED", Duration.ofSeconds(60), () -> {
                var s = CONNECT.rest().get("connectors/busy/status").body();
                return "FAILED".equals(s.path("tasks").path(0).path("state").asText());
            });
            String trace = CONNECT.rest().get("connectors/busy/status").body().path("tasks").path(0)
                    .path("trace").asText();
            assertTrue(trace.contains(Integer.toString(taken.getLocalPort())) && trace.contains("webhook.port"), trace);
        }
        CONNECT.rest().delete("connectors/busy");
        CONNECT.awaitDeleted("busy");
    }
}

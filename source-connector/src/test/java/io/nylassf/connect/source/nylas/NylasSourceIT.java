package io.nylassf.connect.source.nylas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.connect.source.nylas.NylasItSupport.Rec;
import io.nylassf.testkit.connect.ConnectClusterExtension;
import io.nylassf.testkit.connect.ConnectRest;
import io.nylassf.testkit.connect.PluginMetricsJmx;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.nylas.NylasMessage;
import io.nylassf.testkit.nylas.WebhookDelivery;
import io.nylassf.testkit.nylas.WebhookSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static io.nylassf.connect.source.nylas.NylasItSupport.all;
import static io.nylassf.connect.source.nylas.NylasItSupport.awaitCount;
import static io.nylassf.connect.source.nylas.NylasItSupport.config;
import static io.nylassf.connect.source.nylas.NylasItSupport.countById;
import static io.nylassf.connect.source.nylas.NylasItSupport.duplicates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

/**
 * The Nylas source on a real single-worker Connect cluster against the Nylas emulator,
 * driven only through the REST API: backfill of 10,400 messages across four grants, restarted mid-way; scaling
 * 1 → 4 → 2 tasks under live traffic; an offset reset of one grant; a grant that expires and recovers; webhooks
 * with duplicates, bad signatures, oversized and truncated notifications.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NylasSourceIT {
    private static final NylasEmulator NYLAS = NylasEmulator.builder()
            .rateLimitPerSecond(0).applicationRateLimitPerSecond(0)
            .truncationThreshold(20_000)
            // Nylas spaces its 3 attempts over 10-20 minutes; 1 s then 3 s keeps the 503 test short
            .webhookRetryDelays(Duration.ofSeconds(1), Duration.ofSeconds(3))
            .build().start();

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.builder()
            .workers(1)
            .build();

    @AfterAll
    static void stopEmulator() {
        NYLAS.close();
    }

    private static Map<String, String> base(String name, String prefix, List<String> grants) {
        Map<String, String> c = config(name, NYLAS.baseUrl(), NYLAS.apiKey(), prefix, grants);
        c.put("nylas.objects", "messages");
        c.put("nylas.page.size", "50");
        return c;
    }

    @Test
    @Order(1)
    void backfillOfTenThousandMessagesLandsExactlyOnceAcrossARestart() {
        long now = Instant.now().getEpochSecond();
        List<String> grants = new ArrayList<>();
        int perGrant = 2_600;
        for (int g = 0; g < 4; g++) {
            String grant = NYLAS.createGrant("backfill" + g + "@example.com", "google");
            grants.add(grant);
            for (int i = 0; i < perGrant; i++) {
                // three messages per second: same-second ties everywhere, spread over ten days
                long date = now - 10 * 86_400L + (i / 3) * 300L;
                NYLAS.addMessage(grant, NylasMessage.create().subject("b" + i).date(date));
            }
        }
        int total = 4 * perGrant;
        Map<String, String> c = base("backfill", "bf", grants);
        c.put("tasks.max", "2");
        c.put("backfill.days", "11");
        c.put("window.max.seconds", "43200");
        NYLAS.faults().onlyPaths("/messages").latency(15, 0);
        CONNECT.putConnector("backfill", c);
        CONNECT.awaitRunning("backfill", 2);

        List<Rec> before = awaitCount(CONNECT, 2_000, Duration.ofSeconds(60), r -> true, "bf.messages");
        assertTrue(before.size() < total, "the restart must happen mid-backfill, had " + before.size());
        ConnectRest.Response restart = CONNECT.rest().post("connectors/backfill/restart?includeTasks=true", null);
        assertTrue(restart.status() == 202 || restart.status() == 204, restart.raw());
        NYLAS.faults().reset();

        List<Rec> got = awaitCount(CONNECT, total, Duration.ofSeconds(90), r -> true, "bf.messages");
        got = all(CONNECT, "bf.messages");
        assertEquals(Map.of(), duplicates(got), "no message twice");
        assertEquals(total, got.size());
        Set<String> expected = new HashSet<>();
        grants.forEach(g -> NYLAS.messages(g).forEach(m -> expected.add(m.get("id").asText())));
        assertEquals(expected, countById(got).keySet(), "every message, no gap");
        assertTrue(got.stream().allMatch(r -> "created".equals(r.value().path("change_type").asText())
                && "window".equals(r.via())));
        // one object's records stay in one partition: the key is (grant, object, id)
        JsonNode offsets = CONNECT.offsets("backfill");
        assertEquals(4, offsets.path("offsets").size(), offsets.toString());
        CONNECT.rest().delete("connectors/backfill");
        CONNECT.awaitDeleted("backfill");
    }

    @Test
    @Order(2)
    void scalingOneToFourToTwoTasksUnderLiveTrafficLosesNothing() throws Exception {
        List<String> grants = new ArrayList<>();
        for (int g = 0; g < 4; g++) {
            grants.add(NYLAS.createGrant("scale" + g + "@example.com", "microsoft"));
        }
        Map<String, String> c = base("scale", "sc", grants);
        c.put("backfill.days", "0");
        CONNECT.putConnector("scale", c);
        CONNECT.awaitRunning("scale", 1);

        // new mail arrives every 5 ms throughout both rescales (the arrival rate under test)
        AtomicInteger added = new AtomicInteger();
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        writer.scheduleAtFixedRate(() -> {
            int i = added.get();
            NYLAS.addMessage(grants.get(i % 4), NylasMessage.create().subject("live" + i));
            added.incrementAndGet();
        }, 0, 5, TimeUnit.MILLISECONDS);
        try {
            awaitCount(CONNECT, 100, Duration.ofSeconds(30), r -> true, "sc.messages");
            c.put("tasks.max", "4");
            CONNECT.putConnector("scale", c);
            CONNECT.awaitRunning("scale", 4);
            awaitCount(CONNECT, added.get(), Duration.ofSeconds(30), r -> true, "sc.messages");
            c.put("tasks.max", "2");
            CONNECT.putConnector("scale", c);
            CONNECT.awaitRunning("scale", 2);
            int afterScaleDown = added.get();
            // keep writing while the two remaining tasks take the grants over
            await().atMost(Duration.ofSeconds(30)).until(() -> added.get() >= afterScaleDown + 200);
        } finally {
            writer.shutdown();
            assertTrue(writer.awaitTermination(10, TimeUnit.SECONDS));
        }

        List<Rec> got = awaitCount(CONNECT, added.get(), Duration.ofSeconds(30), r -> true, "sc.messages");
        got = all(CONNECT, "sc.messages");
        assertEquals(Map.of(), duplicates(got));
        assertEquals(added.get(), got.size());
    }

    @Test
    @Order(3)
    void anOffsetResetThroughRestReReadsOneGrantFromTheChosenTime() {
        // reuses the 'scale' connector and its grants
        List<Rec> before = all(CONNECT, "sc.messages");
        String grant = before.get(0).grant();
        List<ObjectNode> messages = NYLAS.messages(grant);
        long from = messages.get(messages.size() / 2).get("date").asLong();
        Set<String> reRead = messages.stream().filter(m -> m.get("date").asLong() >= from)
                .map(m -> m.get("id").asText()).collect(Collectors.toSet());

        int stop = CONNECT.rest().put("connectors/scale/stop", null).status();
        assertTrue(stop == 202 || stop == 204, "stop -> " + stop);
        CONNECT.awaitState("scale", "STOPPED", 0);
        Map<String, Object> partition = Map.of("grant", grant, "object", "messages");
        ConnectRest.Response bad = CONNECT.rest().patch("connectors/scale/offsets", Map.of("offsets", List.of(
                Map.of("partition", partition, "offset", Map.of("v", 1, "watermark", "yesterday")))));
        // Connect reports a ConnectException from alterOffsets as an error status with our message
        assertTrue(bad.status() >= 400 && bad.raw().contains("watermark"), bad.raw());
        ConnectRest.Response ok = CONNECT.rest().patch("connectors/scale/offsets", Map.of("offsets", List.of(
                Map.of("partition", partition, "offset", Map.of("v", 1, "watermark", from, "last_id", "")))));
        assertEquals(200, ok.status(), ok.raw());
        assertEquals(202, CONNECT.rest().put("connectors/scale/resume", null).status());
        CONNECT.awaitRunning("scale", 2);

        List<Rec> after = awaitCount(CONNECT, before.size() + reRead.size(), Duration.ofSeconds(30), r -> true,
                "sc.messages");
        after = all(CONNECT, "sc.messages");
        assertEquals(before.size() + reRead.size(), after.size());
        assertEquals(reRead, duplicates(after).keySet(), "exactly the chosen grant's messages from that time, once more");
        CONNECT.rest().delete("connectors/scale");
        CONNECT.awaitDeleted("scale");
    }

    @Test
    @Order(4)
    void anExpiredGrantPausesAloneAndResumesWhenValidAgain() {
        String healthy = NYLAS.createGrant("healthy@example.com", "google");
        String expiring = NYLAS.createGrant("expiring@example.com", "google");
        Map<String, String> c = base("expiry", "ex", List.of(healthy, expiring));
        c.put("backfill.days", "0");
        CONNECT.putConnector("expiry", c);
        CONNECT.awaitRunning("expiry", 1);
        NYLAS.addMessage(expiring, NylasMessage.create().subject("before"));
        awaitCount(CONNECT, 1, Duration.ofSeconds(30), r -> true, "ex.messages");

        NYLAS.expireGrant(expiring);
        List<Rec> status = awaitCount(CONNECT, 1, Duration.ofSeconds(30),
                r -> "expired".equals(r.value().path("status").asText()), "ex.grants");
        assertEquals(expiring, status.get(0).value().path("grant_id").asText());
        assertEquals(1, metric("expiry", 0, "grants-paused"), "the task's metrics count the paused grant");
        NYLAS.addMessage(expiring, NylasMessage.create().subject("during"));
        for (int i = 0; i < 5; i++) {
            NYLAS.addMessage(healthy, NylasMessage.create().subject("other" + i));
        }
        awaitCount(CONNECT, 5, Duration.ofSeconds(30), r -> r.grant().equals(healthy), "ex.messages");

        NYLAS.restoreGrant(expiring);
        awaitCount(CONNECT, 1, Duration.ofSeconds(30), r -> "valid".equals(r.value().path("status").asText()),
                "ex.grants");
        List<Rec> got = awaitCount(CONNECT, 2, Duration.ofSeconds(30), r -> r.grant().equals(expiring), "ex.messages");
        assertEquals(Set.of("before", "during"), got.stream().map(r -> r.value().path("subject").asText())
                .collect(Collectors.toSet()));
        assertEquals(1, all(CONNECT, "ex.grants").stream()
                .filter(r -> "expired".equals(r.value().path("status").asText())).count(), "one pause, one record");
        assertEquals(0, metric("expiry", 0, "grants-paused"));
        // 7 messages read by windows; they and the 2 grant status records acknowledged by Kafka
        assertEquals(7L, metric("expiry", 0, "records-in-total"));
        ConnectClusterExtension.waitUntil("9 records acknowledged", Duration.ofSeconds(10),
                () -> metric("expiry", 0, "records-out-total").longValue() == 9);
        CONNECT.rest().delete("connectors/expiry");
        CONNECT.awaitDeleted("expiry");
    }

    @Test
    @Order(5)
    void webhooksProduceExactlyTheExpectedRecords() throws Exception {
        String grant = NYLAS.createGrant("hooks@example.com", "google");
        int port = NylasItSupport.freePort();
        String endpoint = "http://127.0.0.1:" + port + "/nylas/webhook";
        Map<String, String> c = config("hooks", NYLAS.baseUrl(), NYLAS.apiKey(), "wh", List.of(grant));
        c.put("nylas.objects", "contacts");
        c.put("contacts.scan.interval.ms", "3600000");
        c.put("webhook.enabled", "true");
        c.put("webhook.port", Integer.toString(port));
        c.put("webhook.max.body.bytes", "65536");
        c.put("webhook.ack.timeout.ms", "1500");
        CONNECT.putConnector("hooks", c);
        CONNECT.awaitRunning("hooks", 1);
        HttpClient http = HttpClient.newHttpClient();
        ConnectClusterExtension.waitUntil("endpoint up", Duration.ofSeconds(30),
                () -> get(http, endpoint + "/health").statusCode() == 200);

        // the challenge is answered before the secret is known, exactly as Nylas needs at creation
        HttpResponse<String> challenge = get(http, endpoint + "?challenge=abc%20123");
        assertEquals(200, challenge.statusCode());
        assertEquals("abc 123", challenge.body());
        ObjectNode webhook = NYLAS.registerWebhook(endpoint, "message.created", "message.deleted", "contact.updated",
                "contact.deleted", "grant.expired");
        String secret = webhook.get("webhook_secret").asText();
        c.put("webhook.secret", secret);
        CONNECT.putConnector("hooks", c);
        ConnectClusterExtension.waitUntil("endpoint up with the secret", Duration.ofSeconds(30),
                () -> post(http, endpoint, signedBody(secret, "{\"id\":\"probe\",\"type\":\"folder.created\","
                        + "\"data\":{\"object\":{\"id\":\"f\"}}}"), secret, true).statusCode() == 200);

        int mark = NYLAS.webhookDeliveries().size();
        String m1 = NYLAS.addMessage(grant, NylasMessage.create().subject("hooked")
                .attachment("att-1", "quote.pdf", "application/pdf", new byte[]{1, 2, 3})).get("id").asText();
        String big = NYLAS.addMessage(grant, NylasMessage.create().subject("big").body("x".repeat(30_000)))
                .get("id").asText();
        NYLAS.addContact(grant, Map.of("given_name", "Ada", "surname", "Lovelace"));
        NYLAS.deleteMessage(grant, m1);
        assertTrue(NYLAS.awaitWebhooks(Duration.ofSeconds(30)));
        List<WebhookDelivery> first = NYLAS.webhookDeliveries().stream().skip(mark)
                .filter(d -> d.url().equals(endpoint)).toList();
        assertEquals(4, first.size(), first.toString());
        assertTrue(first.stream().allMatch(d -> d.status() == 200), first.toString());
        assertTrue(first.stream().anyMatch(d -> d.type().equals("message.created.truncated")));

        // at-least-once: every notification delivered again, same id
        first.forEach(d -> NYLAS.redeliver(d.notificationId()));
        assertTrue(NYLAS.awaitWebhooks(Duration.ofSeconds(30)));
        List<WebhookDelivery> again = NYLAS.webhookDeliveries().stream().skip(mark)
                .filter(d -> d.url().equals(endpoint)).toList();
        assertEquals(8, again.size());
        assertTrue(again.stream().allMatch(d -> d.status() == 200), again.toString());

        // forged, unsigned, oversized and malformed requests are refused
        String forged = "{\"id\":\"evil\",\"type\":\"message.created\",\"data\":{\"object\":{\"id\":\"x\","
                + "\"grant_id\":\"" + grant + "\",\"subject\":\"forged\",\"body\":\"\"}}}";
        assertEquals(401, post(http, endpoint, forged, "not-the-secret", true).statusCode());
        assertEquals(401, post(http, endpoint, forged, secret, false).statusCode());
        assertEquals(413, post(http, endpoint, "{\"pad\":\"" + "y".repeat(70_000) + "\"}", secret, true).statusCode());
        assertEquals(400, post(http, endpoint, "{not json", secret, true).statusCode());
        assertEquals(400, post(http, endpoint, "{\"type\":\"message.created\"}", secret, true).statusCode());

        List<Rec> messages = awaitCount(CONNECT, 3, Duration.ofSeconds(30), r -> "webhook".equals(r.via()),
                "wh.messages");
        // nothing more arrives (a duplicate would show within a second)
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() ->
                all(CONNECT, "wh.messages").stream().filter(r -> "webhook".equals(r.via())).count() == 3);
        messages = all(CONNECT, "wh.messages").stream().filter(r -> "webhook".equals(r.via())).toList();
        assertEquals(3, messages.size(), "created, created (truncated, fetched) and deleted: once each");
        Rec fetched = messages.stream().filter(r -> r.id().equals(big)).findFirst().orElseThrow();
        assertEquals(30_000, fetched.value().path("body").asText().length(), "the truncated body was fetched");
        assertEquals(List.of("created", "deleted"), messages.stream().filter(r -> r.id().equals(m1))
                .map(r -> r.value().path("change_type").asText()).toList());
        JsonNode attachment = messages.stream().filter(r -> r.id().equals(m1) && "created".equals(
                r.value().path("change_type").asText())).findFirst().orElseThrow().value().path("attachments").path(0);
        assertEquals("att-1", attachment.path("id").asText(), "the record carries the attachments' metadata");
        assertEquals("quote.pdf", attachment.path("filename").asText());
        assertEquals("application/pdf", attachment.path("content_type").asText());
        assertEquals(3, attachment.path("size").asLong());
        assertFalse(attachment.path("is_inline").asBoolean());
        List<Rec> contacts = all(CONNECT, "wh.contacts").stream().filter(r -> "webhook".equals(r.via())).toList();
        assertEquals(1, contacts.size());
        assertEquals("Ada", contacts.get(0).value().path("given_name").asText());

        // Kafka does not acknowledge: the connector is paused, so the worker stops handing the task's records to the
        // producer while the endpoint stays up. The endpoint answers 503 after webhook.ack.timeout.ms, Nylas retries,
        // and once records flow again the queued record lands once and the next attempt gets 200.
        assertEquals(202, CONNECT.rest().put("connectors/hooks/pause", null).status());
        CONNECT.awaitState("hooks", "PAUSED", 1);
        String blocked = NYLAS.addContact(grant, Map.of("given_name", "Blocked")).get("id").asText();
        ConnectClusterExtension.waitUntil("two refused attempts", Duration.ofSeconds(30),
                () -> attempts(endpoint, "contact.updated", mark).stream().filter(d -> d.status() == 503).count() == 2);
        assertEquals(202, CONNECT.rest().put("connectors/hooks/resume", null).status());
        assertTrue(NYLAS.awaitWebhooks(Duration.ofSeconds(30)));
        Set<String> earlier = first.stream().map(WebhookDelivery::notificationId).collect(Collectors.toSet());
        List<WebhookDelivery> tries = attempts(endpoint, "contact.updated", mark).stream()
                .filter(d -> !earlier.contains(d.notificationId())).toList();
        assertEquals(List.of(503, 503, 200), tries.stream().map(WebhookDelivery::status).toList(), tries.toString());
        awaitCount(CONNECT, 1, Duration.ofSeconds(30), r -> r.id().equals(blocked), "wh.contacts");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() ->
                all(CONNECT, "wh.contacts").stream().filter(r -> r.id().equals(blocked)).count() == 1);
        assertEquals(1, all(CONNECT, "wh.contacts").stream().filter(r -> r.id().equals(blocked)).count(),
                "written once across three deliveries");
        // Nylas documents no modified time for contacts: the notification's time dates the change
        JsonNode blockedValue = all(CONNECT, "wh.contacts").stream().filter(r -> r.id().equals(blocked))
                .findFirst().orElseThrow().value();
        assertTrue(blockedValue.path("modified_at").isNumber(), blockedValue.toString());

        // the task metrics: 4 notifications and the probe accepted; 4 redeliveries and the 2 retries of the blocked
        // one joined earlier outcomes; 2 forged/unsigned, 1 oversized, 2 malformed and 2 unacknowledged refused
        assertEquals(5L, metric("hooks", 0, "webhooks-accepted-total"));
        assertEquals(6L, metric("hooks", 0, "webhooks-duplicate-total"));
        assertEquals(7L, metric("hooks", 0, "webhooks-rejected-total"));
        assertTrue(metric("hooks", 0, "webhook-ack-p99-us").longValue() > 0);

        // grant.expired arrives as a status record too
        NYLAS.expireGrant(grant);
        awaitCount(CONNECT, 1, Duration.ofSeconds(30), r -> "webhook".equals(r.via())
                && "expired".equals(r.value().path("status").asText()), "wh.grants");
        CONNECT.rest().delete("connectors/hooks");
        CONNECT.awaitDeleted("hooks");
    }

    @Test
    @Order(6)
    void withoutGrantIdsTheApplicationsGrantsAreDiscoveredAndNewOnesSpreadOverTasks() {
        try (NylasEmulator app = NylasEmulator.builder().rateLimitPerSecond(0).applicationRateLimitPerSecond(0)
                .build().start()) {
            List<String> grants = new ArrayList<>();
            for (int g = 0; g < 2; g++) {
                grants.add(app.createGrant("found" + g + "@example.com", "google"));
            }
            long now = Instant.now().getEpochSecond();
            grants.forEach(g -> addMessages(app, g, 3, now - 3_600));
            Map<String, String> c = config("discover", app.baseUrl(), app.apiKey(), "dc", List.of());
            c.remove("nylas.grant.ids");
            c.put("nylas.objects", "messages");
            c.put("tasks.max", "3");
            c.put("backfill.days", "1");
            c.put("nylas.grants.refresh.interval.ms", "1000");
            CONNECT.putConnector("discover", c);
            CONNECT.awaitRunning("discover", 2);
            awaitCount(CONNECT, 6, Duration.ofSeconds(30), r -> true, "dc.messages");

            // a third grant appears: the next refresh asks for new task configs, and a third task reads it
            String third = app.createGrant("found2@example.com", "microsoft");
            addMessages(app, third, 3, now - 600);
            CONNECT.awaitRunning("discover", 3);
            JsonNode tasks = CONNECT.rest().get("connectors/discover/tasks").body();
            Set<String> assigned = new HashSet<>();
            tasks.forEach(t -> assigned.addAll(List.of(t.path("config").path("task.grant.ids").asText().split(","))));
            assertEquals(Set.of(grants.get(0), grants.get(1), third), assigned, tasks.toString());
            awaitCount(CONNECT, 3, Duration.ofSeconds(30), r -> r.grant().equals(third), "dc.messages");

            // an invalid grant in the application's list is assigned like the others, paused with one status
            // record, and does not hold up the rest
            String invalid = app.createGrant("invalid@example.com", "google");
            app.expireGrant(invalid);
            List<Rec> status = awaitCount(CONNECT, 1, Duration.ofSeconds(30),
                    r -> "expired".equals(r.value().path("status").asText()), "dc.grants");
            assertEquals(invalid, status.get(0).value().path("grant_id").asText());
            long later = Instant.now().getEpochSecond();
            addMessages(app, grants.get(0), 1, later);
            addMessages(app, third, 1, later);
            List<Rec> got = awaitCount(CONNECT, 11, Duration.ofSeconds(30), r -> true, "dc.messages");
            got = all(CONNECT, "dc.messages");
            assertEquals(Map.of(), duplicates(got), "reassignments resume from the offsets");
            assertEquals(11, got.size());
            CONNECT.rest().delete("connectors/discover");
            CONNECT.awaitDeleted("discover");
        }
    }

    private static void addMessages(NylasEmulator app, String grant, int n, long date) {
        for (int i = 0; i < n; i++) {
            app.addMessage(grant, NylasMessage.create().subject("d" + i).date(date + i));
        }
    }

    private static List<WebhookDelivery> attempts(String endpoint, String type, int mark) {
        return NYLAS.webhookDeliveries().stream().skip(mark).filter(d -> d.url().equals(endpoint))
                .filter(d -> d.type().equals(type)).toList();
    }

    /** One of a task's plugin metrics, read over JMX (the worker runs in this JVM). */
    static Number metric(String connector, int task, String name) {
        Number v = PluginMetricsJmx.task(connector, task, name);
        if (v == null) {
            throw new AssertionError("no metric " + name + " for " + connector + " task " + task);
        }
        return v;
    }

    private static String signedBody(String secret, String body) {
        return body;
    }

    private static HttpResponse<String> get(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> post(HttpClient http, String url, String body, String secret, boolean sign) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (sign) {
            b.header("X-Nylas-Signature", WebhookSigner.sign(secret, bytes));
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

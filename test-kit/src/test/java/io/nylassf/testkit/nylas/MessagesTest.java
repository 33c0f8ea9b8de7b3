package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessagesTest {
    @RegisterExtension
    static NylasEmulatorExtension nylas = new NylasEmulatorExtension(b -> b.rateLimitPerSecond(0));

    private static final long T0 = 1_718_000_000L;

    private String grantWith(int count) {
        NylasEmulator e = nylas.emulator();
        String g = e.createGrant("m" + System.nanoTime() + "@acme.test", "google");
        for (int i = 0; i < count; i++) {
            // several messages share a second, so ordering must fall back to the id
            e.addMessage(g, NylasMessage.create().subject("m" + i).date(T0 + i / 3)
                    .from("Ada", "ada@acme.test").to("Bob", "bob@acme.test").body("<p>hello " + i + "</p>"));
        }
        return g;
    }

    private static List<JsonNode> all(Api api, String path) {
        List<JsonNode> out = new ArrayList<>();
        String sep = path.contains("?") ? "&" : "?";
        Api.Resp page = api.get(path);
        while (true) {
            assertEquals(200, page.status(), page.body());
            page.data().forEach(out::add);
            if (!page.json().has("next_cursor")) {
                return out;
            }
            page = api.get(path + sep + "page_token=" + page.json().get("next_cursor").asText());
        }
    }

    @Test
    void pagingVisitsEveryMessageExactlyOnceNewestFirst() {
        String g = grantWith(1050);
        Api api = new Api(nylas.emulator());
        Api.Resp first = api.get("/v3/grants/" + g + "/messages?limit=200");
        assertEquals(200, first.data().size());
        List<JsonNode> got = all(api, "/v3/grants/" + g + "/messages?limit=200");
        assertEquals(1050, got.size());
        assertEquals(1050, got.stream().map(m -> m.get("id").asText()).distinct().count());
        for (int i = 1; i < got.size(); i++) {
            assertTrue(got.get(i - 1).get("date").asLong() >= got.get(i).get("date").asLong(), "newest first");
        }
        JsonNode m = got.get(0);
        assertEquals("message", m.path("object").asText());
        assertEquals(g, m.path("grant_id").asText());
        for (String f : List.of("id", "thread_id", "subject", "from", "to", "cc", "bcc", "reply_to", "date",
                "created_at", "body", "snippet", "starred", "unread", "folders", "attachments", "metadata")) {
            assertTrue(m.has(f), "message has " + f + ": " + m);
        }
        assertFalse(m.has("headers"), "headers only with fields=include_headers");
        assertEquals("ada@acme.test", m.path("from").get(0).path("email").asText());
    }

    @Test
    void cursorIsStableUnderConcurrentInserts() {
        String g = grantWith(300);
        Api api = new Api(nylas.emulator());
        String path = "/v3/grants/" + g + "/messages?limit=100";
        Api.Resp page = api.get(path);
        Set<String> seen = new HashSet<>();
        page.data().forEach(m -> seen.add(m.get("id").asText()));
        // new mail arrives (newer and older than the boundary) between pages
        nylas.emulator().addMessage(g, NylasMessage.create().subject("new").date(T0 + 10_000));
        nylas.emulator().addMessage(g, NylasMessage.create().subject("old").date(T0 - 10_000));
        int total = seen.size();
        while (page.json().has("next_cursor")) {
            page = api.get(path + "&page_token=" + page.json().get("next_cursor").asText());
            for (JsonNode m : page.data()) {
                assertTrue(seen.add(m.get("id").asText()), "no repeats");
                total++;
            }
        }
        assertEquals(301, total, "all 300 originals plus the older insert, each once");
    }

    @Test
    void limitDefaultsTo50AndOver200Is400() {
        String g = grantWith(60);
        Api api = new Api(nylas.emulator());
        assertEquals(50, api.get("/v3/grants/" + g + "/messages").data().size());
        Api.Resp r = api.get("/v3/grants/" + g + "/messages?limit=201");
        assertEquals(400, r.status());
        assertEquals("invalid_request_error", r.errorType());
        assertEquals(400, api.get("/v3/grants/" + g + "/messages?page_token=garbage").status());
    }

    @Test
    void boundsAreStrictByDefaultAndInclusiveOnRequest() {
        String g = grantWith(30); // dates T0 .. T0+9, three per second
        Api api = new Api(nylas.emulator());
        String window = "/v3/grants/" + g + "/messages?limit=7&received_after=" + (T0 + 2) + "&received_before="
                + (T0 + 5);
        assertEquals(TimeBounds.STRICT, nylas.emulator().timeBounds());
        List<JsonNode> strict = all(api, window);
        assertEquals(6, strict.size(), "T0+3 and T0+4 only");
        strict.forEach(m -> assertTrue(m.get("date").asLong() > T0 + 2 && m.get("date").asLong() < T0 + 5));
        try {
            nylas.emulator().timeBounds(TimeBounds.INCLUSIVE);
            List<JsonNode> inclusive = all(api, window);
            assertEquals(12, inclusive.size(), "T0+2 .. T0+5");
            inclusive.forEach(m -> assertTrue(m.get("date").asLong() >= T0 + 2 && m.get("date").asLong() <= T0 + 5));
        } finally {
            nylas.emulator().timeBounds(TimeBounds.STRICT);
        }
    }

    @Test
    void filtersByFolderParticipantThreadUnreadAndMetadata() {
        NylasEmulator e = nylas.emulator();
        String g = e.createGrant("filters@acme.test", "google");
        e.addMessage(g, NylasMessage.create().subject("a").folders("INBOX").from("X", "x@acme.test").unread(true)
                .threadId("t1").metadata("key1", "sf:001"));
        e.addMessage(g, NylasMessage.create().subject("b").folders("SENT").to("Y", "y@acme.test").unread(false)
                .metadata("key1", "sf:002"));
        e.addMessage(g, Map.of("subject", "c", "folders", List.of("Archive"), "cc", List.of(Map.of("email", "z@acme.test"))));
        Api api = new Api(e);
        String base = "/v3/grants/" + g + "/messages?";
        assertEquals(List.of("b"), subjects(api.get(base + "in=SENT")));
        assertEquals(List.of("a"), subjects(api.get(base + "from=x@acme.test")));
        assertEquals(List.of("b"), subjects(api.get(base + "to=y@acme.test")));
        assertEquals(2, api.get(base + "any_email=y@acme.test,z@acme.test").data().size());
        assertEquals(List.of("a"), subjects(api.get(base + "thread_id=t1")));
        assertEquals(2, api.get(base + "unread=true").data().size());
        assertEquals(List.of("b"), subjects(api.get(base + "metadata_pair=key1:sf:002")));

        Api.Resp combined = api.get(base + "metadata_pair=key1:sf:002&in=SENT");
        assertEquals(400, combined.status());
        assertEquals(400, api.get(base + "metadata_pair=key6:x").status());
    }

    @Test
    void headersOnlyWithIncludeHeaders() {
        NylasEmulator e = nylas.emulator();
        String g = e.createGrant("headers@acme.test", "google");
        String id = e.addMessage(g, NylasMessage.create().subject("h").header("X-SF-Id", "00T1")).get("id").asText();
        Api api = new Api(e);
        assertFalse(api.get("/v3/grants/" + g + "/messages/" + id).data().has("headers"));
        JsonNode withHeaders = api.get("/v3/grants/" + g + "/messages?fields=include_headers").data().get(0);
        assertEquals("X-SF-Id", withHeaders.path("headers").get(0).path("name").asText());
        assertEquals("00T1", withHeaders.path("headers").get(0).path("value").asText());
        JsonNode selected = api.get("/v3/grants/" + g + "/messages?select=subject").data().get(0);
        assertEquals(Set.of("id", "subject"), fieldNames(selected));
    }

    @Test
    void updateAndDeleteAMessage() {
        NylasEmulator e = nylas.emulator();
        String g = e.createGrant("upd@acme.test", "google");
        String id = e.addMessage(g, NylasMessage.create().subject("u")).get("id").asText();
        Api api = new Api(e);
        Api.Resp upd = api.put("/v3/grants/" + g + "/messages/" + id,
                Map.of("unread", false, "starred", true, "folders", List.of("Archive"), "metadata", Map.of("key2", "v")));
        assertEquals(200, upd.status(), upd.body());
        assertFalse(upd.data().path("unread").asBoolean());
        assertTrue(upd.data().path("starred").asBoolean());
        assertEquals("Archive", upd.data().path("folders").get(0).asText());
        assertEquals("v", e.message(g, id).path("metadata").path("key2").asText());
        assertEquals(200, api.delete("/v3/grants/" + g + "/messages/" + id).status());
        assertEquals(404, api.get("/v3/grants/" + g + "/messages/" + id).status());
        assertEquals(404, api.delete("/v3/grants/" + g + "/messages/" + id).status());
    }

    private static List<String> subjects(Api.Resp r) {
        assertEquals(200, r.status(), r.body());
        List<String> out = new ArrayList<>();
        r.data().forEach(m -> out.add(m.get("subject").asText()));
        return out;
    }

    private static Set<String> fieldNames(JsonNode n) {
        Set<String> out = new HashSet<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}

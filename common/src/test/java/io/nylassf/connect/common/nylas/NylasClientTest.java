package io.nylassf.connect.common.nylas;

import io.nylassf.connect.common.http.ApiException.Kind;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.nylas.NylasMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client against the Nylas emulator: paging, filters, single reads and error classification. */
class NylasClientTest {
    private static NylasEmulator nylas;
    private static NylasClient client;

    @BeforeAll
    static void start() {
        nylas = NylasEmulator.builder().rateLimitPerSecond(0).applicationRateLimitPerSecond(0).build().start();
        client = new NylasClient(nylas.baseUrl(), nylas.apiKey(), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        client.close();
        nylas.close();
    }

    @BeforeEach
    void resetFaults() {
        nylas.faults().reset();
    }

    @Test
    void followsCursorsThroughAReceivedWindow() {
        String grant = nylas.createGrant("pager@example.com", "google");
        for (int i = 0; i < 450; i++) {
            nylas.addMessage(grant, NylasMessage.create().subject("m" + i).date(1_700_000_000L + i));
        }
        // [1_700_000_100, 1_700_000_400): exactly 300 messages, over two pages of 200
        Set<String> ids = new HashSet<>();
        List<Long> dates = new ArrayList<>();
        // the emulator's time bounds are strict (Nylas does not document them): after=099 returns 100 onwards
        ListQuery q = ListQuery.limit(200).receivedBetween(1_700_000_099L, 1_700_000_400L);
        int pages = 0;
        String token = null;
        do {
            Page<Message> page = client.listMessages(grant, q.pageToken(token));
            page.data().forEach(m -> {
                ids.add(m.id());
                dates.add(m.date());
                assertEquals(grant, m.grantId());
            });
            token = page.nextCursor();
            pages++;
        } while (token != null);
        assertEquals(2, pages);
        assertEquals(300, ids.size());
        assertTrue(dates.stream().allMatch(d -> d >= 1_700_000_100L && d < 1_700_000_400L));
        assertEquals(1_700_000_399L, dates.get(0), "newest first");
    }

    @Test
    void downloadsAnAttachmentUpToTheCapAndClassifiesFailures() {
        String grant = nylas.createGrant("files@example.com", "google");
        byte[] pdf = "%PDF-1.4 quote".getBytes(StandardCharsets.UTF_8);
        String m = nylas.addMessage(grant, NylasMessage.create().subject("files")
                .attachment("att-1", "quote.pdf", "application/pdf", pdf)).get("id").asText();
        assertEquals(new String(pdf, StandardCharsets.UTF_8),
                new String(client.downloadAttachment(grant, "att-1", m, 1_000), StandardCharsets.UTF_8));
        assertEquals(5, client.downloadAttachment(grant, "att-1", m, 4).length, "cut at the cap + 1");
        NylasApiException missing = assertThrows(NylasApiException.class,
                () -> client.downloadAttachment(grant, "att-none", m, 1_000));
        assertEquals(Kind.NOT_FOUND, missing.kind());
        nylas.faults().failNext("503", 1);
        NylasApiException busy = assertThrows(NylasApiException.class,
                () -> client.downloadAttachment(grant, "att-1", m, 1_000));
        assertTrue(busy.isRetriable());
    }

    @Test
    void readsSingleObjectsEventsContactsAndGrants() {
        String grant = nylas.createGrant("single@example.com", "microsoft");
        String id = nylas.addMessage(grant, NylasMessage.create().subject("hello").body("<p>hi</p>")).get("id").asText();
        Message m = client.getMessage(grant, id);
        assertEquals("hello", m.json().path("subject").asText());
        assertEquals("<p>hi</p>", m.json().path("body").asText());

        nylas.addEvent(grant, "primary", Map.of("title", "Kickoff", "when",
                Map.of("start_time", 1_800_000_000L, "end_time", 1_800_003_600L)));
        // an explicit range: without one Nylas lists only the next month's events
        Page<Event> events = client.listEvents(grant, "primary", ListQuery.limit(50)
                .with("start", 1_800_000_000L).with("end", 1_800_003_600L));
        assertEquals(1, events.data().size());
        Event e = events.data().get(0);
        assertEquals("Kickoff", e.json().path("title").asText());
        assertNotNull(e.updatedAt());
        assertEquals(e.id(), client.getEvent(grant, "primary", e.id()).id());

        nylas.addContact(grant, Map.of("given_name", "Leyah", "surname", "Miller",
                "emails", List.of(Map.of("email", "leyah@example.com", "type", "work"))));
        Page<Contact> contacts = client.listContacts(grant, ListQuery.limit(200));
        assertEquals(1, contacts.data().size());
        assertTrue(contacts.isLast());
        assertEquals("Leyah", client.getContact(grant, contacts.data().get(0).id()).json().path("given_name").asText());

        Grant g = client.getGrant(grant);
        assertTrue(g.valid());
        assertEquals("microsoft", g.provider());
        assertTrue(client.listGrants().stream().anyMatch(x -> x.id().equals(grant)));
    }

    @Test
    void listsMoreGrantsThanOnePage() {
        int before = client.listGrants().size();
        for (int i = 0; i < 205; i++) {
            nylas.createGrant("bulk" + i + "@example.com", "google");
        }
        List<Grant> all = client.listGrants();
        assertEquals(before + 205, all.size());
        assertEquals(all.size(), all.stream().map(Grant::id).distinct().count());
    }

    @Test
    void expiredGrantIsAnAuthenticationFailureWithGrantContext() {
        String grant = nylas.createGrant("expired@example.com", "google");
        nylas.expireGrant(grant);
        NylasApiException e = assertThrows(NylasApiException.class,
                () -> client.listMessages(grant, ListQuery.limit(10)));
        assertEquals(Kind.AUTHENTICATION, e.kind());
        assertEquals(401, e.status());
        assertEquals(grant, e.grantId());
        assertTrue(e.grantExpired());
        assertFalse(e.isRetriable());
    }

    @Test
    void badApiKeyIsAnAuthenticationFailureOfTheApplication() {
        String grant = nylas.createGrant("key@example.com", "google");
        try (NylasClient wrong = new NylasClient(nylas.baseUrl(), "nyk_wrong_secret_value", Duration.ofSeconds(5))) {
            NylasApiException e = assertThrows(NylasApiException.class,
                    () -> wrong.listMessages(grant, ListQuery.limit(10)));
            assertEquals(Kind.AUTHENTICATION, e.kind());
            assertFalse(e.grantExpired());
            assertFalse(e.getMessage().contains("nyk_wrong_secret_value"), "the key must never be in a message");
        }
    }

    @Test
    void unknownGrantIsNotFound() {
        NylasApiException e = assertThrows(NylasApiException.class,
                () -> client.listMessages("no-such-grant", ListQuery.limit(10)));
        assertEquals(Kind.NOT_FOUND, e.kind());
        assertEquals("not_found_error", e.type());
    }

    @Test
    void rateLimitCarriesRetryAfterAndServerErrorsAreTransient() {
        String grant = nylas.createGrant("faults@example.com", "google");
        nylas.faults().retryAfterSeconds(7).failNext("429", 1).failNext("503", 1).failNext("500", 1);
        NylasApiException limited = assertThrows(NylasApiException.class,
                () -> client.listMessages(grant, ListQuery.limit(10)));
        assertEquals(Kind.RATE_LIMITED, limited.kind());
        assertEquals(Duration.ofSeconds(7), limited.retryAfter().orElseThrow());
        NylasApiException unavailable = assertThrows(NylasApiException.class,
                () -> client.listMessages(grant, ListQuery.limit(10)));
        assertEquals(Kind.TRANSIENT, unavailable.kind());
        assertEquals("provider_error", unavailable.type());
        assertEquals(Kind.TRANSIENT, assertThrows(NylasApiException.class,
                () -> client.listMessages(grant, ListQuery.limit(10))).kind());
        assertEquals(0, client.listMessages(grant, ListQuery.limit(10)).data().size());
    }

    @Test
    void droppedConnectionsAndTimeoutsAreTransient() {
        String grant = nylas.createGrant("slow@example.com", "google");
        nylas.faults().failNext("DROP", 1);
        assertEquals(Kind.TRANSIENT, assertThrows(NylasApiException.class,
                () -> client.listMessages(grant, ListQuery.limit(10))).kind());
        nylas.faults().reset();
        nylas.faults().latency(1_500, 0);
        try (NylasClient impatient = new NylasClient(nylas.baseUrl(), nylas.apiKey(), Duration.ofMillis(300))) {
            NylasApiException e = assertThrows(NylasApiException.class,
                    () -> impatient.listMessages(grant, ListQuery.limit(10)));
            assertEquals(Kind.TRANSIENT, e.kind());
            assertEquals(0, e.status());
        }
    }

    @Test
    void classifiesPrefixedAndUnprefixedErrorTypes() {
        String[][] cases = {
                {"429", "{\"error\":{\"type\":\"api.rate_limit_error\"}}", "RATE_LIMITED"},
                {"429", "{\"error\":{\"type\":\"rate_limit_error\"}}", "RATE_LIMITED"},
                {"401", "{\"error\":{\"type\":\"api.authentication_error\"}}", "AUTHENTICATION"},
                {"401", "{\"error\":{\"type\":\"unauthorized\",\"provider_error\":{\"error\":\"invalid_grant\"}}}",
                        "AUTHENTICATION"},
                {"404", "{\"error\":{\"type\":\"api.not_found_error\"}}", "NOT_FOUND"},
                {"404", "{\"error\":{\"type\":\"not_found_error\"}}", "NOT_FOUND"},
                {"400", "{\"error\":{\"type\":\"api.invalid_request_error\"}}", "BAD_REQUEST"},
                {"504", "{\"error\":{\"type\":\"api.provider_error\"}}", "TRANSIENT"},
                {"500", "{\"error\":{\"type\":\"api.internal_error\"}}", "TRANSIENT"},
                {"423", "{\"error\":{\"type\":\"api.resource_blocked\"}}", "TRANSIENT"},
                {"403", "{\"error\":{\"type\":\"insufficient_scopes\"}}", "FORBIDDEN"},
                {"502", "<html>bad gateway</html>", "TRANSIENT"},
        };
        for (String[] c : cases) {
            NylasApiException e = client.classify("GET /x", "g", Integer.parseInt(c[0]),
                    c[1].getBytes(StandardCharsets.UTF_8), null);
            assertEquals(Kind.valueOf(c[2]), e.kind(), c[1]);
        }
        NylasApiException expired = client.classify("GET /x", "g", 401,
                cases[3][1].getBytes(StandardCharsets.UTF_8), null);
        assertTrue(expired.grantExpired());
        assertEquals("rate_limit_error", client.classify("GET /x", null, 429,
                cases[0][1].getBytes(StandardCharsets.UTF_8), "3").type());
        assertNull(client.classify("GET /x", null, 502, new byte[0], null).type());
    }
}

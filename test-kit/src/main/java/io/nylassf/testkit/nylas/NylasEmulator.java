package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.testkit.http.EmulatorException;
import io.nylassf.testkit.http.EmulatorHttpServer;
import io.nylassf.testkit.http.FaultInjector;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A stateful, in-process emulator of the Nylas v3 API (grants, messages and send, events, contacts, webhooks)
 * on loopback HTTP. Tests drive its state from Java (or over {@code /__admin/nylas/...}); the code under test
 * talks to {@link #baseUrl()} exactly as it would to {@code https://api.us.nylas.com}. Every state change emits
 * the matching signed webhook to registered destinations. Objects handed out are copies. This class is the
 * Java state API; {@link NylasWiring} builds the stores and routes from {@link NylasEmulatorBuilder}'s options.
 */
public final class NylasEmulator implements AutoCloseable {
    static {
        io.nylassf.testkit.http.TcpNoDelay.enable();
    }

    private final Clock clock;
    private final NylasWiring parts;
    private final EmulatorHttpServer server;
    private final GrantLifecycle grants;
    private final MessageStore messages;
    private final MessageSender sender;
    private final EventStore events;
    private final ContactStore contacts;
    private final WebhookDispatcher dispatcher;
    private final ScheduledExecutorService ticker;
    private volatile String apiKey;
    private volatile TimeBounds timeBounds = TimeBounds.STRICT;

    NylasEmulator(NylasEmulatorBuilder b) {
        this.apiKey = b.apiKey;
        this.clock = b.clock;
        this.parts = new NylasWiring(b, this);
        this.server = parts.server;
        this.messages = parts.messages;
        this.sender = parts.sender;
        this.events = parts.events;
        this.contacts = parts.contacts;
        this.dispatcher = parts.dispatcher;
        this.grants = new GrantLifecycle(parts.grants, events, dispatcher, b.integrationId);
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nylas-scheduled-sends");
            t.setDaemon(true);
            return t;
        });
    }

    public static NylasEmulatorBuilder builder() {
        return new NylasEmulatorBuilder();
    }

    public NylasEmulator start() {
        server.start();
        ticker.scheduleWithFixedDelay(this::runScheduledSends, 250, 250, TimeUnit.MILLISECONDS);
        return this;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public int port() {
        return server.port();
    }

    public String apiKey() {
        return apiKey;
    }

    /**
     * Whether {@code *_after}/{@code *_before} time filters include an object stamped exactly on the bound
     * (undocumented by Nylas): {@link TimeBounds#STRICT} (default) or {@link TimeBounds#INCLUSIVE}.
     */
    public void timeBounds(TimeBounds bounds) {
        this.timeBounds = java.util.Objects.requireNonNull(bounds, "bounds");
    }

    public TimeBounds timeBounds() {
        return timeBounds;
    }

    /**
     * {@code metadata_pair} searches lag writes by this much (emulator clock): an object written less than
     * {@code lag} ago is not found by its metadata yet, while reads by id or time see it. Zero turns the lag off.
     */
    public void metadataSearchLag(Duration lag) {
        parts.metadataIndex.lag(lag);
    }

    /**
     * The application's API key is rotated (or revoked): from now on only {@code newKey} is accepted and every
     * other key gets 401 {@code api.authentication_error} without {@code provider_error}.
     */
    public void rotateApiKey(String newKey) {
        this.apiKey = java.util.Objects.requireNonNull(newKey, "newKey");
        parts.router.apiKey(newKey);
    }

    public Clock clock() {
        return clock;
    }

    /** API faults (latency, error rates, one-shots); never applied to {@code /__admin} or to webhook delivery. */
    public FaultInjector faults() {
        return server.faults();
    }

    // ---- grants ----

    /** Creates a valid grant with a {@code primary} calendar; fires {@code grant.created}. */
    public String createGrant(String email, String provider) {
        return grants.create(email, provider);
    }

    public ObjectNode grant(String grantId) {
        return requireGrant(grantId).deepCopy();
    }

    /** The grant turns invalid: its API calls answer 401 with provider_error; fires {@code grant.expired}. */
    public void expireGrant(String grantId) {
        grants.expire(grantId);
    }

    /** The grant is valid again (the user re-authenticated); fires {@code grant.updated}. */
    public void restoreGrant(String grantId) {
        grants.restore(grantId);
    }

    // ---- messages ----

    /** Adds a message (a {@link NylasMessage}, {@link ObjectNode} or {@link Map}); fires {@code message.created}. */
    public ObjectNode addMessage(String grantId, Object message) {
        ObjectNode grant = requireGrant(grantId);
        return java(() -> messages.add(grant, input(message)).deepCopy());
    }

    public ObjectNode updateMessage(String grantId, String messageId, Object changes) {
        ObjectNode grant = requireGrant(grantId);
        ObjectNode m = java(() -> messages.update(grant, messageId, input(changes)));
        if (m == null) {
            throw new IllegalArgumentException("No message " + messageId + " in grant " + grantId);
        }
        return m.deepCopy();
    }

    public boolean deleteMessage(String grantId, String messageId) {
        return messages.delete(requireGrant(grantId), messageId) != null;
    }

    /** The grant's messages newest first, headers included. */
    public List<ObjectNode> messages(String grantId) {
        return copies(messages.index(grantId).all());
    }

    public ObjectNode message(String grantId, String messageId) {
        ObjectNode m = messages.get(grantId, messageId);
        return m == null ? null : m.deepCopy();
    }

    /** Messages sent through the API (immediate and delivered scheduled sends), in send order. */
    public List<ObjectNode> sentMessages(String grantId) {
        return copies(messages.sent(grantId));
    }

    /** Messages actually sent for the grant; idempotent replays do not count. */
    public int sendCount(String grantId) {
        return sender.sendCount(grantId);
    }

    /** Holds every send this long after validation, e.g. to test {@code api.concurrent_idempotent_request}. */
    public void sendLatency(Duration latency) {
        sender.sendLatency(latency);
    }

    /** Sends the scheduled messages due on the emulator clock (also runs every 250 ms in the background). */
    public int runScheduledSends() {
        return sender.runDue();
    }

    // ---- events ----

    /** Adds an event ({@code calendarId} may be {@code primary}); {@code when} is required. */
    public ObjectNode addEvent(String grantId, String calendarId, Object event) {
        ObjectNode grant = requireGrant(grantId);
        String cal = requireCalendar(grantId, calendarId);
        return java(() -> events.create(grant, cal, input(event), "java").deepCopy());
    }

    public ObjectNode updateEvent(String grantId, String calendarId, String eventId, Object changes) {
        ObjectNode grant = requireGrant(grantId);
        String cal = requireCalendar(grantId, calendarId);
        ObjectNode e = java(() -> events.update(grant, cal, eventId, input(changes), "java"));
        if (e == null) {
            throw new IllegalArgumentException("No event " + eventId + " in calendar " + calendarId);
        }
        return e.deepCopy();
    }

    public boolean deleteEvent(String grantId, String calendarId, String eventId) {
        return events.delete(requireGrant(grantId), requireCalendar(grantId, calendarId), eventId) != null;
    }

    public List<ObjectNode> events(String grantId) {
        return copies(events.all(grantId));
    }

    /** The id {@code primary} stands for. */
    public String primaryCalendarId(String grantId) {
        return requireCalendar(grantId, "primary");
    }

    // ---- contacts ----

    /** Adds a contact; fires {@code contact.updated} (Nylas has no contact.created). */
    public ObjectNode addContact(String grantId, Object contact) {
        ObjectNode grant = requireGrant(grantId);
        return java(() -> contacts.create(grant, input(contact)).deepCopy());
    }

    public ObjectNode updateContact(String grantId, String contactId, Object changes) {
        ObjectNode grant = requireGrant(grantId);
        ObjectNode c = java(() -> contacts.update(grant, contactId, input(changes)));
        if (c == null) {
            throw new IllegalArgumentException("No contact " + contactId + " in grant " + grantId);
        }
        return c.deepCopy();
    }

    public boolean deleteContact(String grantId, String contactId) {
        return contacts.delete(requireGrant(grantId), contactId) != null;
    }

    public List<ObjectNode> contacts(String grantId) {
        return copies(contacts.index(grantId).all());
    }

    // ---- folders ----

    /** The grant's folders (Google: labels) as {@code GET /folders} lists them, without the counts. */
    public List<ObjectNode> folders(String grantId) {
        return copies(parts.folders.all(requireGrant(grantId)));
    }

    /** The id of the grant's system folder with this attribute ({@code \Junk}, {@code \Trash}...), or null. */
    public String folderId(String grantId, String attribute) {
        for (ObjectNode f : parts.folders.all(requireGrant(grantId))) {
            for (var a : f.path("attributes")) {
                if (a.asText().equals(attribute)) {
                    return f.get("id").asText();
                }
            }
        }
        return null;
    }

    /** Creates a user folder (Google: a user label) and returns its id. */
    public String addFolder(String grantId, String name) {
        return parts.folders.add(requireGrant(grantId), name).get("id").asText();
    }

    // ---- webhooks ----

    /**
     * Registers a destination as {@code POST /v3/webhooks} would, challenge included; returns the webhook JSON
     * with its {@code webhook_secret}.
     */
    public ObjectNode registerWebhook(String url, String... triggerTypes) {
        String failure = parts.registry.challenge(url);
        if (failure != null) {
            throw new IllegalStateException("Webhook challenge failed for " + url + ": " + failure);
        }
        return parts.registry.create(url, Arrays.asList(triggerTypes), "", List.of()).toJson(true);
    }

    public List<WebhookDelivery> webhookDeliveries() {
        return dispatcher.deliveries();
    }

    /** Queues notifications (and due retries) instead of delivering them, until {@link #resumeWebhooks()}. */
    public void pauseWebhooks() {
        dispatcher.pause();
    }

    public void resumeWebhooks() {
        dispatcher.resume();
    }

    /** Loses the next {@code n} notifications for good (no delivery, no retry): the windows must find them. */
    public void loseNextWebhooks(int n) {
        dispatcher.loseNext(n);
    }

    /** Ids of the notifications lost through {@link #loseNextWebhooks}. */
    public List<String> lostWebhooks() {
        return dispatcher.lost();
    }

    /** Delivers a notification again with the same id, as at-least-once delivery may; false if unknown. */
    public boolean redeliver(String notificationId) {
        return dispatcher.redeliver(notificationId);
    }

    /** Waits until every notification has been delivered or given up on; false on timeout. */
    public boolean awaitWebhooks(Duration timeout) throws InterruptedException {
        return dispatcher.awaitIdle(timeout);
    }

    // ---- counts ----

    public long requestCount() {
        return parts.counter.total();
    }

    /** Calls per endpoint, keyed like {@code "GET /v3/grants/{grantId}/messages"}. */
    public Map<String, Long> requestCounts() {
        return parts.counter.snapshot();
    }

    /** Grant requests answered 429 by the per-grant rate limit so far. */
    public long rateLimitedCount() {
        return parts.perGrant.refused();
    }

    public long requestCount(String endpoint) {
        return parts.counter.snapshot().getOrDefault(endpoint, 0L);
    }

    /**
     * The most requests for {@code grantId} that were in flight at once (route matched, answer not ready yet,
     * injected latency included) since the start or the last {@link #resetInFlightHighWater}.
     */
    public int inFlightHighWater(String grantId) {
        return parts.concurrency.highWater(grantId);
    }

    /** {@link #inFlightHighWater} of every grant called so far. */
    public Map<String, Integer> inFlightHighWaters() {
        return parts.concurrency.highWaters();
    }

    public void resetInFlightHighWater() {
        parts.concurrency.reset();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        dispatcher.close();
        server.close();
    }

    // ---- internals shared with AdminRoutes ----

    GrantStore grantStore() {
        return parts.grants;
    }

    WebhookDispatcher dispatcher() {
        return dispatcher;
    }

    ObjectNode requireGrant(String grantId) {
        return grants.require(grantId);
    }

    String requireCalendar(String grantId, String calendarId) {
        requireGrant(grantId);
        String cal = events.resolve(grantId, calendarId);
        if (cal == null) {
            throw new IllegalArgumentException("No calendar " + calendarId + " in grant " + grantId);
        }
        return cal;
    }

    private static ObjectNode input(Object o) {
        if (o instanceof NylasMessage m) {
            return m.toJson();
        }
        return NylasJson.toObject(o);
    }

    private static List<ObjectNode> copies(List<ObjectNode> nodes) {
        List<ObjectNode> out = new ArrayList<>(nodes.size());
        nodes.forEach(n -> out.add(n.deepCopy()));
        return out;
    }

    /** Runs a store call from Java, turning a Nylas-shaped 400 into an exception that says what was wrong. */
    private static <T> T java(Supplier<T> call) {
        try {
            return call.get();
        } catch (EmulatorException e) {
            throw new IllegalArgumentException(e.response().bodyAsString(), e);
        }
    }

    /** Runs the emulator standalone: {@code --port 8081 --api-key nyk_test}. */
    public static void main(String[] args) throws InterruptedException {
        NylasEmulatorBuilder b = builder().port(8081);
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> b.port(Integer.parseInt(args[i + 1]));
                case "--api-key" -> b.apiKey(args[i + 1]);
                case "--host" -> b.host(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        NylasEmulator emulator = b.build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
        System.out.println("Nylas emulator listening on " + emulator.baseUrl() + " (API key " + emulator.apiKey() + ")");
        Thread.currentThread().join();
    }
}

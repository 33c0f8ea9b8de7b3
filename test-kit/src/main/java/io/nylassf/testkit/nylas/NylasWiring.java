package io.nylassf.testkit.nylas;

import io.nylassf.testkit.http.EmulatorHttpServer;

import java.net.http.HttpClient;

/**
 * The emulator's object graph, built from its options: the stores, the webhook registry and dispatcher, and the
 * router with every route family registered under its rate limits (per application, per grant, per send).
 */
final class NylasWiring {
    final EmulatorHttpServer server;
    final GrantStore grants;
    final MessageStore messages;
    final MessageSender sender;
    final EventStore events;
    final ContactStore contacts;
    final WebhookRegistry registry;
    final WebhookDispatcher dispatcher;
    final RequestCounter counter = new RequestCounter();
    final GrantConcurrency concurrency = new GrantConcurrency();
    final MetadataIndex metadataIndex;
    final NylasRouter router;
    final RateLimiter perGrant;

    NylasWiring(NylasEmulatorBuilder b, NylasEmulator emulator) {
        this.metadataIndex = new MetadataIndex(b.clock);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(b.webhookTimeout).build();
        this.registry = new WebhookRegistry(b.clock, http, b.challengeTimeout, b.webhookFailingWindow,
                b.webhookFailedAfter);
        this.dispatcher = new WebhookDispatcher(registry, b.clock, http, b.applicationId, b.webhookRetryDelays,
                b.webhookTimeout, b.truncationThreshold);
        this.grants = new GrantStore(b.clock);
        this.messages = new MessageStore(b.clock, dispatcher);
        this.sender = new MessageSender(b.clock, messages, dispatcher);
        this.events = new EventStore(b.clock, dispatcher);
        this.contacts = new ContactStore(b.clock, dispatcher);
        this.server = new EmulatorHttpServer("nylas", b.host, b.port, NylasErrors::fault);
        server.tracker(concurrency);

        this.router = new NylasRouter(server, b.apiKey, grants, counter,
                new RateLimiter(b.clock, b.applicationRateLimitPerSecond));
        this.perGrant = new RateLimiter(b.clock, b.rateLimitPerSecond);
        RateLimiter sends = new RateLimiter(b.clock, b.sendRateLimitPerSecond);
        new GrantRoutes(grants).register(router);
        new MessageRoutes(messages, sender, new IdempotencyCache(b.clock, b.idempotencyTtl), metadataIndex,
                emulator::timeBounds)
                .register(router, perGrant, sends);
        new AttachmentRoutes(messages).register(router, perGrant);
        new EventRoutes(events, metadataIndex, emulator::timeBounds).register(router, perGrant);
        new ContactRoutes(contacts).register(router, perGrant);
        new WebhookRoutes(registry).register(router);
        new AdminRoutes(emulator).register(router);
    }
}

package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.nylassf.testkit.http.EmulatorResponse;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** {@code /v3/grants/{grantId}/messages...}: list, get, update, delete and send. */
final class MessageRoutes {
    private static final Set<String> UPDATABLE = Set.of("unread", "starred", "folders", "metadata");

    private final MessageStore store;
    private final MessageSender sender;
    private final IdempotencyCache idempotency;
    private final MetadataIndex index;
    private final Supplier<TimeBounds> bounds;

    MessageRoutes(MessageStore store, MessageSender sender, IdempotencyCache idempotency, MetadataIndex index,
                  Supplier<TimeBounds> bounds) {
        this.bounds = bounds;
        this.store = store;
        this.sender = sender;
        this.idempotency = idempotency;
        this.index = index;
    }

    void register(NylasRouter router, RateLimiter limiter, RateLimiter sendLimiter) {
        String base = "/v3/grants/{grantId}/messages";
        router.grant("GET", base, limiter, "messages", this::list);
        router.grant("POST", base + "/send", sendLimiter, "send", this::send);
        router.grant("GET", base + "/{id}", limiter, "messages", this::get);
        router.grant("PUT", base + "/{id}", limiter, "messages", this::update);
        router.grant("DELETE", base + "/{id}", limiter, "messages", this::delete);
    }

    private EmulatorResponse list(NylasCall call) {
        int limit = call.limit(50, 200);
        MessageQuery q = new MessageQuery(call, bounds.get());
        Predicate<ObjectNode> filter = call.param("metadata_pair") == null ? q.filter
                : q.filter.and(index::indexed);
        SortedIndex.Page page = store.index(call.grantId())
                .page(call.pageToken(), q.fromSort(), q.toSort(), filter, limit);
        ArrayNode data = NylasJson.array();
        page.items().forEach(m -> data.add(q.render(m)));
        return NylasJson.list(call.requestId(), data, page.next() == null ? null : Cursor.encode(page.next()));
    }

    private EmulatorResponse get(NylasCall call) {
        ObjectNode m = store.get(call.grantId(), call.pathParam("id"));
        if (m == null) {
            throw NylasErrors.notFound(call.requestId(), "Message " + call.pathParam("id") + " not found.");
        }
        return NylasJson.single(call.requestId(), new MessageQuery(call).render(m));
    }

    private EmulatorResponse update(NylasCall call) {
        ObjectNode body = call.json();
        ObjectNode changes = NylasJson.object();
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            if (UPDATABLE.contains(e.getKey())) {
                changes.set(e.getKey(), e.getValue());
            }
        }
        if (changes.has("metadata") && !changes.get("metadata").isObject()) {
            throw NylasErrors.badRequest(call.requestId(), "metadata must be an object.");
        }
        ObjectNode m = store.update(call.grant(), call.pathParam("id"), changes);
        if (m == null) {
            throw NylasErrors.notFound(call.requestId(), "Message " + call.pathParam("id") + " not found.");
        }
        return NylasJson.single(call.requestId(), MessageQuery.standard(m));
    }

    private EmulatorResponse delete(NylasCall call) {
        if (store.delete(call.grant(), call.pathParam("id")) == null) {
            throw NylasErrors.notFound(call.requestId(), "Message " + call.pathParam("id") + " not found.");
        }
        return NylasJson.deleted(call.requestId());
    }

    private EmulatorResponse send(NylasCall call) throws InterruptedException {
        String key = call.http().header("Idempotency-Key");
        if (key == null) {
            return sender.send(call, call.json());
        }
        String rid = call.requestId();
        if (key.isEmpty() || key.length() > IdempotencyCache.MAX_KEY_LENGTH) {
            throw NylasErrors.error(400, rid, "api.invalid_idempotency_key",
                    "Idempotency-Key must be 1 to " + IdempotencyCache.MAX_KEY_LENGTH + " characters.");
        }
        JsonNode payload = payload(call);
        IdempotencyCache.Outcome outcome = idempotency.begin(call.grantId(), key, payload);
        switch (outcome.kind()) {
            case REPLAY:
                return replay(outcome.cached());
            case DIFFERENT_PAYLOAD:
                throw NylasErrors.error(409, rid, "api.invalid_idempotent_request",
                        "This Idempotency-Key was already used with a different request payload.");
            case IN_FLIGHT:
                throw NylasErrors.error(409, rid, "api.concurrent_idempotent_request",
                        "A request with this Idempotency-Key is still being processed.");
            default:
                break;
        }
        EmulatorResponse response;
        try {
            response = sender.send(call, call.json());
        } catch (io.nylassf.testkit.http.EmulatorException e) {
            response = e.response();
        } catch (RuntimeException | InterruptedException e) {
            idempotency.abandon(call.grantId(), key);
            throw e;
        }
        if (response.status() == 429 || response.status() >= 500) {
            idempotency.abandon(call.grantId(), key); // retryable: the next attempt must really run
        } else {
            idempotency.complete(call.grantId(), key, payload, response);
        }
        return response;
    }

    private static JsonNode payload(NylasCall call) {
        try {
            return NylasJson.MAPPER.readTree(call.http().body());
        } catch (IOException e) {
            return new TextNode(call.http().bodyAsString());
        }
    }

    private static EmulatorResponse replay(EmulatorResponse cached) {
        EmulatorResponse r = EmulatorResponse.of(cached.status(), null, cached.body());
        for (Map.Entry<String, List<String>> h : cached.headers().entrySet()) {
            h.getValue().forEach(v -> r.header(h.getKey(), v));
        }
        return r.header("Idempotent-Response", "true");
    }
}

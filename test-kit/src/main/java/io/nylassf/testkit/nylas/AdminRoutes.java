package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.testkit.http.EmulatorResponse;

import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * {@code /__admin/nylas/...}: the Java state API over HTTP, so a standalone emulator can be driven by curl.
 * No API key, no faults, answers {@code {request_id, data}} like the API.
 */
final class AdminRoutes {
    private static final String P = "/__admin/nylas";

    private final NylasEmulator emulator;

    AdminRoutes(NylasEmulator emulator) {
        this.emulator = emulator;
    }

    void register(NylasRouter r) {
        r.admin("POST", P + "/grants", c -> {
            ObjectNode b = c.json();
            String id = emulator.createGrant(b.path("email").asText("user@example.com"), b.path("provider").asText("google"));
            return NylasJson.single(c.requestId(), emulator.grant(id));
        });
        r.admin("GET", P + "/grants", c -> list(c, emulator.grantStore().all()));
        r.admin("POST", P + "/grants/{grantId}/expire", c -> {
            emulator.expireGrant(grant(c));
            return NylasJson.single(c.requestId(), emulator.grant(grant(c)));
        });
        r.admin("POST", P + "/grants/{grantId}/restore", c -> {
            emulator.restoreGrant(grant(c));
            return NylasJson.single(c.requestId(), emulator.grant(grant(c)));
        });

        r.admin("GET", P + "/time-bounds", c -> timeBounds(c));
        r.admin("POST", P + "/time-bounds", c -> {
            emulator.timeBounds(TimeBounds.parse(c.json().path("bounds").asText("")));
            return timeBounds(c);
        });
        r.admin("POST", P + "/api-key", c -> {
            emulator.rotateApiKey(c.json().path("api_key").asText());
            return NylasJson.single(c.requestId(), NylasJson.object().put("rotated", true));
        });

        r.admin("GET", P + "/grants/{grantId}/sent", c -> list(c, emulator.sentMessages(grant(c))));
        objects(r, "messages", c -> emulator.messages(grant(c)),
                c -> emulator.addMessage(grant(c), c.json()),
                (c, id) -> emulator.updateMessage(grant(c), id, c.json()),
                (c, id) -> emulator.deleteMessage(grant(c), id));
        objects(r, "events", c -> emulator.events(grant(c)),
                c -> emulator.addEvent(grant(c), calendar(c), c.json()),
                (c, id) -> emulator.updateEvent(grant(c), calendar(c), id, c.json()),
                (c, id) -> emulator.deleteEvent(grant(c), calendar(c), id));
        objects(r, "contacts", c -> emulator.contacts(grant(c)),
                c -> emulator.addContact(grant(c), c.json()),
                (c, id) -> emulator.updateContact(grant(c), id, c.json()),
                (c, id) -> emulator.deleteContact(grant(c), id));

        r.admin("POST", P + "/webhooks/pause", c -> {
            emulator.pauseWebhooks();
            return NylasJson.single(c.requestId(), NylasJson.object().put("paused", true));
        });
        r.admin("POST", P + "/webhooks/resume", c -> {
            emulator.resumeWebhooks();
            return NylasJson.single(c.requestId(), NylasJson.object().put("paused", false));
        });
        r.admin("GET", P + "/webhooks/deliveries", c -> {
            ArrayNode data = NylasJson.array();
            for (WebhookDelivery d : emulator.webhookDeliveries()) {
                ObjectNode o = data.addObject();
                o.put("webhook_id", d.webhookId());
                o.put("url", d.url());
                o.put("notification_id", d.notificationId());
                o.put("type", d.type());
                o.put("attempt", d.attempt());
                o.put("status", d.status());
                o.put("error", d.error());
                o.put("at", d.at().toString());
            }
            return NylasJson.list(c.requestId(), data, null);
        });
        r.admin("POST", P + "/webhooks/redeliver/{id}", c -> {
            if (!emulator.redeliver(c.pathParam("id"))) {
                throw NylasErrors.notFound(c.requestId(), "Notification " + c.pathParam("id") + " not found.");
            }
            return NylasJson.deleted(c.requestId());
        });

        r.admin("GET", P + "/counts", c -> {
            ObjectNode data = NylasJson.object();
            data.put("total", emulator.requestCount());
            ObjectNode endpoints = data.putObject("endpoints");
            emulator.requestCounts().forEach(endpoints::put);
            ObjectNode sends = data.putObject("sends");
            emulator.grantStore().all().forEach(g -> sends.put(g.get("id").asText(),
                    emulator.sendCount(g.get("id").asText())));
            ObjectNode inFlight = data.putObject("in_flight_high_water");
            emulator.inFlightHighWaters().forEach(inFlight::put);
            return NylasJson.single(c.requestId(), data);
        });
        r.admin("POST", P + "/scheduled-sends/run",
                c -> NylasJson.single(c.requestId(), NylasJson.object().put("sent", emulator.runScheduledSends())));
        r.admin("POST", P + "/clock/advance", c -> {
            if (!(emulator.clock() instanceof MutableClock clock)) {
                throw NylasErrors.badRequest(c.requestId(), "The emulator was not built with a MutableClock.");
            }
            clock.advance(Duration.ofSeconds(c.json().path("seconds").asLong()));
            return NylasJson.single(c.requestId(), NylasJson.object().put("now", clock.millis() / 1000));
        });
    }

    /** A grant's object family over HTTP: list, add, update and delete by id, each mapped to the Java state API. */
    private static void objects(NylasRouter r, String family, Function<NylasCall, List<ObjectNode>> list,
            Function<NylasCall, ObjectNode> add, BiFunction<NylasCall, String, ObjectNode> update,
            BiPredicate<NylasCall, String> delete) {
        String path = P + "/grants/{grantId}/" + family;
        r.admin("GET", path, c -> list(c, list.apply(c)));
        r.admin("POST", path, c -> single(c, add.apply(c)));
        r.admin("PUT", path + "/{id}", c -> single(c, update.apply(c, c.pathParam("id"))));
        r.admin("DELETE", path + "/{id}", c -> deleted(c, delete.test(c, c.pathParam("id"))));
    }

    /** The grant in the path; 404 in Nylas' shape when unknown. */
    private String grant(NylasCall c) {
        String id = c.pathParam("grantId");
        if (emulator.grantStore().get(id) == null) {
            throw NylasErrors.notFound(c.requestId(), "Grant " + id + " not found.");
        }
        return id;
    }

    private String calendar(NylasCall c) {
        String cal = c.param("calendar_id") == null ? "primary" : c.param("calendar_id");
        try {
            return emulator.requireCalendar(grant(c), cal);
        } catch (IllegalArgumentException e) {
            throw NylasErrors.notFound(c.requestId(), e.getMessage());
        }
    }

    private static EmulatorResponse single(NylasCall c, ObjectNode node) {
        return NylasJson.single(c.requestId(), node);
    }

    private static EmulatorResponse list(NylasCall c, List<ObjectNode> nodes) {
        ArrayNode data = NylasJson.array();
        nodes.forEach(data::add);
        return NylasJson.list(c.requestId(), data, null);
    }

    private static EmulatorResponse deleted(NylasCall c, boolean found) {
        if (!found) {
            throw NylasErrors.notFound(c.requestId(), "Object " + c.pathParam("id") + " not found.");
        }
        return NylasJson.deleted(c.requestId());
    }


    private EmulatorResponse timeBounds(NylasCall c) {
        return NylasJson.single(c.requestId(), NylasJson.object().put("bounds",
                emulator.timeBounds().name().toLowerCase(java.util.Locale.ROOT)));
    }
}

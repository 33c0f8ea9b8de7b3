package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.testkit.http.EmulatorResponse;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code POST /messages/send} (JSON): validates as Nylas does, stores the sent message in SENT with its custom
 * headers, metadata and tracking options, or schedules it when {@code send_at} is at least a minute ahead.
 * Scheduled sends go out when {@link #runDue()} finds them due on the emulator clock and then fire
 * {@code message.send_success} (immediate sends do not, as documented).
 */
final class MessageSender {
    private record Scheduled(String scheduleId, ObjectNode grant, ObjectNode message, long sendAt) {
    }

    private final Clock clock;
    private final MessageStore messages;
    private final WebhookDispatcher hooks;
    private final Map<String, AtomicInteger> sendCounts = new ConcurrentHashMap<>();
    private final Map<String, Scheduled> scheduled = new ConcurrentHashMap<>();
    private volatile Duration sendLatency = Duration.ZERO;

    MessageSender(Clock clock, MessageStore messages, WebhookDispatcher hooks) {
        this.clock = clock;
        this.messages = messages;
        this.hooks = hooks;
    }

    void sendLatency(Duration d) {
        this.sendLatency = d;
    }

    int sendCount(String grantId) {
        AtomicInteger n = sendCounts.get(grantId);
        return n == null ? 0 : n.get();
    }

    EmulatorResponse send(NylasCall call, ObjectNode req) throws InterruptedException {
        String rid = call.requestId();
        validate(req, rid);
        if (!sendLatency.isZero()) {
            Thread.sleep(sendLatency.toMillis()); // lets tests hold a send "in flight"
        }
        long now = clock.millis() / 1000;
        ObjectNode grant = call.grant();
        ObjectNode message = draft(grant, req, now);
        ObjectNode out = NylasJson.object();
        out.put("request_id", rid);
        out.put("grant_id", call.grantId());
        if (req.hasNonNull("send_at") && req.get("send_at").asLong() >= now + 60) {
            long sendAt = req.get("send_at").asLong();
            String scheduleId = NylasJson.newId();
            message.put("schedule_id", scheduleId);
            message.put("send_at", sendAt);
            message.put("date", sendAt);
            scheduled.put(scheduleId, new Scheduled(scheduleId, grant, message, sendAt));
            ObjectNode data = MessageQuery.standard(message);
            out.set("data", data);
            return NylasJson.respond(202, rid, out);
        }
        ObjectNode stored = deliver(grant, message);
        out.set("data", MessageQuery.standard(stored));
        return NylasJson.respond(200, rid, out);
    }

    /** Sends every scheduled message now due; returns how many went out. */
    int runDue() {
        long now = clock.millis() / 1000;
        List<Scheduled> due = new ArrayList<>();
        scheduled.values().forEach(s -> {
            if (s.sendAt() <= now) {
                due.add(s);
            }
        });
        int n = 0;
        for (Scheduled s : due) {
            if (scheduled.remove(s.scheduleId()) != null) {
                ObjectNode stored = deliver(s.grant(), s.message());
                hooks.publish("message.send_success", s.grant().path("provider").asText(), stored);
                n++;
            }
        }
        return n;
    }

    private ObjectNode deliver(ObjectNode grant, ObjectNode message) {
        sendCounts.computeIfAbsent(grant.get("id").asText(), g -> new AtomicInteger()).incrementAndGet();
        return messages.addSent(grant, message);
    }

    private ObjectNode draft(ObjectNode grant, ObjectNode req, long now) {
        ObjectNode m = NylasJson.object();
        String id = NylasJson.newId();
        m.put("id", id);
        String thread = NylasJson.newId();
        String replyTo = req.path("reply_to_message_id").asText(null);
        if (replyTo != null) {
            ObjectNode original = messages.get(grant.get("id").asText(), replyTo);
            if (original != null) {
                thread = original.path("thread_id").asText(thread);
            }
            m.put("reply_to_message_id", replyTo);
        }
        m.put("thread_id", thread);
        m.put("subject", req.path("subject").asText(""));
        if (req.get("from") instanceof ArrayNode from && !from.isEmpty()) {
            m.set("from", from.deepCopy());
        } else {
            m.putArray("from").addObject().put("name", "").put("email", grant.path("email").asText());
        }
        for (String f : List.of("to", "cc", "bcc", "reply_to")) {
            if (req.has(f)) {
                m.set(f, req.get(f).deepCopy());
            }
        }
        m.put("date", now);
        m.put("body", req.path("body").asText(""));
        m.put("unread", false);
        m.put("starred", false);
        m.putArray("folders").add("SENT");
        if (req.get("metadata") instanceof ObjectNode md) {
            m.set("metadata", md.deepCopy());
        }
        if (req.get("tracking_options") instanceof ObjectNode t) {
            m.set("tracking_options", t.deepCopy());
        }
        ArrayNode headers = m.putArray("headers");
        headers.addObject().put("name", "Message-Id").put("value", "<" + id + "@nylas-emulator.local>");
        headers.addObject().put("name", "Subject").put("value", m.get("subject").asText());
        if (req.get("custom_headers") instanceof ArrayNode custom) {
            custom.forEach(h -> headers.add(h.deepCopy()));
        }
        return m;
    }

    private static void validate(ObjectNode req, String rid) {
        JsonNode to = req.get("to");
        if (to == null || !to.isArray() || to.isEmpty()) {
            throw NylasErrors.badRequest(rid, "to is required: an array of at least one {name, email}.");
        }
        for (String f : List.of("to", "cc", "bcc", "reply_to", "from")) {
            JsonNode list = req.get(f);
            if (list == null || list.isNull()) {
                continue;
            }
            if (!list.isArray()) {
                throw NylasErrors.badRequest(rid, f + " must be an array of {name, email}.");
            }
            for (JsonNode p : list) {
                if (!p.path("email").isTextual() || !p.get("email").asText().contains("@")) {
                    throw NylasErrors.badRequest(rid, f + " contains an entry without a valid email.");
                }
            }
        }
        if (req.has("from") && req.get("from").size() > 1) {
            throw NylasErrors.badRequest(rid, "from accepts a single participant.");
        }
        JsonNode md = req.get("metadata");
        if (md != null && !md.isNull()) {
            if (!md.isObject()) {
                throw NylasErrors.badRequest(rid, "metadata must be an object.");
            }
            if (md.size() > 50) {
                throw NylasErrors.badRequest(rid, "metadata accepts at most 50 keys.");
            }
            for (Map.Entry<String, JsonNode> e : md.properties()) {
                if (e.getValue().asText().length() > 500) {
                    throw NylasErrors.badRequest(rid, "metadata value for " + e.getKey() + " exceeds 500 characters.");
                }
            }
        }
        JsonNode custom = req.get("custom_headers");
        if (custom != null && !custom.isNull()) {
            if (!custom.isArray()) {
                throw NylasErrors.badRequest(rid, "custom_headers must be an array of {name, value}.");
            }
            for (JsonNode h : custom) {
                if (!h.path("name").isTextual() || !h.has("value")) {
                    throw NylasErrors.badRequest(rid, "custom_headers entries need a name and a value.");
                }
            }
        }
        JsonNode tracking = req.get("tracking_options");
        if (tracking != null && !tracking.isNull()) {
            if (!tracking.isObject()) {
                throw NylasErrors.badRequest(rid, "tracking_options must be an object.");
            }
            if (tracking.path("label").asText("").length() > 2048) {
                throw NylasErrors.badRequest(rid, "tracking_options.label exceeds 2048 characters.");
            }
        }
        JsonNode sendAt = req.get("send_at");
        if (sendAt != null && !sendAt.isNull() && !sendAt.canConvertToLong()) {
            throw NylasErrors.badRequest(rid, "send_at must be a Unix timestamp in seconds.");
        }
    }
}

package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Each grant's mailbox, newest first: the sort value is {@code -date}, ties broken by id ascending. Every
 * mutation replaces the stored node and fires the matching webhook. Nylas messages have no {@code updated_at}
 * field, so none is added.
 */
final class MessageStore extends GrantObjectStore {
    private final Map<String, List<String>> sentIds = new ConcurrentHashMap<>();
    /** Attachment contents by grant, message and attachment id: they are served, never listed on the message. */
    private final Map<String, byte[]> contents = new ConcurrentHashMap<>();

    MessageStore(Clock clock, WebhookDispatcher hooks) {
        super("message", clock, hooks);
    }

    /** Stores a message, filling every documented field the input leaves out, and fires message.created. */
    ObjectNode add(ObjectNode grant, ObjectNode input) {
        ObjectNode m = normalize(grant, input);
        store(m);
        hooks.publish("message.created", grant.path("provider").asText(), m);
        return m;
    }

    /** A sent message, stored in SENT and remembered for {@code sentMessages}. */
    ObjectNode addSent(ObjectNode grant, ObjectNode message) {
        ObjectNode m = add(grant, message);
        sentIds.computeIfAbsent(grant.get("id").asText(), g -> new CopyOnWriteArrayList<>()).add(m.get("id").asText());
        return m;
    }

    List<ObjectNode> sent(String grantId) {
        return sentIds.getOrDefault(grantId, List.of()).stream().map(id -> get(grantId, id))
                .filter(java.util.Objects::nonNull).toList();
    }

    /** Copies {@code changes} over the message (nested values replaced) and fires message.updated; null if absent. */
    ObjectNode update(ObjectNode grant, String id, ObjectNode changes) {
        return replace(grant, id, updated -> {
            for (Map.Entry<String, JsonNode> e : changes.properties()) {
                if (!e.getKey().equals("id") && !e.getKey().equals("grant_id") && !e.getKey().equals("object")) {
                    updated.set(e.getKey(), e.getValue().deepCopy());
                }
            }
        }, MessageStore::sortValue);
    }

    /** Newest first: the negated date. */
    private static long sortValue(ObjectNode m) {
        return -m.get("date").asLong();
    }

    private void store(ObjectNode m) {
        index(m.get("grant_id").asText()).put(m.get("id").asText(), sortValue(m), m);
    }

    private ObjectNode normalize(ObjectNode grant, ObjectNode input) {
        long now = clock.millis() / 1000;
        ObjectNode m = NylasJson.object();
        String id = text(input, "id", NylasJson.newId());
        m.put("id", id);
        m.put("grant_id", grant.get("id").asText());
        m.put("object", "message");
        m.put("thread_id", text(input, "thread_id", NylasJson.newId()));
        m.put("subject", text(input, "subject", ""));
        for (String f : List.of("from", "to", "cc", "bcc", "reply_to")) {
            m.set(f, participants(input.get(f), f));
        }
        m.put("date", input.hasNonNull("date") ? input.get("date").asLong() : now);
        m.put("created_at", now);
        String body = text(input, "body", "");
        m.put("body", body);
        m.put("snippet", input.hasNonNull("snippet") ? input.get("snippet").asText() : snippet(body));
        m.put("starred", input.path("starred").asBoolean(false));
        m.put("unread", input.path("unread").asBoolean(true));
        m.set("folders", input.has("folders") ? input.get("folders").deepCopy() : NylasJson.array().add("INBOX"));
        m.set("attachments", attachments(m, input.get("attachments")));
        m.set("metadata", input.get("metadata") instanceof ObjectNode md ? md.deepCopy() : NylasJson.object());
        ArrayNode headers = NylasJson.array();
        headers.addObject().put("name", "Message-Id").put("value", "<" + id + "@nylas-emulator.local>");
        if (input.get("headers") instanceof ArrayNode given) {
            headers = given.deepCopy();
        }
        m.set("headers", headers);
        for (Map.Entry<String, JsonNode> e : input.properties()) {
            if (!m.has(e.getKey())) {
                m.set(e.getKey(), e.getValue().deepCopy()); // e.g. tracking_options, schedule_id
            }
        }
        return m;
    }

    /**
     * The documented attachment fields ({@code id, grant_id, filename, content_type, size, is_inline}, and
     * {@code content_id} when given); a given {@code content} (base64, as send requests carry it) is kept aside
     * for the download endpoint, else {@code size} filler bytes are.
     */
    private ArrayNode attachments(ObjectNode m, JsonNode given) {
        ArrayNode out = NylasJson.array();
        if (given == null || !given.isArray()) {
            return out;
        }
        for (JsonNode a : given) {
            byte[] content = a.hasNonNull("content") ? java.util.Base64.getDecoder().decode(a.get("content").asText())
                    : new byte[(int) a.path("size").asLong(0)];
            if (!a.hasNonNull("content")) {
                java.util.Arrays.fill(content, (byte) 'x');
            }
            ObjectNode o = out.addObject();
            o.put("id", text((ObjectNode) a, "id", NylasJson.newId()));
            o.put("grant_id", m.get("grant_id").asText());
            o.put("filename", text((ObjectNode) a, "filename", ""));
            o.put("content_type", text((ObjectNode) a, "content_type", "application/octet-stream"));
            o.put("size", content.length);
            o.put("is_inline", a.path("is_inline").asBoolean(false));
            if (a.hasNonNull("content_id")) {
                o.put("content_id", a.get("content_id").asText());
            }
            contents.put(contentKey(m.get("grant_id").asText(), m.get("id").asText(), o.get("id").asText()), content);
        }
        return out;
    }

    /** An attachment's bytes, or null when the message or the attachment is unknown. */
    byte[] content(String grantId, String messageId, String attachmentId) {
        return get(grantId, messageId) == null ? null : contents.get(contentKey(grantId, messageId, attachmentId));
    }

    /** An attachment's metadata as the message lists it, or null. */
    ObjectNode attachment(String grantId, String messageId, String attachmentId) {
        ObjectNode m = get(grantId, messageId);
        if (m == null) {
            return null;
        }
        for (JsonNode a : m.path("attachments")) {
            if (attachmentId.equals(a.path("id").asText())) {
                return (ObjectNode) a;
            }
        }
        return null;
    }

    private static String contentKey(String grantId, String messageId, String attachmentId) {
        return grantId + "/" + messageId + "/" + attachmentId;
    }

    private static ArrayNode participants(JsonNode given, String field) {
        if (given == null || given.isNull()) {
            return NylasJson.array();
        }
        if (!given.isArray()) {
            throw new IllegalArgumentException(field + " must be an array of {name, email}.");
        }
        ArrayNode out = NylasJson.array();
        for (JsonNode p : given) {
            ObjectNode o = out.addObject();
            o.put("name", p.path("name").asText(""));
            o.put("email", p.path("email").asText(""));
        }
        return out;
    }

    private static String text(ObjectNode n, String field, String dflt) {
        return n.hasNonNull(field) ? n.get(field).asText() : dflt;
    }

    static String snippet(String html) {
        String text = html.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        return text.length() > 100 ? text.substring(0, 100) : text;
    }
}

package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * A fluent way to seed a message: {@code NylasMessage.create().subject("Hi").from("Ada", "ada@acme.test")
 * .to("Bob", "bob@acme.test").date(instant).metadata("key1", "sf:00T...")}. Anything not set gets the
 * emulator's defaults (INBOX, unread, now).
 */
public final class NylasMessage {
    private final ObjectNode json = NylasJson.object();

    private NylasMessage() {
    }

    public static NylasMessage create() {
        return new NylasMessage();
    }

    public NylasMessage id(String id) {
        json.put("id", id);
        return this;
    }

    public NylasMessage threadId(String threadId) {
        json.put("thread_id", threadId);
        return this;
    }

    public NylasMessage subject(String subject) {
        json.put("subject", subject);
        return this;
    }

    public NylasMessage body(String html) {
        json.put("body", html);
        return this;
    }

    public NylasMessage from(String name, String email) {
        return participant("from", name, email);
    }

    public NylasMessage to(String name, String email) {
        return participant("to", name, email);
    }

    public NylasMessage cc(String name, String email) {
        return participant("cc", name, email);
    }

    public NylasMessage bcc(String name, String email) {
        return participant("bcc", name, email);
    }

    public NylasMessage date(Instant date) {
        json.put("date", date.getEpochSecond());
        return this;
    }

    public NylasMessage date(long epochSeconds) {
        json.put("date", epochSeconds);
        return this;
    }

    public NylasMessage unread(boolean unread) {
        json.put("unread", unread);
        return this;
    }

    public NylasMessage starred(boolean starred) {
        json.put("starred", starred);
        return this;
    }

    /** Replaces the default INBOX. */
    public NylasMessage folders(String... folders) {
        ArrayNode a = json.putArray("folders");
        for (String f : folders) {
            a.add(f);
        }
        return this;
    }

    public NylasMessage metadata(String key, String value) {
        ObjectNode md = json.has("metadata") ? (ObjectNode) json.get("metadata") : json.putObject("metadata");
        md.put(key, value);
        return this;
    }

    /** Adds a header (shown with {@code fields=include_headers}); the first call replaces the default Message-Id. */
    public NylasMessage header(String name, String value) {
        ArrayNode h = json.has("headers") ? (ArrayNode) json.get("headers") : json.putArray("headers");
        h.addObject().put("name", name).put("value", value);
        return this;
    }

    /** An attachment with only its listed size: the emulator serves that many filler bytes as its content. */
    public NylasMessage attachment(String id, String filename, String contentType, long size) {
        attachmentNode(id, filename, contentType, false).put("size", size);
        return this;
    }

    /**
     * An attachment with its content (given as Nylas' send requests give it: {@code content} in base64); {@code
     * size} is the content's length, and {@code GET .../attachments/{id}/download?message_id=} serves the bytes.
     */
    public NylasMessage attachment(String id, String filename, String contentType, byte[] content) {
        attachmentNode(id, filename, contentType, false)
                .put("content", java.util.Base64.getEncoder().encodeToString(content));
        return this;
    }

    /** An inline attachment (an image the HTML body shows through {@code cid:<contentId>}). */
    public NylasMessage inlineAttachment(String id, String filename, String contentType, String contentId,
                                         byte[] content) {
        attachmentNode(id, filename, contentType, true).put("content_id", contentId)
                .put("content", java.util.Base64.getEncoder().encodeToString(content));
        return this;
    }

    private ObjectNode attachmentNode(String id, String filename, String contentType, boolean inline) {
        ArrayNode a = json.has("attachments") ? (ArrayNode) json.get("attachments") : json.putArray("attachments");
        return a.addObject().put("id", id).put("filename", filename).put("content_type", contentType)
                .put("is_inline", inline);
    }

    public ObjectNode toJson() {
        return json.deepCopy();
    }

    private NylasMessage participant(String field, String name, String email) {
        ArrayNode a = json.has(field) ? (ArrayNode) json.get(field) : json.putArray(field);
        a.addObject().put("name", name).put("email", email);
        return this;
    }
}

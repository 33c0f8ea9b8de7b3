package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Each grant's contacts in creation order. Creation and updates fire {@code contact.updated} (Nylas has no
 * {@code contact.created}); deletion fires {@code contact.deleted}. A contact carries only the fields Nylas
 * documents: no {@code created_at} or {@code updated_at} (one sent in is ignored), so a change can be told only by
 * its content or by the notification that announced it.
 */
final class ContactStore extends GrantObjectStore {
    private static final List<String> LISTS = List.of("emails", "phone_numbers", "physical_addresses", "groups",
            "web_pages", "im_addresses");
    private static final Set<String> READ_ONLY = Set.of("id", "grant_id", "object", "created_at", "updated_at");

    private final Map<String, Long> positions = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    ContactStore(Clock clock, WebhookDispatcher hooks) {
        super("contact", clock, hooks);
    }

    ObjectNode create(ObjectNode grant, ObjectNode input) {
        String grantId = grant.get("id").asText();
        ObjectNode c = NylasJson.object();
        String id = input.hasNonNull("id") ? input.get("id").asText() : NylasJson.newId();
        c.put("id", id);
        c.put("grant_id", grantId);
        c.put("object", "contact");
        for (String f : List.of("given_name", "middle_name", "surname", "nickname", "company_name", "job_title",
                "manager_name", "office_location", "notes", "birthday", "picture_url")) {
            if (input.hasNonNull(f)) {
                c.put(f, input.get(f).asText());
            }
        }
        for (String f : LISTS) {
            JsonNode v = input.get(f);
            if (v != null && !v.isNull() && !v.isArray()) {
                throw new IllegalArgumentException(f + " must be an array.");
            }
            c.set(f, v == null || v.isNull() ? NylasJson.array() : v.deepCopy());
        }
        c.put("source", input.path("source").asText("address_book"));
        for (Map.Entry<String, JsonNode> e : input.properties()) {
            if (!c.has(e.getKey()) && !READ_ONLY.contains(e.getKey())) {
                c.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        long position = sequence.incrementAndGet();
        positions.put(grantId + "/" + id, position);
        index(grantId).put(id, position, c);
        hooks.publish("contact.updated", grant.path("provider").asText(), c);
        return c;
    }

    /** Copies {@code changes} over the contact (lists must stay arrays) and fires contact.updated; null if absent. */
    ObjectNode update(ObjectNode grant, String id, ObjectNode changes) {
        String position = grant.get("id").asText() + "/" + id;
        return replace(grant, id, updated -> {
            for (Map.Entry<String, JsonNode> e : changes.properties()) {
                if (READ_ONLY.contains(e.getKey())) {
                    continue;
                }
                if (LISTS.contains(e.getKey()) && !e.getValue().isArray()) {
                    throw new IllegalArgumentException(e.getKey() + " must be an array.");
                }
                updated.set(e.getKey(), e.getValue().deepCopy());
            }
        }, updated -> positions.get(position));
    }

    @Override
    ObjectNode delete(ObjectNode grant, String id) {
        ObjectNode old = super.delete(grant, id);
        if (old != null) {
            positions.remove(grant.get("id").asText() + "/" + id);
        }
        return old;
    }
}

package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.testkit.http.EmulatorResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code /v3/grants/{grantId}/contacts}. {@code limit} defaults to 30 (the API reference; the SDK says 50).
 * Without {@code source} only {@code address_book} contacts are listed, the documented default.
 */
final class ContactRoutes implements ObjectCollectionRoutes {
    private static final Set<String> SOURCES = Set.of("address_book", "domain", "inbox");

    private final ContactStore store;

    ContactRoutes(ContactStore store) {
        this.store = store;
    }

    void register(NylasRouter router, RateLimiter limiter) {
        registerCollection(router, "/v3/grants/{grantId}/contacts", limiter, "contacts");
    }

    @Override
    public EmulatorResponse list(NylasCall call) {
        int limit = call.limit(30, 200);
        String source = call.param("source") == null ? "address_book" : call.param("source");
        if (!SOURCES.contains(source)) {
            throw NylasErrors.badRequest(call.requestId(), "source must be one of " + SOURCES + ".");
        }
        List<Predicate<ObjectNode>> ps = new ArrayList<>();
        ps.add(c -> source.equals(c.path("source").asText()));
        String email = call.param("email");
        if (email != null) {
            ps.add(c -> has(c.get("emails"), "email", email.toLowerCase(Locale.ROOT), true));
        }
        String phone = call.param("phone_number");
        if (phone != null) {
            ps.add(c -> has(c.get("phone_numbers"), "number", phone, false));
        }
        String group = call.param("group");
        if (group != null) {
            ps.add(c -> has(c.get("groups"), "id", group, false));
        }
        SortedIndex.Page page = store.index(call.grantId())
                .page(call.pageToken(), ps.stream().reduce(c -> true, Predicate::and), limit);
        ArrayNode data = NylasJson.array();
        page.items().forEach(data::add);
        return NylasJson.list(call.requestId(), data, page.next() == null ? null : Cursor.encode(page.next()));
    }

    @Override
    public EmulatorResponse create(NylasCall call) {
        return NylasJson.single(call.requestId(), store.create(call.grant(), call.json()));
    }

    @Override
    public EmulatorResponse get(NylasCall call) {
        ObjectNode c = store.get(call.grantId(), call.pathParam("id"));
        if (c == null) {
            throw notFound(call);
        }
        return NylasJson.single(call.requestId(), c);
    }

    @Override
    public EmulatorResponse update(NylasCall call) {
        ObjectNode c = store.update(call.grant(), call.pathParam("id"), call.json());
        if (c == null) {
            throw notFound(call);
        }
        return NylasJson.single(call.requestId(), c);
    }

    @Override
    public EmulatorResponse delete(NylasCall call) {
        if (store.delete(call.grant(), call.pathParam("id")) == null) {
            throw notFound(call);
        }
        return NylasJson.deleted(call.requestId());
    }

    private static boolean has(JsonNode list, String field, String value, boolean ignoreCase) {
        if (list == null) {
            return false;
        }
        for (JsonNode e : list) {
            String v = e.path(field).asText();
            if (ignoreCase ? v.equalsIgnoreCase(value) : v.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static RuntimeException notFound(NylasCall call) {
        return NylasErrors.notFound(call.requestId(), "Contact " + call.pathParam("id") + " not found.");
    }
}

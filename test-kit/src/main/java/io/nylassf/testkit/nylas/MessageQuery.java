package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The filters of {@code GET /messages}. Time window: whether {@code received_after} and {@code received_before}
 * include an object stamped exactly on them is undocumented, so it is the emulator's {@link TimeBounds} switch
 * (strict by default). {@code metadata_pair} is answered from Nylas' own index and cannot be combined with
 * the filters that go to the provider (400), as documented.
 */
final class MessageQuery {
    private static final List<String> PROVIDER_FILTERS =
            List.of("in", "from", "to", "cc", "bcc", "any_email", "thread_id", "unread", "starred", "subject",
                    "search_query_native");
    private static final Set<String> FIELDS = Set.of("standard", "include_headers", "include_tracking_options");

    final Long receivedAfter;
    final Long receivedBefore;
    final boolean includeHeaders;
    final boolean includeTracking;
    final List<String> select;
    final Predicate<ObjectNode> filter;
    private final TimeBounds bounds;

    MessageQuery(NylasCall call) {
        this(call, TimeBounds.STRICT);
    }

    MessageQuery(NylasCall call, TimeBounds bounds) {
        this.bounds = bounds;
        String rid = call.requestId();
        receivedAfter = call.longParam("received_after");
        receivedBefore = call.longParam("received_before");
        String fields = call.param("fields");
        if (fields != null && !FIELDS.contains(fields)) {
            throw NylasErrors.badRequest(rid, "fields must be one of " + FIELDS + ".");
        }
        includeHeaders = "include_headers".equals(fields);
        includeTracking = "include_tracking_options".equals(fields);
        String sel = call.param("select");
        select = sel == null ? null : Arrays.stream(sel.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();

        List<Predicate<ObjectNode>> ps = new ArrayList<>();
        MetadataPair pair = MetadataPair.parse(call.param("metadata_pair"), rid);
        if (pair != null) {
            for (String f : PROVIDER_FILTERS) {
                if (call.param(f) != null) {
                    throw NylasErrors.badRequest(rid, "metadata_pair cannot be combined with the " + f + " filter.");
                }
            }
            ps.add(pair);
        }
        String in = call.param("in");
        if (in != null) {
            ps.add(m -> contains(m.get("folders"), in));
        }
        for (String f : List.of("from", "to", "cc", "bcc")) {
            List<String> emails = emails(call.param(f));
            if (emails != null) {
                ps.add(m -> anyEmail(m, List.of(f), emails));
            }
        }
        List<String> any = emails(call.param("any_email"));
        if (any != null) {
            if (any.size() > 25) {
                throw NylasErrors.badRequest(rid, "any_email accepts at most 25 addresses.");
            }
            ps.add(m -> anyEmail(m, List.of("from", "to", "cc", "bcc"), any));
        }
        String thread = call.param("thread_id");
        if (thread != null) {
            ps.add(m -> thread.equals(m.path("thread_id").asText()));
        }
        Boolean unread = call.boolParam("unread");
        if (unread != null) {
            ps.add(m -> m.path("unread").asBoolean() == unread);
        }
        Boolean starred = call.boolParam("starred");
        if (starred != null) {
            ps.add(m -> m.path("starred").asBoolean() == starred);
        }
        String subject = call.param("subject");
        if (subject != null) {
            ps.add(m -> subject.equals(m.path("subject").asText()));
        }
        filter = ps.stream().reduce(m -> true, Predicate::and);
    }

    /** Sort values (negated dates) covering the time window, for {@link SortedIndex#page}. */
    long fromSort() {
        return receivedBefore == null ? Long.MIN_VALUE : -bounds.highest(receivedBefore);
    }

    long toSort() {
        return receivedAfter == null ? Long.MAX_VALUE : -bounds.lowest(receivedAfter) + 1;
    }

    /** The message as this query asks to see it: headers and tracking only on request, {@code select} applied. */
    ObjectNode render(ObjectNode stored) {
        ObjectNode out = NylasJson.object();
        if (select != null) {
            out.put("id", stored.get("id").asText());
            for (String f : select) {
                if (stored.has(f)) {
                    out.set(f, stored.get(f));
                }
            }
            return out;
        }
        out.setAll(stored);
        if (!includeHeaders) {
            out.remove("headers");
        }
        if (!includeTracking) {
            out.remove("tracking_options");
        }
        return out;
    }

    static ObjectNode standard(ObjectNode stored) {
        ObjectNode out = NylasJson.object();
        out.setAll(stored);
        out.remove("headers");
        out.remove("tracking_options");
        return out;
    }

    private static List<String> emails(String raw) {
        if (raw == null) {
            return null;
        }
        return Arrays.stream(raw.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .toList();
    }

    private static boolean anyEmail(ObjectNode m, List<String> fields, List<String> emails) {
        for (String f : fields) {
            for (JsonNode p : m.path(f)) {
                if (emails.contains(p.path("email").asText().toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean contains(JsonNode folders, String folder) {
        for (JsonNode f : folders) {
            if (f.asText().equalsIgnoreCase(folder)) {
                return true;
            }
        }
        return false;
    }
}

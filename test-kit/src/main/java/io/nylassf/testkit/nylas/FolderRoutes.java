package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.testkit.http.EmulatorResponse;

import java.util.List;

/**
 * {@code GET /v3/grants/{grantId}/folders} (limit default 50, {@code page_token}/{@code next_cursor}) and
 * {@code GET .../folders/{id}}, as the folders reference documents them; {@code total_count} and
 * {@code unread_count} count the grant's messages in the folder at the time of the call.
 */
final class FolderRoutes {
    private final FolderStore folders;
    private final MessageStore messages;

    FolderRoutes(FolderStore folders, MessageStore messages) {
        this.folders = folders;
        this.messages = messages;
    }

    void register(NylasRouter router, RateLimiter limiter) {
        router.grant("GET", "/v3/grants/{grantId}/folders", limiter, "folders", this::list);
        router.grant("GET", "/v3/grants/{grantId}/folders/{id}", limiter, "folders", this::get);
    }

    private EmulatorResponse list(NylasCall call) {
        int limit = call.limit(50, 200);
        List<ObjectNode> all = folders.all(call.grant());
        SortKey after = call.pageToken();
        int start = after == null ? 0 : (int) after.sort() + 1;
        ArrayNode data = NylasJson.array();
        for (int i = start; i < Math.min(all.size(), start + limit); i++) {
            data.add(counted(call.grantId(), all.get(i)));
        }
        int last = start + limit - 1;
        String next = last + 1 < all.size() ? Cursor.encode(new SortKey(last, all.get(last).get("id").asText()))
                : null;
        return NylasJson.list(call.requestId(), data, next);
    }

    private EmulatorResponse get(NylasCall call) {
        String id = call.pathParam("id");
        for (ObjectNode f : folders.all(call.grant())) {
            if (f.get("id").asText().equals(id)) {
                return NylasJson.single(call.requestId(), counted(call.grantId(), f));
            }
        }
        throw NylasErrors.notFound(call.requestId(), "Folder " + id + " not found.");
    }

    private ObjectNode counted(String grantId, ObjectNode folder) {
        String id = folder.get("id").asText();
        long total = 0;
        long unread = 0;
        for (ObjectNode m : messages.index(grantId).all()) {
            boolean in = false;
            for (var f : m.path("folders")) {
                in |= f.asText().equals(id);
            }
            if (in) {
                total++;
                unread += m.path("unread").asBoolean() ? 1 : 0;
            }
        }
        ObjectNode out = folder.deepCopy();
        out.put("total_count", total);
        out.put("unread_count", unread);
        return out;
    }
}

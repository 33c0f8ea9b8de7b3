package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Each grant's folders, as Nylas flattens them: Google grants have labels whose system ids are readable
 * ({@code INBOX}, {@code SENT}, {@code DRAFT}, {@code SPAM}, {@code TRASH}, with {@code system_folder}), every other
 * provider has opaque folder ids; system folders carry Nylas' common attributes ({@code \Inbox}, {@code \Sent},
 * {@code \Drafts}, {@code \Junk}, {@code \Trash}). A grant's system folders exist from its first use.
 */
final class FolderStore {
    private static final List<String[]> GOOGLE = List.of(new String[] {"INBOX", "INBOX", "\\Inbox"},
            new String[] {"SENT", "SENT", "\\Sent"}, new String[] {"DRAFT", "DRAFT", "\\Drafts"},
            new String[] {"SPAM", "SPAM", "\\Junk"}, new String[] {"TRASH", "TRASH", "\\Trash"});
    private static final List<String[]> OTHERS = List.of(new String[] {"Inbox", "\\Inbox"},
            new String[] {"Sent Items", "\\Sent"}, new String[] {"Drafts", "\\Drafts"},
            new String[] {"Junk Email", "\\Junk"}, new String[] {"Deleted Items", "\\Trash"},
            new String[] {"Archive", "\\Archive"});

    private final Map<String, List<ObjectNode>> byGrant = new ConcurrentHashMap<>();

    /** The grant's folders in creation order (system ones first). */
    List<ObjectNode> all(ObjectNode grant) {
        return byGrant.computeIfAbsent(grant.get("id").asText(), g -> seed(grant));
    }

    /** A user folder (Google: a user label); returns it. */
    ObjectNode add(ObjectNode grant, String name) {
        boolean google = google(grant);
        ObjectNode f = folder(grant, google ? "Label_" + NylasJson.newId() : NylasJson.newId(), name, null, google);
        all(grant).add(f);
        return f;
    }

    private static List<ObjectNode> seed(ObjectNode grant) {
        List<ObjectNode> out = new CopyOnWriteArrayList<>();
        if (google(grant)) {
            GOOGLE.forEach(s -> out.add(folder(grant, s[0], s[1], s[2], true)));
        } else {
            OTHERS.forEach(s -> out.add(folder(grant, NylasJson.newId(), s[0], s[1], false)));
        }
        return out;
    }

    private static boolean google(ObjectNode grant) {
        return "google".equals(grant.path("provider").asText());
    }

    private static ObjectNode folder(ObjectNode grant, String id, String name, String attribute, boolean google) {
        ObjectNode f = NylasJson.object();
        f.put("id", id);
        f.put("grant_id", grant.get("id").asText());
        f.put("object", "folder");
        f.put("name", name);
        ArrayNode attrs = f.putArray("attributes");
        if (attribute != null) {
            attrs.add(attribute);
        }
        if (google) {
            f.put("system_folder", attribute != null); // Google only
        } else {
            f.put("child_count", 0); // Microsoft only; flattened, so no parent_id at the top level
        }
        return f;
    }
}

package io.nylassf.connect.sink.salesforce.pipeline;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.nylassf.connect.sink.salesforce.pipeline.SfRecords.mostRecent;
import static io.nylassf.connect.sink.salesforce.pipeline.SfRecords.str;

/**
 * What EmailMessage mode reads besides the usual lookups (immutable): EmailMessages by their
 * {@code MessageIdentifier} (the same email read from another mailbox), the relations those and the batch's own
 * EmailMessages already have, and Users by email (reps are Users, not Contacts).
 */
final class EmailIndex {
    static final EmailIndex EMPTY = new EmailIndex(Map.of(), Map.of(), Map.of());

    private final Map<String, List<Map<String, Object>>> byIdentifier;
    private final Map<String, Set<String>> relations;
    private final Map<String, String> users;

    private EmailIndex(Map<String, List<Map<String, Object>>> byIdentifier, Map<String, Set<String>> relations,
                       Map<String, String> users) {
        this.byIdentifier = byIdentifier;
        this.relations = relations;
        this.users = users;
    }

    static EmailIndex of(List<Map<String, Object>> emailMessages, List<Map<String, Object>> relationRows,
                         List<Map<String, Object>> userRows) {
        Map<String, List<Map<String, Object>>> byId = new HashMap<>();
        for (Map<String, Object> em : emailMessages) {
            String mid = str(em.get("MessageIdentifier"));
            if (mid != null) {
                byId.computeIfAbsent(mid, k -> new java.util.ArrayList<>()).add(em);
            }
        }
        Map<String, Set<String>> rel = new HashMap<>();
        for (Map<String, Object> r : relationRows) {
            rel.computeIfAbsent(id15(str(r.get("EmailMessageId"))), k -> new HashSet<>())
                    .add(key(str(r.get("RelationType")), str(r.get("RelationId"))));
        }
        Map<String, String> u = new HashMap<>();
        for (Map<String, Object> r : userRows) {
            String email = str(r.get("Email"));
            if (email != null) {
                u.putIfAbsent(email.toLowerCase(Locale.ROOT), str(r.get("Id")));
            }
        }
        return new EmailIndex(Map.copyOf(byId), Map.copyOf(rel), Map.copyOf(u));
    }

    /** The EmailMessage already holding this Message-ID (the most recently modified), or null. */
    Map<String, Object> byIdentifier(String messageIdentifier) {
        return messageIdentifier == null ? null : mostRecent(byIdentifier.get(messageIdentifier));
    }

    /** Whether the EmailMessage already links this person in this role. */
    boolean related(String emailMessageId, String relationType, String relationId) {
        return relations.getOrDefault(id15(emailMessageId), Set.of()).contains(key(relationType, relationId));
    }

    /** The User with this email (lower case), or null. */
    String user(String email) {
        return users.get(email);
    }

    static String key(String relationType, String relationId) {
        return relationType + "|" + id15(relationId);
    }

    /** 15 characters: the same record whether a query (18) or a save result names it. */
    private static String id15(String id) {
        return id == null ? "" : id.length() > 15 ? id.substring(0, 15) : id;
    }
}

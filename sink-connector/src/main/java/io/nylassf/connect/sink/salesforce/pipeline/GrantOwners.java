package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.sink.salesforce.write.QueryBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.nylassf.connect.sink.salesforce.pipeline.SfRecords.str;

/**
 * Finds the Salesforce User who owns each grant of a batch: the User the owner map names for the grant id or its
 * email, else the active User whose Email is the grant's email. One statement for a whole batch
 * ({@code SELECT Id, Email, TimeZoneSidKey FROM User WHERE IsActive = true AND (Email IN (...) OR Id IN (...))}),
 * only for what the lookup cache does not know (misses are cached too). Several active Users with one email
 * are ambiguous: none of them is picked (the map settles it). Stateless between batches.
 */
final class GrantOwners {
    private static final Logger log = LoggerFactory.getLogger(GrantOwners.class);
    /** Where the owners' rows are filed in the flush's QueryBatch: apart from any other User lookup. */
    static final String KEY = "GrantOwner";
    private static final String ID = "id:";
    private static final String EMAIL = "email:";

    private final Map<String, String> map;

    /** @param map grant id or email (lower case) → User Id */
    GrantOwners(Map<String, String> map) {
        this.map = Map.copyOf(map);
    }

    /** The lookup key of an item's owner ({@code id:<User Id>} or {@code email:<email>}), or null. */
    String key(Item i) {
        String grant = i.obj().grantId();
        String mapped = grant == null ? null : map.get(grant.toLowerCase(Locale.ROOT));
        if (mapped == null && i.grantEmail() != null) {
            mapped = map.get(i.grantEmail());
        }
        if (mapped != null) {
            return ID + id15(mapped);
        }
        return i.grantEmail() == null ? null : EMAIL + i.grantEmail();
    }

    /** Adds the User statement(s) for these keys (nothing when empty); run it, then {@link #read}. */
    void query(QueryBatch q, Collection<String> keys) {
        Set<String> emails = new TreeSet<>();
        Set<String> ids = new TreeSet<>();
        for (String k : keys) {
            if (k.startsWith(ID)) {
                ids.add(k.substring(ID.length()));
            } else {
                emails.add(k.substring(EMAIL.length()));
            }
        }
        Map<String, Collection<String>> in = new LinkedHashMap<>();
        in.put("Email", emails);
        in.put("Id", ids);
        if (!emails.isEmpty() || !ids.isEmpty()) {
            Queries.anyOf(q, KEY, List.of("Id", "Email", "TimeZoneSidKey"), "User", in, List.of(),
                    "IsActive = true");
        }
    }

    /** The owner of each asked key from the Users found ({@link Owner#NONE} where none, or several, matched). */
    Map<String, Owner> read(Collection<String> asked, List<Map<String, Object>> users) {
        // by key, one row per User: a User read twice is still one owner, two Users with one email are ambiguous
        Map<String, Map<String, Map<String, Object>>> byKey = new HashMap<>();
        for (Map<String, Object> u : users) {
            String id = str(u.get("Id"));
            if (id == null) {
                continue;
            }
            String email = str(u.get("Email"));
            byKey.computeIfAbsent(ID + id15(id), k -> new LinkedHashMap<>()).putIfAbsent(id15(id), u);
            if (email != null) {
                byKey.computeIfAbsent(EMAIL + email.toLowerCase(Locale.ROOT), k -> new LinkedHashMap<>())
                        .putIfAbsent(id15(id), u);
            }
        }
        Map<String, Owner> out = new HashMap<>();
        for (String k : asked) {
            List<Map<String, Object>> found = List.copyOf(byKey.getOrDefault(k, Map.of()).values());
            if (found.size() == 1) {
                out.put(k, new Owner(str(found.get(0).get("Id")), zone(found.get(0).get("TimeZoneSidKey"))));
            } else {
                out.put(k, Owner.NONE);
                log.info("{} active Salesforce Users match {}: records of its grants stay with the integration "
                        + "user (set salesforce.owner.map to choose one)", found.size(), k);
            }
        }
        return out;
    }

    private static ZoneId zone(Object sidKey) {
        try {
            return sidKey == null ? null : ZoneId.of(sidKey.toString());
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Ids compare on their first 15 characters (the 18-character form only adds a case checksum). */
    private static String id15(String id) {
        return id.length() > 15 ? id.substring(0, 15) : id;
    }
}

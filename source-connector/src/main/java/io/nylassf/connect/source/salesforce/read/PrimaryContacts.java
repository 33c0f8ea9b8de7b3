package io.nylassf.connect.source.salesforce.read;

import io.nylassf.connect.common.salesforce.SalesforceClient;
import io.nylassf.connect.common.salesforce.Soql;
import io.nylassf.connect.common.schema.SalesforceSchemas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Adds each Opportunity's primary contact (the OpportunityContactRole with {@code IsPrimary = true}) to the rows of
 * an Opportunity window, as {@code PrimaryContact.Email} and {@code PrimaryContact.Name}: the Nylas sink invites it
 * to the kickoff and has no Salesforce client of its own. SOQL reaches the roles from an Opportunity only through a
 * subquery, so they are read with a second query, batched over the window's Opportunities ({@code IN} lists sized
 * for the URL), and only when the window returned live Opportunities: an idle poll still costs one call.
 */
public final class PrimaryContacts {
    static final String SOQL = "SELECT OpportunityId, Contact.Email, Contact.Name FROM OpportunityContactRole "
            + "WHERE IsPrimary = true AND ";
    /** Leaves room in the 16,000-byte URL for the rest of the statement and the path. */
    private static final int IN_BYTES = Soql.MAX_ENCODED_QUERY_BYTES - 2_000;

    private PrimaryContacts() {
    }

    /** Whether the rows of {@code sobject} get primary contacts. */
    public static boolean appliesTo(String sobject) {
        return "opportunity".equalsIgnoreCase(sobject);
    }

    /** {@link #enrich(Function, List)} with the client's {@code query}. */
    public static List<Map<String, Object>> enrich(SalesforceClient client, List<Map<String, Object>> rows) {
        return enrich(client::query, rows);
    }

    /**
     * The rows with a {@code PrimaryContact} object ({@code Email}, {@code Name}) on each Opportunity that has a
     * primary contact; deleted rows are not looked up. Throws what {@code query} throws (the window then fails
     * and is read again).
     */
    public static List<Map<String, Object>> enrich(Function<String, List<Map<String, Object>>> query,
                                                   List<Map<String, Object>> rows) {
        Set<String> ids = new LinkedHashSet<>();
        for (Map<String, Object> r : rows) {
            if (r.get("Id") instanceof String id && !Boolean.TRUE.equals(r.get("IsDeleted"))
                    && !"true".equals(String.valueOf(r.get("IsDeleted")))) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            return rows;
        }
        Map<String, Map<String, Object>> primary = new LinkedHashMap<>();
        for (String in : Soql.inClausesForUrl("OpportunityId", ids, IN_BYTES)) {
            for (Map<String, Object> role : query.apply(SOQL + in)) {
                if (role.get("OpportunityId") instanceof String opp && role.get("Contact") instanceof Map<?, ?> c) {
                    Map<String, Object> contact = new LinkedHashMap<>();
                    contact.put("Email", c.get("Email"));
                    contact.put("Name", c.get("Name"));
                    primary.putIfAbsent(opp, contact);
                }
            }
        }
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (Map<String, Object> r : rows) {
            Map<String, Object> contact = r.get("Id") instanceof String id ? primary.get(id) : null;
            if (contact == null) {
                out.add(r);
            } else {
                Map<String, Object> copy = new LinkedHashMap<>(r);
                copy.put(prefix(), contact);
                out.add(copy);
            }
        }
        return out;
    }

    /** {@code PrimaryContact}: flattened by {@code ChangeRow} to {@link SalesforceSchemas#PRIMARY_CONTACT_EMAIL}. */
    private static String prefix() {
        String key = SalesforceSchemas.PRIMARY_CONTACT_EMAIL;
        return key.substring(0, key.indexOf('.'));
    }
}

package io.nylassf.testkit.salesforce;

import io.nylassf.testkit.http.EmulatorResponse;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * {@code /query}, {@code /queryAll} and their {@code /query/{locator}} continuation pages, plus {@code /limits}.
 * A query's whole result is computed at once (a consistent snapshot) and served page by page.
 */
final class QueryEndpoint {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int MAX_CURSORS = 10_000;

    private record Cursor(List<Map<String, Object>> records, int totalSize) {}

    private final Org org;
    private final ApiLimits limits;
    private final int pageSize;
    private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Queue<String> served = new ConcurrentLinkedQueue<>();

    QueryEndpoint(Org org, ApiLimits limits, int pageSize) {
        this.org = org;
        this.limits = limits;
        this.pageSize = pageSize;
    }

    void register(SalesforceRouter r) {
        r.add("GET", "query", c -> query(c, false))
         .add("GET", "queryAll", c -> query(c, true))
         .add("GET", "query/{locator}", this::more)
         .add("GET", "queryAll/{locator}", this::more)
         .add("GET", "limits", c -> Json.ok(200, limits.describe()));
    }

    private EmulatorResponse query(ApiCall call, boolean all) {
        String q = call.query("q");
        if (q == null) {
            throw SalesforceException.of(400, "MALFORMED_QUERY", "A query string has to be specified");
        }
        served.add(q);
        Org.QueryResult result = org.query(q, all);
        return Json.ok(200, page(call, new Cursor(result.records(), result.totalSize()), 0, null));
    }

    /** The SOQL statements served so far (direct or in a Composite), oldest first. */
    List<String> served() {
        return List.copyOf(served);
    }

    void clearServed() {
        served.clear();
    }

    private EmulatorResponse more(ApiCall call) {
        String locator = call.param("locator");
        int dash = locator.lastIndexOf('-');
        Cursor c = dash < 0 ? null : cursors.get(locator.substring(0, dash));
        int offset;
        try {
            offset = dash < 0 ? -1 : Integer.parseInt(locator.substring(dash + 1));
        } catch (NumberFormatException e) {
            offset = -1;
        }
        if (c == null || offset < 0 || offset > c.records().size()) {
            throw SalesforceException.of(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        return Json.ok(200, page(call, c, offset, locator.substring(0, dash)));
    }

    private Map<String, Object> page(ApiCall call, Cursor c, int offset, String key) {
        int size = effectivePageSize(call);
        int end = Math.min(c.records().size(), offset + size);
        boolean done = end >= c.records().size();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("totalSize", c.totalSize());
        body.put("done", done);
        if (!done) {
            if (key == null) {
                key = newLocator();
                if (cursors.size() >= MAX_CURSORS) {
                    cursors.clear(); // stale cursors: real locators expire after 15 minutes of inactivity
                }
                cursors.put(key, c);
            }
            body.put("nextRecordsUrl", "/services/data/" + call.version() + "/query/" + key + "-" + end);
        } else if (key != null) {
            cursors.remove(key);
        }
        body.put("records", c.records().subList(offset, end));
        return body;
    }

    /** {@code Sforce-Query-Options: batchSize=n} (200..2000) can lower the page size, never raise it. */
    private int effectivePageSize(ApiCall call) {
        String h = call.request().header("Sforce-Query-Options");
        if (h != null) {
            for (String part : h.split("[,;]")) {
                String[] kv = part.trim().split("=", 2);
                if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("batchSize")) {
                    try {
                        int n = Integer.parseInt(kv[1].trim());
                        if (n >= 200 && n <= 2000) {
                            return Math.min(n, pageSize);
                        }
                    } catch (NumberFormatException ignored) {
                        // invalid option: default page size
                    }
                }
            }
        }
        return pageSize;
    }

    private String newLocator() {
        StringBuilder sb = new StringBuilder("01g");
        for (int i = 0; i < 15; i++) {
            sb.append(BASE62.charAt(random.nextInt(62)));
        }
        return sb.toString();
    }
}

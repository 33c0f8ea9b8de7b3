package io.nylassf.connect.sink.salesforce.write;

import io.nylassf.connect.common.salesforce.CompositeSubrequest;
import io.nylassf.connect.common.salesforce.CompositeSubresponse;
import io.nylassf.connect.common.salesforce.SalesforceClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the SOQL lookups a flush needs and runs them five to a Composite request (one API call each),
 * following {@code nextRecordsUrl} when a result spans pages. Whole-query failures throw.
 */
public final class QueryBatch {
    private final SalesforceClient client;
    private final List<String> keys = new ArrayList<>();
    private final List<String> queries = new ArrayList<>();

    public QueryBatch(SalesforceClient client) {
        this.client = client;
    }

    /** Adds a query whose records are filed under {@code key} (several queries may share one key). */
    public QueryBatch add(String key, String soql) {
        keys.add(key);
        queries.add(soql);
        return this;
    }

    /** The statements queued, in order (what {@link #run()} will send). */
    public List<String> statements() {
        return List.copyOf(queries);
    }

    public boolean isEmpty() {
        return queries.isEmpty();
    }

    public Map<String, List<Map<String, Object>>> run() {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        keys.forEach(k -> out.putIfAbsent(k, new ArrayList<>()));
        for (int i = 0; i < queries.size(); i += SalesforceClient.MAX_HEAVY_SUBREQUESTS) {
            int end = Math.min(queries.size(), i + SalesforceClient.MAX_HEAVY_SUBREQUESTS);
            List<CompositeSubrequest> subs = new ArrayList<>();
            for (int j = i; j < end; j++) {
                subs.add(client.queryRequest("q" + (j - i), queries.get(j)));
            }
            List<CompositeSubresponse> resp = client.composite(subs, false);
            for (int j = i; j < end; j++) {
                CompositeSubresponse r = resp.get(j - i);
                if (!r.ok()) {
                    throw r.error();
                }
                List<Map<String, Object>> records = out.get(keys.get(j));
                records.addAll(r.records());
                if (r.nextRecordsUrl() != null) {
                    records.addAll(client.queryMore(r.nextRecordsUrl()));
                }
            }
        }
        return out;
    }
}

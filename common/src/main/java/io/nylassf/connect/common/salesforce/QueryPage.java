package io.nylassf.connect.common.salesforce;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One page of a SOQL query result: its records and, unless it is the last, the next page's URL. */
record QueryPage(JsonNode body) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> records() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode r : body.path("records")) {
            out.add(SalesforceHttp.MAPPER.convertValue(r, Map.class));
        }
        return out;
    }

    /** Null when done. */
    String nextRecordsUrl() {
        JsonNode n = body.get("nextRecordsUrl");
        return body.path("done").asBoolean(true) || n == null || n.isNull() ? null : n.asText();
    }
}

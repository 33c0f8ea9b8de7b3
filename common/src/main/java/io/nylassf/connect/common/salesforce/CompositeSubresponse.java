package io.nylassf.connect.common.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nylassf.connect.common.http.ApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One subresponse of a Composite call: status and body, readable as collection results or a query page. */
public record CompositeSubresponse(String referenceId, int status, JsonNode body) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The failure of a whole subrequest, classified like any REST failure. */
    public ApiException error() {
        return SalesforceErrors.fromResponse(status, body, null, "composite subrequest " + referenceId);
    }

    /** Per-item results of a collections subrequest. */
    public List<SaveResult> saveResults() {
        return SalesforceClient.saveResults(body);
    }

    /** Records of a query subrequest's first page. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> records() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode r : body.path("records")) {
            out.add(MAPPER.convertValue(r, Map.class));
        }
        return out;
    }

    /** The next page's URL of a query subrequest, or null when done. */
    public String nextRecordsUrl() {
        JsonNode n = body.get("nextRecordsUrl");
        return body.path("done").asBoolean(true) || n == null || n.isNull() ? null : n.asText();
    }
}

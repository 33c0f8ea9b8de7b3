package io.nylassf.connect.common.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.connect.common.http.ApiException;

import java.util.List;
import java.util.Map;

/** One subresponse of a Composite call: status and body, readable as collection results or a query page. */
public record CompositeSubresponse(String referenceId, int status, JsonNode body) {
    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The failure of a whole subrequest, classified like any REST failure. */
    public ApiException error() {
        return SalesforceErrors.fromResponse(status, body, null, "composite subrequest " + referenceId);
    }

    /** Per-item results of a collections subrequest. */
    public List<SaveResult> saveResults() {
        return SaveResult.listFrom(body);
    }

    /** Records of a query subrequest's first page. */
    public List<Map<String, Object>> records() {
        return new QueryPage(body).records();
    }

    /** The next page's URL of a query subrequest, or null when done. */
    public String nextRecordsUrl() {
        return new QueryPage(body).nextRecordsUrl();
    }
}

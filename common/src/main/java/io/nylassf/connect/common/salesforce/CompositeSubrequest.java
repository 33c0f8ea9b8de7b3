package io.nylassf.connect.common.salesforce;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One subrequest of a Composite call. {@code heavy} marks sObject Collections and query subrequests, of which
 * Salesforce allows at most five per Composite call (and 25 subrequests in all). {@code httpHeaders} are the
 * subrequest's own request headers (e.g. {@code Sforce-Auto-Assign}), sent as the Composite API documents.
 */
public record CompositeSubrequest(String method, String url, String referenceId, Object body, boolean heavy,
                                  Map<String, String> httpHeaders) {
    public CompositeSubrequest {
        httpHeaders = httpHeaders == null ? Map.of() : Map.copyOf(httpHeaders);
    }

    public CompositeSubrequest(String method, String url, String referenceId, Object body, boolean heavy) {
        this(method, url, referenceId, body, heavy, Map.of());
    }

    /** This subrequest with one more request header. */
    public CompositeSubrequest withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(httpHeaders);
        h.put(name, value);
        return new CompositeSubrequest(method, url, referenceId, body, heavy, h);
    }
}

package io.nylassf.testkit.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.testkit.http.EmulatorRequest;

import java.util.Map;

/** One authenticated REST call as the endpoints see it: the request, its API version, path parameters and writer context. */
record ApiCall(EmulatorRequest request, String version, Map<String, String> params, WriteContext ctx) {

    String param(String name) {
        return params.get(name);
    }

    String query(String name) {
        return request.queryParam(name);
    }

    JsonNode json() {
        return Json.parse(request.body());
    }

    /** The numeric API version, e.g. 62.0 for "v62.0". */
    double versionNumber() {
        return Double.parseDouble(version.substring(1));
    }
}

package io.nylassf.testkit.salesforce;

import io.nylassf.testkit.http.EmulatorRequest;

import java.util.Locale;

/** Reads the Salesforce request headers that change how writes behave. */
final class CallHeaders {
    private CallHeaders() {}

    /** {@code Sforce-Call-Options: client=<id>[, defaultNamespace=...]} → the client id, or null. */
    static String client(EmulatorRequest request) {
        String h = request.header("Sforce-Call-Options");
        return h == null ? null : option(h, "client");
    }

    /** {@code Sforce-Duplicate-Rule-Header: allowSave=true; includeRecordDetails=true}. */
    static boolean allowSave(EmulatorRequest request) {
        String h = request.header("Sforce-Duplicate-Rule-Header");
        return h != null && "true".equalsIgnoreCase(option(h, "allowSave"));
    }

    static WriteContext writeContext(EmulatorRequest request, String userId, boolean enforceDuplicateRules) {
        return new WriteContext(userId, client(request), enforceDuplicateRules, allowSave(request),
                autoAssign(request));
    }

    /**
     * {@code Sforce-Auto-Assign}: TRUE (any case) runs the active assignment rules on created and updated Leads,
     * FALSE runs none, an AssignmentRule Id runs that rule on created Leads; absent, the REST API's default is TRUE.
     */
    static WriteContext.AutoAssign autoAssign(EmulatorRequest request) {
        String h = request.header("Sforce-Auto-Assign");
        if (h == null || h.trim().equalsIgnoreCase("TRUE")) {
            return WriteContext.AutoAssign.ACTIVE_RULE;
        }
        return h.trim().equalsIgnoreCase("FALSE") ? WriteContext.AutoAssign.NONE
                : WriteContext.AutoAssign.RULE_ON_CREATE;
    }

    private static String option(String header, String name) {
        for (String part : header.split("[,;]")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2 && kv[0].trim().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return kv[1].trim();
            }
        }
        return null;
    }
}

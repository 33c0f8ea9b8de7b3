package io.nylassf.connect.common.salesforce;

import okhttp3.Request;

/** The kinds of Salesforce call, by resource: what an operator needs to see where the daily allocation goes. */
public enum SalesforceCallKind {
    TOKEN, QUERY, COMPOSITE, COLLECTIONS, SOBJECT, BULK, LIMITS, OTHER;

    public static SalesforceCallKind of(Request request) {
        return of(request.url().encodedPath());
    }

    static SalesforceCallKind of(String path) {
        if (path.startsWith("/services/oauth2/")) {
            return TOKEN;
        }
        int data = path.indexOf("/services/data/v");
        if (data < 0) {
            return OTHER;
        }
        int slash = path.indexOf('/', data + "/services/data/v".length());
        String rest = slash < 0 ? "" : path.substring(slash);
        if (rest.startsWith("/query")) {
            return QUERY; // query, queryAll and their next pages
        }
        if (rest.startsWith("/composite/sobjects")) {
            return COLLECTIONS;
        }
        if (rest.startsWith("/composite")) {
            return COMPOSITE;
        }
        if (rest.startsWith("/jobs/ingest")) {
            return BULK;
        }
        if (rest.startsWith("/sobjects")) {
            return SOBJECT;
        }
        if (rest.startsWith("/limits")) {
            return LIMITS;
        }
        return OTHER;
    }
}

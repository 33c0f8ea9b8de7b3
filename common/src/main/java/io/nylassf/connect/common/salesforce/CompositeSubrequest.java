package io.nylassf.connect.common.salesforce;

/**
 * One subrequest of a Composite call. {@code heavy} marks sObject Collections and query subrequests, of which
 * Salesforce allows at most five per Composite call (and 25 subrequests in all).
 */
public record CompositeSubrequest(String method, String url, String referenceId, Object body, boolean heavy) {
}

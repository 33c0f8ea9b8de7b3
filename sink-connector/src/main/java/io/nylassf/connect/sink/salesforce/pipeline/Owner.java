package io.nylassf.connect.sink.salesforce.pipeline;

import java.time.ZoneId;

/**
 * The Salesforce User a grant's records belong to (the rep whose mailbox and calendar they came from) and the time
 * zone their dates are counted in ({@code User.TimeZoneSidKey}; null when the User has none the JVM knows).
 * {@link #NONE} (no active User) is what the lookup cache remembers for a miss, so a grant without a User is not
 * asked for at every flush.
 */
record Owner(String userId, ZoneId zone) {
    static final Owner NONE = new Owner(null, null);

    boolean found() {
        return userId != null;
    }
}

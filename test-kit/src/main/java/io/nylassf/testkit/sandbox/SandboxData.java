package io.nylassf.testkit.sandbox;

import java.util.List;
import java.util.Map;

/**
 * A generated sandbox, as plain JSON-shaped maps in the two APIs' own field names, ready to load into the
 * emulators (or to compare against what the connectors wrote).
 */
public record SandboxData(List<Rep> reps, List<Company> companies, Map<String, List<Map<String, Object>>> contactsByRep,
                          Map<String, List<Map<String, Object>>> messagesByRep,
                          Map<String, List<Map<String, Object>>> eventsByRep) {

    /** A sales rep: a Nylas grant's mailbox and the Salesforce User who owns its activities. */
    public record Rep(String email, String firstName, String lastName) {
    }

    /** A company; {@code account} says whether it already exists in Salesforce. */
    public record Company(String name, String domain, String industry, boolean account, boolean openOpportunity) {
    }

    public int contactCount() {
        return contactsByRep.values().stream().mapToInt(List::size).sum();
    }

    public int messageCount() {
        return messagesByRep.values().stream().mapToInt(List::size).sum();
    }

    public int eventCount() {
        return eventsByRep.values().stream().mapToInt(List::size).sum();
    }
}

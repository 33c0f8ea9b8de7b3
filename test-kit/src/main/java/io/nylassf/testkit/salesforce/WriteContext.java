package io.nylassf.testkit.salesforce;

/**
 * Who writes and how: the acting user, the {@code Sforce-Call-Options} client, whether duplicate rules run,
 * whether {@code allowSave=true} was sent, and which Lead assignment the write asks for ({@code Sforce-Auto-Assign}):
 * {@link AutoAssign#NONE} for writes that are not REST calls (the test API, Bulk jobs without a rule).
 */
record WriteContext(String userId, String client, boolean enforceDuplicateRules, boolean allowDuplicateSave,
                    AutoAssign autoAssign) {
    /** What {@code Sforce-Auto-Assign} asks for: nothing, the active rule on create and update, or a rule on create. */
    enum AutoAssign { NONE, ACTIVE_RULE, RULE_ON_CREATE }

    WriteContext(String userId, String client, boolean enforceDuplicateRules, boolean allowDuplicateSave) {
        this(userId, client, enforceDuplicateRules, allowDuplicateSave, AutoAssign.NONE);
    }
}

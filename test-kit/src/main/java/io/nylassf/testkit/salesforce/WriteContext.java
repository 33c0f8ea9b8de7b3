package io.nylassf.testkit.salesforce;

/**
 * Who writes and how: the acting user, the {@code Sforce-Call-Options} client, whether duplicate rules run
 * and whether {@code allowSave=true} was sent.
 */
record WriteContext(String userId, String client, boolean enforceDuplicateRules, boolean allowDuplicateSave) {
}

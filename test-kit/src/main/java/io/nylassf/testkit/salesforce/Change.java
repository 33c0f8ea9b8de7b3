package io.nylassf.testkit.salesforce;

import java.time.Instant;
import java.util.Set;

/**
 * One committed write, with the client id the writer sent in {@code Sforce-Call-Options} (null when absent):
 * what a CDC event's {@code changeOrigin} would carry, so tests can check loop-prevention tagging.
 */
public record Change(long sequence, String sobject, String id, String operation, String client, Instant timestamp,
                     Set<String> changedFields) {
}

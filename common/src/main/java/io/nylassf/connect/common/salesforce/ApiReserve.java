package io.nylassf.connect.common.salesforce;

import java.time.Duration;

/**
 * The share of the org's daily API allocation a connector leaves to others, and how often it looks for room
 * again once it has stopped at that line.
 */
public record ApiReserve(int percent, Duration checkInterval) {
}

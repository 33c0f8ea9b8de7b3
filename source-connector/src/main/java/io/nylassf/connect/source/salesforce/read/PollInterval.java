package io.nylassf.connect.source.salesforce.read;

/**
 * How long a task waits between polls: the short interval right after a poll found changes, doubling with each
 * poll that found none up to the longest, so an idle org costs few calls and a busy one is read promptly.
 */
public final class PollInterval {
    private final long shortestMs;
    private final long longestMs;
    private long currentMs;

    public PollInterval(long shortestMs, long longestMs) {
        this.shortestMs = shortestMs;
        this.longestMs = Math.max(shortestMs, longestMs);
        this.currentMs = shortestMs;
    }

    /** The interval after a poll that found changes ({@code changed}) or none. */
    public long after(boolean changed) {
        currentMs = changed ? shortestMs : Math.min(longestMs, currentMs * 2);
        return currentMs;
    }

    public long currentMs() {
        return currentMs;
    }
}

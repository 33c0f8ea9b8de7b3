package io.nylassf.connect.common.loop;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tags that stop a change from bouncing between the two systems.
 *
 * <ul>
 *   <li>Towards Nylas, every object the outbound direction writes carries {@code sf:<SalesforceId>}: in metadata
 *   {@link #METADATA_KEY} (indexed, so {@code metadata_pair=key1:sf:<Id>} finds it), and for sends also in the
 *   {@link #HEADER} custom header and the tracking label (for people reading the mail; never trusted on the way
 *   back). When such an object comes back through the Nylas source with the tag in its metadata, the Salesforce
 *   sink links it to that record instead of creating a new one.</li>
 *   <li>Towards Salesforce, every write carries {@code Sforce-Call-Options: client=<id>}, which shows in CDC's
 *   {@code changeOrigin}; the Salesforce source skips changes carrying it.</li>
 * </ul>
 */
public final class LoopGuard {
    public static final String PREFIX = "sf:";
    /** Nylas metadata key holding the tag; key1..key5 are the only filterable keys. */
    public static final String METADATA_KEY = "key1";
    /** Custom header carried by sent messages. */
    public static final String HEADER = "X-Nylas-Sf-Id";
    public static final String CALL_OPTIONS_HEADER = "Sforce-Call-Options";
    /** Nylas metadata key holding when (epoch seconds) the outbound direction last wrote the object. */
    public static final String SYNCED_AT_KEY = "sf_synced_at";
    /**
     * How long after the outbound direction's own write a change to the object still counts as that write (the
     * provider stamps {@code updated_at} in whole seconds, a little after the request started).
     */
    public static final long OWN_WRITE_SLACK_S = 5;

    private static final Pattern SALESFORCE_ID = Pattern.compile("[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?");
    private static final Pattern CLIENT_IN_ORIGIN = Pattern.compile("(?:^|[;\\s])client=([^;\\s]+)");

    private LoopGuard() {
    }

    /** {@code sf:<id>} for a Salesforce record ID. */
    public static String tag(String salesforceId) {
        if (salesforceId == null || !SALESFORCE_ID.matcher(salesforceId).matches()) {
            throw new IllegalArgumentException("not a Salesforce ID: " + salesforceId);
        }
        return PREFIX + salesforceId;
    }

    /** The Salesforce ID in a tag, if the value is one. */
    public static Optional<String> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        if (!v.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String id = v.substring(PREFIX.length());
        return SALESFORCE_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    /**
     * The Salesforce ID a Nylas object was tagged with, from its metadata only. Metadata is written through the
     * Nylas API with the application's key; a message header (such as {@link #HEADER}) is set by whoever sent the
     * mail, so an outside sender could name any record with it and must never be believed.
     */
    public static Optional<String> find(Map<String, String> metadata) {
        return metadata == null ? Optional.empty() : parse(metadata.get(METADATA_KEY));
    }

    /**
     * Whether a Nylas object the outbound direction wrote was changed in Nylas since that write: its
     * {@code updated_at} lies more than {@link #OWN_WRITE_SLACK_S} after the {@link #SYNCED_AT_KEY} stamp. An object
     * without the stamp (never written by us, or written before the stamp existed) counts as changed; one without
     * {@code updated_at} as unchanged. Otherwise the change read back is the echo of our own write, and writing
     * it back to Salesforce would overwrite whatever a rep changed there in the meantime.
     */
    public static boolean changedSinceOwnWrite(Map<String, String> metadata, Long updatedAtSec) {
        return changedSinceOwnWrite(metadata == null ? null : metadata.get(SYNCED_AT_KEY), updatedAtSec);
    }

    /** {@link #changedSinceOwnWrite(Map, Long)} with the {@link #SYNCED_AT_KEY} value itself (or null). */
    public static boolean changedSinceOwnWrite(String stamp, Long updatedAtSec) {
        if (updatedAtSec == null) {
            return false;
        }
        if (stamp == null) {
            return true;
        }
        try {
            return updatedAtSec > Long.parseLong(stamp.trim()) + OWN_WRITE_SLACK_S;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** The {@code Sforce-Call-Options} value that marks our writes. */
    public static String callOptions(String clientId) {
        return "client=" + clientId;
    }

    /** Whether a CDC {@code changeOrigin} (e.g. {@code com/salesforce/api/rest/62.0;client=abc}) is ours. */
    public static boolean isOwnChangeOrigin(String changeOrigin, String clientId) {
        if (changeOrigin == null || clientId == null) {
            return false;
        }
        var m = CLIENT_IN_ORIGIN.matcher(changeOrigin);
        while (m.find()) {
            if (m.group(1).equals(clientId)) {
                return true;
            }
        }
        return false;
    }
}

package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.nylas.Grant;
import io.nylassf.connect.common.nylas.NylasClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The email address of each grant, so records can say whose mailbox they came from ({@code grant_email}) and the
 * Salesforce sink can give activities to that rep without calling Nylas. One grant listing (paged, 200 grants a
 * call) at task start; a grant the listing did not know (created since) triggers another listing from the poll
 * thread, at most once per {@code minRelist}. Until then its records go without the field (the sink falls back to
 * the integration user). Thread-safe: the webhook threads only read.
 */
final class GrantEmails {
    private static final Logger log = LoggerFactory.getLogger(GrantEmails.class);

    private final NylasClient client;
    private final Clock clock;
    private final long minRelistMs;
    private final Map<String, String> emails = new ConcurrentHashMap<>();
    private volatile boolean missed;
    private volatile long listedAt = Long.MIN_VALUE / 2;

    GrantEmails(NylasClient client, Clock clock, Duration minRelist) {
        this.client = client;
        this.clock = clock;
        this.minRelistMs = minRelist.toMillis();
    }

    /** The grant's email (lower case), or null when not (yet) known. */
    String email(String grantId) {
        String e = emails.get(grantId);
        if (e == null) {
            missed = true;
        }
        return e;
    }

    /** Lists the grants when none was listed yet, or when a grant was asked for that the last listing lacked. */
    void refreshIfMissing() {
        long now = clock.millis();
        if ((missed || emails.isEmpty()) && now - listedAt >= minRelistMs) {
            refresh();
        }
    }

    void refresh() {
        listedAt = clock.millis();
        missed = false;
        try {
            for (Grant g : client.listGrants()) {
                if (g.id() != null && g.email() != null && !g.email().isBlank()) {
                    emails.put(g.id(), g.email().trim().toLowerCase(Locale.ROOT));
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not list the grants' email addresses ({}); records go without grant_email until the "
                    + "next listing", e.getMessage());
        }
    }
}

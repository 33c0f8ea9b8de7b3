package io.nylassf.connect.sink.nylas;

import io.nylassf.connect.common.http.ApiException.Kind;
import io.nylassf.connect.common.nylas.NylasApiException;
import io.nylassf.connect.common.nylas.NylasClient;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks Nylas whether a parked grant is valid again, so its waiting actions may run. */
final class GrantRecheck {
    private static final Logger log = LoggerFactory.getLogger(GrantRecheck.class);

    private final NylasClient client;

    GrantRecheck(NylasClient client) {
        this.client = client;
    }

    /** One {@code GET /v3/grants/{id}}: valid again? A refused API key fails the task; other errors wait. */
    boolean isValid(String grant) {
        try {
            boolean valid = client.getGrant(grant).valid();
            if (valid) {
                log.info("Grant {} is valid again: replaying its waiting actions", grant);
            }
            return valid;
        } catch (NylasApiException e) {
            if (e.kind() == Kind.AUTHENTICATION && !e.grantExpired()) {
                throw new ConnectException("Nylas refused the API key set in nylas.api.key (invalid, rotated or "
                        + "revoked): set a valid key and restart the task; " + e.getMessage(), e);
            }
            log.debug("Grant {} check failed: {}", grant, e.getMessage());
            return false;
        }
    }
}

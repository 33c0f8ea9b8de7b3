package io.nylassf.connect.sink.salesforce.files;

import io.nylassf.connect.common.http.ApiException;
import io.nylassf.connect.common.nylas.NylasApiException;
import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.sink.salesforce.record.NylasAttachment;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads an attachment from Nylas and sorts the outcome: the bytes; a file that can never be fetched or copied
 * (404, over the cap once downloaded, refused, the grant no longer valid) as a {@link AttachmentRules.Skip}; a
 * transient failure (429, 5xx, timeouts) is thrown, so the batch is written again after a backoff, and so is an
 * API key Nylas refuses (the task stops naming it rather than dropping every file).
 */
public final class AttachmentFetcher {
    private static final Logger log = LoggerFactory.getLogger(AttachmentFetcher.class);

    /** The file's bytes, or why it is not copied. */
    public record Fetched(byte[] content, AttachmentRules.Skip skip) {
    }

    private final NylasClient nylas;
    private final AttachmentRules rules;

    public AttachmentFetcher(NylasClient nylas, AttachmentRules rules) {
        this.nylas = nylas;
        this.rules = rules;
    }

    public Fetched fetch(String grantId, String messageId, NylasAttachment a) {
        try {
            byte[] content = nylas.downloadAttachment(grantId, a.id(), messageId, rules.maxBytes());
            if (!rules.fits(content.length)) {
                log.debug("Attachment {} of message {} is over {} bytes once downloaded", a.id(), messageId,
                        rules.maxBytes());
                return new Fetched(null, AttachmentRules.Skip.TOO_LARGE);
            }
            return new Fetched(content, null);
        } catch (NylasApiException e) {
            if (e.isRetriable()) {
                throw e; // the batch is written again after a backoff
            }
            if (e.kind() == ApiException.Kind.AUTHENTICATION && !e.grantExpired()) {
                throw new ConnectException("Nylas rejected nylas.api.key while downloading an attachment ("
                        + e.getMessage() + "); fix nylas.api.key or set salesforce.attachments.enabled=false", e);
            }
            AttachmentRules.Skip why = e.kind() == ApiException.Kind.NOT_FOUND ? AttachmentRules.Skip.NOT_FOUND
                    : AttachmentRules.Skip.REJECTED;
            log.warn("Attachment {} of message {} (grant {}) not copied: {}", a.id(), messageId, grantId,
                    e.getMessage());
            return new Fetched(null, why);
        }
    }
}

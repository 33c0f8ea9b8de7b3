package io.nylassf.connect.source.nylas.mail;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How the source reads mail: whether it asks Nylas for headers (the sinks need {@code Message-ID} and
 * {@code List-Unsubscribe}), and which messages it leaves out for their folder.
 */
public record MailPolicy(boolean includeHeaders, MessageFolders folders) {
    /** Headers not asked for, nothing skipped. */
    public static final MailPolicy NONE = new MailPolicy(false, null);

    public boolean skip(String grantId, JsonNode message) {
        return folders != null && grantId != null && folders.skip(grantId, message);
    }
}

package io.nylassf.connect.sink.salesforce.record;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Nylas message as the sink reads it; headers are keyed by name as sent; attachments as Nylas lists them. */
public record NylasMessage(String grantId, String id, boolean deleted, Instant modifiedAt, String threadId,
                           String subject, List<Participant> from, List<Participant> to, List<Participant> cc,
                           List<Participant> bcc, Instant date, String snippet, String body,
                           Map<String, String> metadata, Map<String, String> headers, List<String> folders,
                           List<NylasAttachment> attachments)
        implements NylasRecord {

    public NylasMessage {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    @Override
    public Map<String, String> attributes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("grant_id", grantId);
        m.put("thread_id", threadId);
        m.put("subject", subject);
        m.put("snippet", snippet);
        m.put("body", body);
        m.put("from_email", from.isEmpty() ? null : from.get(0).email());
        m.put("folders", folders.isEmpty() ? null : String.join(";", folders));
        return m;
    }
}

package io.nylassf.connect.source.nylas.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.connect.common.nylas.ListQuery;
import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.common.nylas.NylasObject;
import io.nylassf.connect.common.nylas.Page;
import io.nylassf.connect.common.schema.NylasSchemas;
import io.nylassf.connect.source.nylas.mail.MailPolicy;
import io.nylassf.connect.source.nylas.mapping.RecordMapper;


/** What a {@link WindowReader} reads: a time-filtered list call and the field its windows are built on. */
public interface WindowSource {
    /**
     * One page of the objects the API's {@code *_after=start} and {@code *_before=end} filters return (seconds);
     * whether either bound is inclusive is undocumented, so the caller asks wider and filters.
     */
    Page<? extends NylasObject> page(long start, long end, String pageToken, int limit);

    /** The object's window time in seconds, or null when it has none (such objects are skipped). */
    Long time(JsonNode object);

    String changeType(JsonNode object);

    /**
     * Whether to leave this object out (its place in the window is passed all the same); may call the API, so it is
     * asked before a finished window changes any state, and a failure is retried like a failed page.
     */
    default boolean skip(JsonNode object) {
        return false;
    }

    /** Messages: {@code received_after/received_before} on {@code date}. */
    static WindowSource messages(NylasClient client, String grantId) {
        return messages(client, grantId, MailPolicy.NONE);
    }

    /** Messages, with their headers and without those in skipped folders as {@code policy} says. */
    static WindowSource messages(NylasClient client, String grantId, MailPolicy policy) {
        return new WindowSource() {
            @Override
            public Page<? extends NylasObject> page(long start, long end, String token, int limit) {
                ListQuery q = ListQuery.limit(limit).receivedBetween(start, end).pageToken(token);
                return client.listMessages(grantId, policy.includeHeaders() ? q.includeHeaders() : q);
            }

            @Override
            public boolean skip(JsonNode m) {
                return policy.skip(grantId, m);
            }

            @Override
            public Long time(JsonNode m) {
                JsonNode d = m.get("date");
                return d != null && d.canConvertToLong() ? d.asLong() : null;
            }

            @Override
            public String changeType(JsonNode m) {
                return NylasSchemas.CREATED;
            }
        };
    }

    /** Events of one calendar: {@code updated_after/updated_before} on {@code updated_at}, cancelled ones included. */
    static WindowSource events(NylasClient client, String grantId, String calendarId) {
        return new WindowSource() {
            @Override
            public Page<? extends NylasObject> page(long start, long end, String token, int limit) {
                return client.listEvents(grantId, calendarId, ListQuery.limit(limit).updatedBetween(start, end)
                        .with("show_cancelled", true).pageToken(token));
            }

            @Override
            public Long time(JsonNode e) {
                JsonNode u = e.get("updated_at");
                return u != null && u.canConvertToLong() ? u.asLong() : null;
            }

            @Override
            public String changeType(JsonNode e) {
                return RecordMapper.eventChangeType(e);
            }
        };
    }
}

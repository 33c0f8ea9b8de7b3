package io.nylassf.connect.source.nylas.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.connect.common.nylas.Event;
import io.nylassf.connect.common.nylas.ListQuery;
import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.common.nylas.NylasObject;
import io.nylassf.connect.common.nylas.Page;
import io.nylassf.connect.common.schema.NylasSchemas;
import io.nylassf.connect.source.nylas.mail.MailPolicy;
import io.nylassf.connect.source.nylas.mapping.RecordMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


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

    /**
     * Events of one calendar: {@code updated_after/updated_before} on {@code updated_at}, cancelled ones included,
     * those whose time lies in the default {@link EventRange}.
     */
    static WindowSource events(NylasClient client, String grantId, String calendarId) {
        return events(client, grantId, calendarId, null, EventRange.defaults());
    }

    /** As {@link #events(NylasClient, String, String)}, over the event times {@code range} gives. */
    static WindowSource events(NylasClient client, String grantId, String calendarId, EventRange range) {
        return events(client, grantId, calendarId, null, range);
    }

    /** As {@link #events(NylasClient, String, String, SeriesOccurrences, EventRange)} in the default range. */
    static WindowSource events(NylasClient client, String grantId, String calendarId, SeriesOccurrences occurrences) {
        return events(client, grantId, calendarId, occurrences, EventRange.defaults());
    }

    /**
     * As {@link #events(NylasClient, String, String)}, unexpanded ({@code expand_recurring=false}: single events,
     * series masters and edited occurrences), and with each master found followed by its occurrences within the
     * horizon ({@code occurrences}; null or disabled: none). An occurrence read through its master takes the
     * master's window time, so it is handed out with the change of the series that brought it, whatever the
     * provider stamps on it. Every list passes {@code start}/{@code end} from {@code range}: Nylas otherwise lists
     * only events in [now, now + one month], whatever their {@code updated_at}.
     */
    static WindowSource events(NylasClient client, String grantId, String calendarId, SeriesOccurrences occurrences,
                               EventRange range) {
        Map<String, Long> viaMaster = new HashMap<>();
        return new WindowSource() {
            @Override
            public Page<? extends NylasObject> page(long start, long end, String token, int limit) {
                Page<Event> page = client.listEvents(grantId, calendarId, range.applyTo(ListQuery.limit(limit))
                        .updatedBetween(start, end).with("show_cancelled", true).with("expand_recurring", false)
                        .pageToken(token));
                if (token == null) {
                    viaMaster.clear();
                }
                if (occurrences == null || !occurrences.enabled()
                        || page.data().stream().noneMatch(e -> SeriesOccurrences.isMaster(e.json()))) {
                    return page;
                }
                List<Event> data = new ArrayList<>(page.data());
                for (Event e : page.data()) {
                    Long masterTime = ownTime(e.json());
                    if (SeriesOccurrences.isMaster(e.json()) && masterTime != null) {
                        for (Event o : occurrences.of(e.id())) {
                            viaMaster.put(o.id(), masterTime);
                            data.add(o);
                        }
                    }
                }
                return new Page<>(data, page.nextCursor(), page.requestId());
            }

            @Override
            public Long time(JsonNode e) {
                Long t = viaMaster.get(e.path("id").asText());
                return t != null ? t : ownTime(e);
            }

            @Override
            public String changeType(JsonNode e) {
                return RecordMapper.eventChangeType(e);
            }
        };
    }

    private static Long ownTime(JsonNode e) {
        JsonNode u = e.get("updated_at");
        return u != null && u.canConvertToLong() ? u.asLong() : null;
    }
}

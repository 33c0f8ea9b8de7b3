package io.nylassf.connect.source.nylas.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.connect.common.http.ApiException;
import io.nylassf.connect.common.nylas.Event;
import io.nylassf.connect.common.nylas.NylasApiException;
import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.common.schema.NylasSchemas;
import io.nylassf.connect.source.nylas.mail.MailPolicy;
import io.nylassf.connect.source.nylas.mapping.RecordFactory;
import io.nylassf.connect.source.nylas.mapping.RecordMapper;
import io.nylassf.connect.source.nylas.offset.ObjectStream;
import io.nylassf.connect.source.nylas.read.SeriesOccurrences;
import io.nylassf.connect.source.nylas.webhook.WebhookIntake.MalformedNotification;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Notification routing: which records a verified notification becomes, by its type. A truncated notification (or a
 * message without its body) is completed by fetching the object from Nylas; an object deleted since needs no record.
 * Types that carry nothing for the sinks (send confirmations, tracking, folders...) become no record.
 */
final class NotificationRouter {
    private static final Logger log = LoggerFactory.getLogger(NotificationRouter.class);

    private final RecordFactory records;
    private final NylasClient client;
    private final Consumer<String> grantValid;
    private final MailPolicy mail;

    /** Reads a series' occurrences (grant, calendar, master id); null: occurrences are left to the windows. */
    private volatile SeriesLookup series;

    /** @param grantValid told the grant id when a notification says a grant is valid again */
    NotificationRouter(RecordFactory records, NylasClient client, Consumer<String> grantValid) {
        this(records, client, grantValid, MailPolicy.NONE);
    }

    /**
     * @param mail whether messages need their headers (a notification carries none: a new message is read once
     *             more, with them) and which folders' mail to leave out (decided first, so it costs no read)
     */
    NotificationRouter(RecordFactory records, NylasClient client, Consumer<String> grantValid, MailPolicy mail) {
        this.records = records;
        this.client = client;
        this.grantValid = grantValid;
        this.mail = mail;
    }

    void series(SeriesLookup lookup) {
        this.series = lookup;
    }

    /** The records of notification {@code n} of type {@code fullType} about object {@code o}. */
    List<SourceRecord> route(String fullType, JsonNode n, JsonNode o) throws MalformedNotification {
        boolean truncated = fullType.endsWith(".truncated");
        String type = fullType.replaceFirst("\\.(truncated|transformed)$", "");
        String via = NylasSchemas.VIA_WEBHOOK;
        JsonNode t = n.get("time");
        Instant time = t != null && t.canConvertToLong() ? Instant.ofEpochSecond(t.asLong()) : records.now();
        String grantId = o.path("grant_id").asText(null);
        String objectId = o.path("id").asText(null);
        switch (type) {
            case "message.created", "message.updated" -> {
                require(grantId, objectId);
                JsonNode message = o;
                if (mail.skip(grantId, o)) {
                    return List.of(); // spam, trash, drafts or a configured folder: counted, never sent on
                }
                boolean created = type.endsWith("created");
                boolean whole = !truncated && o.has("body");
                if (mail.includeHeaders() && created && !o.has("headers")) {
                    JsonNode full = fetch(() -> client.getMessageWithHeaders(grantId, objectId).json());
                    // deleted since: the notification still tells what arrived, without headers
                    message = full != null ? full : whole ? o : null;
                } else if (!whole) {
                    message = fetch(() -> client.getMessage(grantId, objectId).json());
                }
                if (message == null) {
                    return List.of();
                }
                String change = created ? NylasSchemas.CREATED : NylasSchemas.UPDATED;
                return List.of(records.object(ObjectStream.MESSAGES, message, change, via, null, null));
            }
            case "message.deleted" -> {
                require(grantId, objectId);
                return List.of(records.deleted(ObjectStream.MESSAGES, grantId, null, objectId, time, via, null, null));
            }
            case "event.created", "event.updated" -> {
                require(grantId, objectId);
                JsonNode event = o;
                if (truncated) {
                    String calendar = o.path("calendar_id").asText("primary");
                    event = fetch(() -> client.getEvent(grantId, calendar, objectId).json());
                    if (event == null) {
                        return List.of();
                    }
                }
                String change = RecordMapper.eventChangeType(event,
                        type.endsWith("created") ? NylasSchemas.CREATED : NylasSchemas.UPDATED);
                SourceRecord record = records.object(ObjectStream.EVENTS, event, change, via, null, null);
                SeriesLookup lookup = series;
                if (lookup == null || !SeriesOccurrences.isMaster(event) || Event.isCancelled(
                        event.path("status").asText(null))) {
                    return List.of(record);
                }
                // Nylas notifies about a series' master only: its occurrences (the new title, a cancelled one...)
                // are read now, so every occurrence changes with it rather than at the next window read
                List<SourceRecord> out = new ArrayList<>();
                out.add(record);
                for (Event occurrence : lookup.occurrences(grantId, event.path("calendar_id").asText("primary"),
                        objectId)) {
                    out.add(records.object(ObjectStream.EVENTS, occurrence.json(),
                            RecordMapper.eventChangeType(occurrence.json(), NylasSchemas.UPDATED), via, null, null));
                }
                return out;
            }
            case "event.deleted" -> {
                require(grantId, objectId);
                return List.of(records.deleted(ObjectStream.EVENTS, grantId, o.path("calendar_id").asText(null),
                        objectId, time, via, null, null));
            }
            case "contact.updated" -> {
                require(grantId, objectId);
                JsonNode contact = o;
                if (truncated) {
                    contact = fetch(() -> client.getContact(grantId, objectId).json());
                    if (contact == null) {
                        return List.of();
                    }
                }
                // the notification's time is the only documented time of a contact's change
                return List.of(records.contact(contact, NylasSchemas.UPDATED, time, via, null, null));
            }
            case "contact.deleted" -> {
                require(grantId, objectId);
                return List.of(records.deleted(ObjectStream.CONTACTS, grantId, null, objectId, time, via, null, null));
            }
            case "grant.expired", "grant.deleted", "grant.updated", "grant.created" -> {
                String grant = grantId != null ? grantId : objectId;
                if (grant == null) {
                    throw new MalformedNotification(type + " without grant_id");
                }
                String status = switch (type) {
                    case "grant.expired" -> "expired";
                    case "grant.deleted" -> "deleted";
                    default -> "valid";
                };
                if ("valid".equals(status)) {
                    grantValid.accept(grant);
                }
                return List.of(records.grantStatus(grant, status, o.path("email").asText(null),
                        o.path("provider").asText(null), type, via));
            }
            default -> {
                log.debug("Ignoring notification type {}", fullType);
                return List.of();
            }
        }
    }

    private static void require(String grantId, String objectId) throws MalformedNotification {
        if (grantId == null || objectId == null) {
            throw new MalformedNotification("data.object needs grant_id and id");
        }
    }

    private interface Fetch {
        JsonNode get();
    }

    /** Fetches the full object; null when it no longer exists (deleted since), which needs no record. */
    private static JsonNode fetch(Fetch f) {
        try {
            return f.get();
        } catch (NylasApiException e) {
            if (e.kind() == ApiException.Kind.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }
}

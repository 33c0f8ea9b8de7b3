package io.nylassf.connect.sink.nylas.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.connect.common.http.ApiException.Kind;
import io.nylassf.connect.common.loop.LoopGuard;
import io.nylassf.connect.common.nylas.Event;
import io.nylassf.connect.common.nylas.ListQuery;
import io.nylassf.connect.common.nylas.Message;
import io.nylassf.connect.common.nylas.NylasApiException;
import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.sink.nylas.grant.GrantResolver;
import io.nylassf.connect.sink.nylas.plan.ActingUserPolicy;
import io.nylassf.connect.sink.nylas.plan.EventSpec;
import io.nylassf.connect.sink.nylas.plan.OutboundAction;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.DeleteEvent;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.Send;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.UpsertEvent;
import io.nylassf.connect.sink.nylas.record.SalesforceChange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Carries out one planned action against Nylas and classifies how it ended. Safe to replay: every write is
 * found by its {@code sf:<Id>} tag first, sends carry an {@code Idempotency-Key} derived from the Task and its
 * version, and events carry the Salesforce version they were written from ({@code sf_version}), so an older
 * change never overwrites a newer one.
 */
public final class NylasWriter {
    /** Metadata key holding the Salesforce version (SystemModstamp, epoch ms) an object was written from. */
    public static final String VERSION_KEY = "sf_version";

    private final NylasClient client;
    private final GrantResolver grants;
    private final GrantThrottle throttle;
    private final String calendarId;
    private final boolean resendOnEdit;
    private final boolean salesforceOwnsTimes;
    private final boolean notify;
    private final Clock clock;
    /** Tasks this task saw sent (id → version), bounded: replays skip the metadata lookup. */
    private final SentLedger sent = new SentLedger(SentLedger.DEFAULT_CAPACITY);
    /** Grants whose calls wait (parked after a grant expiry): no call is spent on them. */
    private volatile Predicate<String> parked = g -> false;

    public NylasWriter(NylasClient client, GrantResolver grants, GrantThrottle throttle, String calendarId,
                       boolean resendOnEdit, boolean salesforceOwnsTimes, boolean notify, Clock clock) {
        this.client = client;
        this.grants = grants;
        this.throttle = throttle;
        this.calendarId = calendarId;
        this.resendOnEdit = resendOnEdit;
        this.salesforceOwnsTimes = salesforceOwnsTimes;
        this.notify = notify;
        this.clock = clock;
    }

    /** Grants for which {@link #execute} answers {@code GRANT_EXPIRED} without calling Nylas. */
    public void skipGrantsWhere(Predicate<String> parked) {
        this.parked = parked;
    }

    /** How many sent Tasks this writer remembers (bounded by {@link SentLedger#DEFAULT_CAPACITY}). */
    public int rememberedSends() {
        return sent.size();
    }

    /** Where an action goes: its grant, or the outcome it ends with before any call to that grant. */
    public record Route(String grant, Outcome early) {
        static Route to(String grant) {
            return new Route(grant, null);
        }

        static Route ended(Outcome early) {
            return new Route(null, early);
        }
    }

    /** Finds the action's grant from its owner (no call to the grant itself; the grant list may be re-read). */
    public Route route(OutboundAction action) {
        try {
            OutboundAction.Owner owner = action instanceof Send s ? s.owner()
                    : action instanceof UpsertEvent u ? u.owner()
                    : action instanceof DeleteEvent d ? d.owner() : null;
            if (owner == null) {
                return Route.ended(Outcome.skipped("nothing to write"));
            }
            Optional<String> g = grants.resolve(owner);
            return g.map(Route::to).orElseGet(() -> Route.ended(Outcome.failed("no Nylas grant for owner "
                    + (owner.email() != null ? owner.email() : owner.userId())
                    + " (see grant.resolution and grant.map)", null)));
        } catch (NylasApiException e) {
            return Route.ended(classify(e, null));
        }
    }

    /** {@link #route}, then {@link #execute(OutboundAction, String)}: one action start to end on this thread. */
    public Outcome execute(OutboundAction action) {
        Route r = route(action);
        return r.early() != null ? r.early() : execute(action, r.grant());
    }

    /** Carries out {@code action} on {@code grant} (from {@link #route}). */
    public Outcome execute(OutboundAction action, String grant) {
        try {
            if (parked.test(grant)) {
                return grantExpired(grant, new NylasApiException(Kind.AUTHENTICATION, 401, "unauthorized",
                        "grant " + grant + " is parked until it is valid again", null, grant, true, null));
            }
            if (action instanceof Send s) {
                return send(grant, s);
            }
            if (action instanceof UpsertEvent u) {
                return upsert(grant, u);
            }
            return delete(grant, (DeleteEvent) action);
        } catch (NylasApiException e) {
            return classify(e, grant);
        }
    }

    // ------------------------------------------------------------------ sends

    private Outcome send(String grant, Send s) {
        SalesforceChange c = s.change();
        Long seen = sent.get(c.id());
        if (seen != null && (!resendOnEdit || seen >= c.version())) {
            return Outcome.skipped("sent already (this task saw it)");
        }
        String tag = LoopGuard.tag(c.id());
        List<Message> earlier = throttle.call(grant, () -> client.listMessages(grant,
                ListQuery.limit(50).with("metadata_pair", LoopGuard.METADATA_KEY + ":" + tag))).data();
        for (Message m : earlier) {
            long v = m.json().path("metadata").path(VERSION_KEY).asLong(0);
            if (!resendOnEdit || v >= c.version()) {
                sent.record(c.id(), Math.max(v, c.version()));
                return Outcome.sent("sent already as message " + m.id(), false, m.id(), sentAt(m));
            }
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        var to = body.putArray("to");
        s.to().forEach(addr -> to.addObject().put("email", addr));
        body.put("subject", s.subject() == null ? "" : s.subject());
        body.put("body", s.body() == null ? "" : s.body());
        body.putObject("metadata").put(LoopGuard.METADATA_KEY, tag).put(VERSION_KEY, Long.toString(c.version()));
        body.putArray("custom_headers").addObject().put("name", LoopGuard.HEADER).put("value", tag);
        body.putObject("tracking_options").put("label", tag);
        // without resend a Task is sent once whatever its version: the key names the Task alone, so a new
        // version replayed after a restart (metadata search lagging) is refused by Nylas, never sent again
        String key = resendOnEdit ? idempotencyKey(c.id(), c.version()) : idempotencyKey(c.id());
        try {
            Message m = throttle.call(grant, () -> client.sendMessage(grant, body, key));
            sent.record(c.id(), c.version());
            return Outcome.sent("sent message " + m.id(), true, m.id(), sentAt(m));
        } catch (NylasApiException e) {
            if ("invalid_idempotent_request".equals(e.type())) {
                // same key, other payload: this Task version was sent before (with other settings); never resend
                sent.record(c.id(), c.version());
                return Outcome.skipped("sent already under idempotency key " + key);
            }
            throw e;
        }
    }

    /** The message's {@code date} (when the provider sent it), or now when Nylas gave none. */
    private Instant sentAt(Message m) {
        Long date = m.date();
        return date == null || date <= 0 ? clock.instant() : Instant.ofEpochSecond(date);
    }

    /** {@code sf-<TaskId>-<first 24 hex of SHA-256(TaskId:version)>}: stable per Task version, ≤ 256 chars. */
    public static String idempotencyKey(String taskId, long version) {
        return key(taskId, taskId + ":" + version);
    }

    /** {@code sf-<TaskId>-<first 24 hex of SHA-256(TaskId)>}: one key per Task, whatever its version. */
    public static String idempotencyKey(String taskId) {
        return key(taskId, taskId);
    }

    private static String key(String taskId, String hashed) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(hashed.getBytes(StandardCharsets.UTF_8));
            return "sf-" + taskId + "-" + HexFormat.of().formatHex(h).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ events

    private Event find(String grant, String sfId, String knownEventId) {
        if (knownEventId != null) {
            try {
                return throttle.call(grant, () -> client.getEvent(grant, calendarId, knownEventId));
            } catch (NylasApiException e) {
                if (e.kind() != Kind.NOT_FOUND) {
                    throw e;
                }
            }
        }
        String tag = LoopGuard.tag(sfId);
        List<Event> found = throttle.call(grant, () -> client.listEvents(grant, calendarId,
                ListQuery.limit(5).with("metadata_pair", LoopGuard.METADATA_KEY + ":" + tag))).data();
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Null when {@code e} may be written for Salesforce record {@code sfId} on {@code grant}; otherwise why not. An
     * event named by {@code Nylas_Event_Id__c} (a value people can type) is acted on only when it is on the
     * resolved grant's calendar and carries no other record's {@code sf:<Id>} tag; untagged events are the ones
     * the inbound direction linked.
     */
    static String notOurs(Event e, String grant, String sfId) {
        String owner = e.json().path("grant_id").asText("");
        if (!owner.isEmpty() && !owner.equals(grant)) {
            return ActingUserPolicy.NOT_AUTHORIZED + "event " + e.id() + " is not on the owner's grant";
        }
        String tag = e.json().path("metadata").path(LoopGuard.METADATA_KEY).asText("");
        if (!tag.isEmpty() && !tag.equals(LoopGuard.tag(sfId))) {
            return ActingUserPolicy.NOT_AUTHORIZED + "event " + e.id() + " belongs to another Salesforce record ("
                    + tag + "), not " + LoopGuard.tag(sfId);
        }
        return null;
    }

    /**
     * Event creation has no Idempotency-Key in Nylas: before creating, the events at the planned time are read
     * (a provider read, not the metadata index, which may lag) and one carrying this record's tag is the event.
     * So a replay after a restart never creates a second event even when the metadata search lags.
     */
    private Event findAround(String grant, String sfId, EventSpec spec) {
        long start;
        long end;
        if (spec.allDay()) {
            start = spec.startDate().atStartOfDay(ZoneOffset.UTC).toEpochSecond() - 14 * 3600;
            LocalDate last = spec.endDate() == null ? spec.startDate() : spec.endDate();
            end = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() + 14 * 3600;
        } else {
            start = spec.startSec();
            end = Math.max(spec.endSec() == null ? start + 1 : spec.endSec(), start + 1);
        }
        String tag = LoopGuard.tag(sfId);
        List<Event> around = throttle.call(grant, () -> client.listEvents(grant, calendarId, ListQuery.limit(200)
                .with("start", Long.toString(start)).with("end", Long.toString(end)))).data();
        return around.stream().filter(e -> tag.equals(e.json().path("metadata").path(LoopGuard.METADATA_KEY)
                .asText(null))).findFirst().orElse(null);
    }

    private Outcome upsert(String grant, UpsertEvent u) {
        SalesforceChange c = u.change();
        Event found = find(grant, c.id(), u.knownEventId());
        String refusal = found == null ? null : notOurs(found, grant, c.id());
        if (refusal != null) {
            return Outcome.notAuthorized(refusal);
        }
        long now = clock.instant().getEpochSecond();
        if (found == null) {
            if (u.spec().startSec() == null && !u.spec().allDay()) {
                return Outcome.skipped("partial change of an event not on the calendar");
            }
            found = findAround(grant, c.id(), u.spec());
        }
        final Event existing = found;
        if (existing == null) {
            ObjectNode body = u.spec().details();
            body.set("when", u.spec().when());
            body.putObject("metadata").put(LoopGuard.METADATA_KEY, LoopGuard.tag(c.id()))
                    .put(VERSION_KEY, Long.toString(c.version())).put(LoopGuard.SYNCED_AT_KEY, Long.toString(now));
            Event e = throttle.call(grant, () -> client.createEvent(grant, calendarId, body, notify));
            return Outcome.done("created event " + e.id());
        }
        if (u.createOnly()) {
            return Outcome.skipped("event " + existing.id() + " exists already");
        }
        JsonNode meta = existing.json().path("metadata");
        long stored = meta.path(VERSION_KEY).asLong(0);
        if (stored >= c.version()) {
            return Outcome.skipped("calendar has version " + stored + " already (this is " + c.version() + ")");
        }
        Long updatedAt = existing.updatedAt();
        boolean calendarEdited = LoopGuard.changedSinceOwnWrite(meta.path(LoopGuard.SYNCED_AT_KEY).textValue(),
                updatedAt);
        if (calendarEdited && updatedAt * 1000 > c.version()) {
            return Outcome.skipped("calendar changed at " + updatedAt + ", after this Salesforce change "
                    + "(last write wins)");
        }
        ObjectNode body = u.spec().details();
        if (salesforceOwnsTimes && (u.spec().startSec() != null || u.spec().allDay())) {
            body.set("when", u.spec().when());
        }
        ObjectNode metadata = meta.isObject() ? ((ObjectNode) meta).deepCopy() : JsonNodeFactory.instance.objectNode();
        metadata.put(LoopGuard.METADATA_KEY, LoopGuard.tag(c.id())).put(VERSION_KEY, Long.toString(c.version()))
                .put(LoopGuard.SYNCED_AT_KEY, Long.toString(now));
        body.set("metadata", metadata);
        Event e = throttle.call(grant, () -> client.updateEvent(grant, calendarId, existing.id(), body, notify));
        return Outcome.done("updated event " + e.id());
    }

    private Outcome delete(String grant, DeleteEvent d) {
        Event existing = find(grant, d.change().id(), d.knownEventId());
        if (existing == null) {
            return Outcome.skipped("no calendar event to delete");
        }
        String refusal = notOurs(existing, grant, d.change().id());
        if (refusal != null) {
            return Outcome.notAuthorized(refusal);
        }
        boolean deleted = throttle.call(grant, () -> client.deleteEvent(grant, calendarId, existing.id(), notify));
        return deleted ? Outcome.done("deleted event " + existing.id()) : Outcome.skipped("deleted already");
    }

    // ------------------------------------------------------------------ failures

    private static Outcome grantExpired(String grant, NylasApiException e) {
        return new Outcome(Outcome.Status.GRANT_EXPIRED, "grant " + grant + " is expired or revoked: "
                + e.getMessage(), e, null);
    }

    private static Outcome classify(NylasApiException e, String grant) {
        return switch (e.kind()) {
            case TRANSIENT, RATE_LIMITED, LIMIT_EXCEEDED -> Outcome.retry(e.getMessage(), e,
                    e.retryAfter().orElse(null));
            case CONFLICT -> "concurrent_idempotent_request".equals(e.type())
                    ? Outcome.retry("the same send is still in flight", e, null)
                    : Outcome.failed(e.getMessage(), e);
            // only the documented grant failure (401 with provider_error) is the grant's; any other 401 is the key's
            case AUTHENTICATION -> e.grantExpired() ? grantExpired(grant, e)
                    : new Outcome(Outcome.Status.FATAL, "Nylas refused the API key set in nylas.api.key (invalid, "
                    + "rotated or revoked): set a valid key and restart the task; " + e.getMessage(), e, null);
            default -> Outcome.failed(e.getMessage(), e);
        };
    }
}

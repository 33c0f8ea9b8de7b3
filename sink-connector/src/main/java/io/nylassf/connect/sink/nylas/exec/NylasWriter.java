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
import io.nylassf.connect.sink.nylas.plan.OutboundAction;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.DeleteEvent;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.Send;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.UpsertEvent;
import io.nylassf.connect.sink.nylas.record.SalesforceChange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Carries out one planned action against Nylas and classifies how it ended. Safe to replay: every write is
 * found by its {@code sf:<Id>} tag first, sends carry an {@code Idempotency-Key} derived from the Task and its
 * version, and events carry the Salesforce version they were written from ({@code sf_version}), so an older
 * change never overwrites a newer one.
 */
public final class NylasWriter {
    /** Metadata key holding the Salesforce version (SystemModstamp, epoch ms) an object was written from. */
    public static final String VERSION_KEY = "sf_version";
    /** Metadata key holding when (epoch s) this sink last wrote the event: later calendar edits are people's. */
    public static final String SYNCED_AT_KEY = "sf_synced_at";
    private static final long CALENDAR_EDIT_SLACK_S = 5;

    private final NylasClient client;
    private final GrantResolver grants;
    private final GrantThrottle throttle;
    private final String calendarId;
    private final boolean resendOnEdit;
    private final boolean salesforceOwnsTimes;
    private final boolean notify;
    private final Clock clock;
    /** Tasks this task saw sent (id → version): replays skip the metadata lookup. */
    private final Map<String, Long> sent = new ConcurrentHashMap<>();

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

    public Outcome execute(OutboundAction action) {
        String grant = null;
        try {
            OutboundAction.Owner owner = action instanceof Send s ? s.owner()
                    : action instanceof UpsertEvent u ? u.owner()
                    : action instanceof DeleteEvent d ? d.owner() : null;
            if (owner == null) {
                return Outcome.skipped("nothing to write");
            }
            Optional<String> g = grants.resolve(owner);
            if (g.isEmpty()) {
                return Outcome.failed("no Nylas grant for owner " + (owner.email() != null ? owner.email()
                        : owner.userId()) + " (see grant.resolution and grant.map)", null);
            }
            grant = g.get();
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
                sent.merge(c.id(), Math.max(v, c.version()), Math::max);
                return Outcome.skipped("sent already as message " + m.id());
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
        String key = idempotencyKey(c.id(), c.version());
        try {
            Message m = throttle.call(grant, () -> client.sendMessage(grant, body, key));
            sent.merge(c.id(), c.version(), Math::max);
            return Outcome.done("sent message " + m.id());
        } catch (NylasApiException e) {
            if ("invalid_idempotent_request".equals(e.type())) {
                // same key, other payload: this Task version was sent before (with other settings); never resend
                sent.merge(c.id(), c.version(), Math::max);
                return Outcome.skipped("sent already under idempotency key " + key);
            }
            throw e;
        }
    }

    /** {@code sf-<TaskId>-<first 24 hex of SHA-256(TaskId:version)>}: stable per Task version, ≤ 256 chars. */
    public static String idempotencyKey(String taskId, long version) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((taskId + ":" + version).getBytes(StandardCharsets.UTF_8));
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

    private Outcome upsert(String grant, UpsertEvent u) {
        SalesforceChange c = u.change();
        Event existing = find(grant, c.id(), u.knownEventId());
        String refusal = existing == null ? null : notOurs(existing, grant, c.id());
        if (refusal != null) {
            return Outcome.notAuthorized(refusal);
        }
        long now = clock.instant().getEpochSecond();
        if (existing == null) {
            if (u.spec().startSec() == null && !u.spec().allDay()) {
                return Outcome.skipped("partial change of an event not on the calendar");
            }
            ObjectNode body = u.spec().details();
            body.set("when", u.spec().when());
            body.putObject("metadata").put(LoopGuard.METADATA_KEY, LoopGuard.tag(c.id()))
                    .put(VERSION_KEY, Long.toString(c.version())).put(SYNCED_AT_KEY, Long.toString(now));
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
        long syncedAt = meta.path(SYNCED_AT_KEY).asLong(0);
        boolean calendarEdited = updatedAt != null && updatedAt > syncedAt + CALENDAR_EDIT_SLACK_S;
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
                .put(SYNCED_AT_KEY, Long.toString(now));
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

    private static Outcome classify(NylasApiException e, String grant) {
        return switch (e.kind()) {
            case TRANSIENT, RATE_LIMITED, LIMIT_EXCEEDED -> Outcome.retry(e.getMessage(), e,
                    e.retryAfter().orElse(null));
            case CONFLICT -> "concurrent_idempotent_request".equals(e.type())
                    ? Outcome.retry("the same send is still in flight", e, null)
                    : Outcome.failed(e.getMessage(), e);
            case AUTHENTICATION -> e.grantExpired() || grant != null && e.grantId() != null
                    ? new Outcome(Outcome.Status.GRANT_EXPIRED, "grant " + grant + " is expired or revoked: "
                    + e.getMessage(), e, null)
                    : new Outcome(Outcome.Status.FATAL, "Nylas refused the API key: " + e.getMessage(), e, null);
            default -> Outcome.failed(e.getMessage(), e);
        };
    }
}

package io.nylassf.connect.sink.nylas.plan;

import io.nylassf.connect.common.schema.SalesforceSchemas;
import io.nylassf.connect.common.time.Timestamps;
import io.nylassf.connect.sink.nylas.KickoffConfig;
import io.nylassf.connect.sink.nylas.NylasSinkConnectorConfig;
import io.nylassf.connect.sink.nylas.NylasSinkConnectorConfig.TimesOwner;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.DeleteEvent;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.Ignore;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.Invalid;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.Owner;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.Refused;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.Send;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.UpsertEvent;
import io.nylassf.connect.sink.nylas.record.SalesforceChange;

import io.nylassf.connect.common.schema.SalesforceSchemas;
import io.nylassf.connect.sink.nylas.KickoffConfig;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Decides what a Salesforce change asks of Nylas. Pure: no I/O, the same change always plans the same action.
 *
 * <ul>
 *   <li><b>Task</b>: sent when it matches the send rule (subtype, status, optional checkbox), was not written by
 *   this integration, is not an inbound email ({@code Nylas_Message_Id__c} set) and is recent enough; deleted or
 *   other Tasks are ignored (a sent message cannot be unsent).</li>
 *   <li><b>Event</b>: upserted on the owner's calendar, deleted when deleted. A recurring series' occurrences (each
 *   an Event with {@code RecurrenceActivityId}) are written as single events; its master ({@code IsRecurrence})
 *   is ignored, never flattened into one meeting.</li>
 *   <li><b>Opportunity</b>: one kickoff event when it reaches the kickoff stage, at the configured hour in the
 *   owner's time zone on a weekday, inviting the primary contact.</li>
 * </ul>
 * Every send and calendar write then passes {@link ActingUserPolicy}: it acts in the owner's name only when the
 * owner (or an allowed user) wrote the record.
 */
public final class OutboundPlanner {
    private final NylasSinkConnectorConfig config;
    private final ActingUserPolicy policy;
    private final Clock clock;

    public OutboundPlanner(NylasSinkConnectorConfig config, Clock clock) {
        this.config = config;
        this.policy = new ActingUserPolicy(config.sendOnBehalfAllowedUserIds());
        this.clock = clock;
    }

    /** What the change asks for; a send or calendar write its writers may not ask for is {@link Refused}. */
    public OutboundAction plan(SalesforceChange c) {
        if (c.ownChange()) {
            return new Ignore(c, "own change (made by this integration)");
        }
        OutboundAction a = switch (c.sobject().toLowerCase(Locale.ROOT)) {
            case "task" -> planTask(c);
            case "event" -> planEvent(c);
            case "opportunity" -> planOpportunity(c);
            default -> new Ignore(c, "no outbound action for " + c.sobject());
        };
        if (a instanceof Send || a instanceof UpsertEvent || a instanceof DeleteEvent) {
            return policy.refusal(c).<OutboundAction>map(reason -> new Refused(c, reason)).orElse(a);
        }
        return a;
    }

    /** The owner only: the grant follows from OwnerId and the owner User's email, never from a typed field. */
    private Owner owner(SalesforceChange c) {
        String userId = c.ownerId() != null ? c.ownerId() : c.field("OwnerId");
        return new Owner(userId, c.field(config.grantEmailField()));
    }

    private OutboundAction planTask(SalesforceChange c) {
        if (c.deleted()) {
            return new Ignore(c, "task deleted (a sent message cannot be unsent)");
        }
        if (c.field("Nylas_Message_Id__c") != null) {
            return new Ignore(c, "task records an inbound Nylas message");
        }
        if (c.partial() && (c.field("TaskSubtype") == null || c.field("Status") == null)) {
            return new Ignore(c, "partial update without the send rule's fields");
        }
        String subtype = c.field("TaskSubtype");
        if (!matches(config.sendSubtypes(), subtype)) {
            return new Ignore(c, "task subtype " + subtype + " is not sent");
        }
        if (!config.sendStatuses().isEmpty() && !matches(config.sendStatuses(), c.field("Status"))) {
            return new Ignore(c, "task status " + c.field("Status") + " is not sent");
        }
        String flag = config.sendFlagField();
        if (flag != null && !"true".equalsIgnoreCase(c.field(flag))) {
            return new Ignore(c, flag + " is not checked");
        }
        Instant created = Timestamps.parseInstantOrEpochMillis(c.field("CreatedDate"));
        Duration maxAge = config.sendMaxAge();
        if (!maxAge.isZero() && created != null && created.isBefore(clock.instant().minus(maxAge))) {
            return new Ignore(c, "task created " + created + ", longer ago than " + maxAge);
        }
        List<String> to = addresses(c.field(config.sendRecipientField()));
        if (to.isEmpty()) {
            return new Invalid(c, "task is marked for sending but " + config.sendRecipientField()
                    + " holds no recipient");
        }
        return new Send(c, owner(c), to, c.field("Subject"), c.field("Description"));
    }

    private OutboundAction planEvent(SalesforceChange c) {
        String known = c.field("Nylas_Event_Id__c");
        if (c.deleted()) {
            return new DeleteEvent(c, owner(c), known);
        }
        if ("true".equalsIgnoreCase(c.field("IsRecurrence"))) {
            // Salesforce stores each occurrence as an Event of its own (RecurrenceActivityId = this master), and
            // those are written one by one; writing the master too would put a one-off meeting at its start
            return new Ignore(c, "recurring series master (IsRecurrence): its occurrences are written as single "
                    + "events");
        }
        if (c.partial()) {
            // CDC update: only changed fields; fill times only when they changed
            EventSpec spec = new EventSpec(c.field("Subject"), c.field("Description"), c.field("Location"),
                    null, null, null, null, List.of());
            return c.field("StartDateTime") == null ? new UpsertEvent(c, owner(c), spec, false, known)
                    : planFullEvent(c, known);
        }
        return planFullEvent(c, known);
    }

    private OutboundAction planFullEvent(SalesforceChange c, String known) {
        List<String> participants = config.inviteWho() ? addresses(c.field("Who.Email")) : List.of();
        boolean allDay = "true".equalsIgnoreCase(c.field("IsAllDayEvent"));
        Instant start = Timestamps.parseInstantOrEpochMillis(c.field("StartDateTime"));
        if (allDay) {
            LocalDate day = Timestamps.parseDate(c.field("ActivityDate"));
            if (day == null && start != null) {
                day = start.atOffset(ZoneOffset.UTC).toLocalDate();
            }
            if (day == null) {
                return new Invalid(c, "all-day event without ActivityDate or StartDateTime");
            }
            Instant end = Timestamps.parseInstantOrEpochMillis(c.field("EndDateTime"));
            LocalDate last = end == null ? day : end.atOffset(ZoneOffset.UTC).toLocalDate();
            return new UpsertEvent(c, owner(c), new EventSpec(c.field("Subject"), c.field("Description"),
                    c.field("Location"), null, null, day, last.isBefore(day) ? day : last, participants), false, known);
        }
        if (start == null) {
            return new Invalid(c, "event without StartDateTime");
        }
        Instant end = Timestamps.parseInstantOrEpochMillis(c.field("EndDateTime"));
        if (end == null) {
            String minutes = c.field("DurationInMinutes");
            try {
                end = start.plus(Duration.ofMinutes(minutes == null ? 30 : (long) Double.parseDouble(minutes)));
            } catch (NumberFormatException e) {
                end = start.plus(Duration.ofMinutes(30));
            }
        }
        if (!end.isAfter(start)) {
            end = start.plusSeconds(60);
        }
        return new UpsertEvent(c, owner(c), new EventSpec(c.field("Subject"), c.field("Description"),
                c.field("Location"), start.getEpochSecond(), end.getEpochSecond(), null, null, participants), false,
                known);
    }

    private OutboundAction planOpportunity(SalesforceChange c) {
        if (!config.kickoffEnabled()) {
            return new Ignore(c, "kickoff events disabled");
        }
        if (c.deleted() || !config.kickoffStage().equalsIgnoreCase(c.field("StageName") == null ? ""
                : c.field("StageName"))) {
            return new Ignore(c, "opportunity not at " + config.kickoffStage());
        }
        ZoneId zone = ownerZone(c.field(SalesforceSchemas.OWNER_TIME_ZONE));
        LocalDate close = Timestamps.parseDate(c.field("CloseDate"));
        LocalDate changed = c.versionInstant().atZone(zone).toLocalDate();
        LocalDate day = (close == null || close.isBefore(changed) ? changed : close)
                .plusDays(KickoffConfig.delayDays(config));
        if (KickoffConfig.weekdaysOnly(config)) {
            day = nextWeekday(day);
        }
        Instant start = day.atTime(KickoffConfig.localHour(config), 0).atZone(zone).toInstant();
        Instant end = start.plus(Duration.ofMinutes(config.kickoffDurationMinutes()));
        List<String> invite = KickoffConfig.invitePrimaryContact(config)
                ? addresses(c.field(SalesforceSchemas.PRIMARY_CONTACT_EMAIL)) : List.of();
        String name = c.field("Name") == null ? c.id() : c.field("Name");
        String account = c.field("Account.Name");
        String prefix = config.kickoffTitlePrefix().strip();
        EventSpec spec = new EventSpec(prefix.isEmpty() ? name : prefix + " " + name,
                "Kickoff for " + name + (account == null ? "" : " (" + account + ")") + ", closed won in Salesforce.",
                null, start.getEpochSecond(), end.getEpochSecond(), null, null, invite);
        return new UpsertEvent(c, owner(c), spec, true, null);
    }

    /** The owner's {@code TimeZoneSidKey} when Java knows it (Salesforce's keys are IANA ids), else the setting's. */
    private ZoneId ownerZone(String sidKey) {
        if (sidKey != null) {
            try {
                return ZoneId.of(sidKey.trim());
            } catch (DateTimeException e) {
                // e.g. a retired key: fall back below
            }
        }
        return KickoffConfig.defaultTimeZone(config);
    }

    /** Saturday and Sunday move to the Monday after. */
    static LocalDate nextWeekday(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.plusDays(2);
            case SUNDAY -> day.plusDays(1);
            default -> day;
        };
    }

    /** The times part of an upsert is written on update only when Salesforce owns meeting times. */
    public boolean salesforceOwnsTimes() {
        return config.timesOwner() == TimesOwner.SALESFORCE;
    }

    private static boolean matches(List<String> allowed, String value) {
        return value != null && allowed.stream().anyMatch(a -> a.trim().equalsIgnoreCase(value.trim()));
    }

    static List<String> addresses(String raw) {
        if (raw == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Arrays.stream(raw.split("[,;]")).map(String::trim).filter(s -> s.contains("@")).forEach(out::add);
        return out;
    }
}

package io.nylassf.connect.sink.nylas.plan;

import io.nylassf.connect.common.salesforce.SalesforceId;
import io.nylassf.connect.common.schema.SalesforceSchemas;
import io.nylassf.connect.sink.nylas.record.SalesforceChange;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who may make the sink act in an owner's mailbox or calendar. The sink acts as the record's owner, so it acts
 * only when the people who wrote the record are that owner: its creator ({@code CreatedById}) and its last
 * modifier ({@code LastModifiedById}, and for CDC input also the header's {@code commitUser}) must each be the
 * owner ({@code OwnerId}) or on the allow-list ({@code nylas.send.on.behalf.allowed.user.ids}, e.g. a sales-ops
 * team). A record the Salesforce source marks as created by its integration user
 * ({@link SalesforceSchemas#CREATED_BY_INTEGRATION}: this plugin's mirror of something in the owner's mailbox or
 * calendar) passes the creator check, so a rep's edit of a synced meeting reaches their calendar with no setting;
 * its last modifier is still checked. IDs compare in their 18-character form. A record that does not say who
 * wrote it is refused: nobody is assumed.
 */
public final class ActingUserPolicy {
    /** Every refusal reason starts with this, so DLQ consumers can tell refusals from other failures. */
    public static final String NOT_AUTHORIZED = "not_authorized: ";

    private final Set<String> allowed = new LinkedHashSet<>();

    /** @param allowedUserIds 15- or 18-character User IDs; an invalid one is an error (the config validates). */
    public ActingUserPolicy(Collection<String> allowedUserIds) {
        for (String id : allowedUserIds) {
            String c = SalesforceId.canonical(id);
            if (c == null) {
                throw new IllegalArgumentException("not a Salesforce User ID: " + id);
            }
            allowed.add(c);
        }
    }

    /** Empty when the change may act in its owner's name; otherwise why not, starting with {@link #NOT_AUTHORIZED}. */
    public Optional<String> refusal(SalesforceChange c) {
        String what = c.sobject() + " " + c.id();
        String owner = SalesforceId.canonical(c.ownerId() != null ? c.ownerId() : c.field("OwnerId"));
        if (owner == null) {
            return Optional.of(NOT_AUTHORIZED + what + " carries no valid OwnerId, so it cannot act for anyone");
        }
        String creator = c.field("CreatedById");
        if (creator == null) {
            return Optional.of(NOT_AUTHORIZED + what + " does not say who created it (CreatedById)" + cdcHint(c));
        }
        Set<String> modifiers = new LinkedHashSet<>();
        if (c.lastModifiedById() != null) {
            modifiers.add(c.lastModifiedById());
        }
        if (c.field("LastModifiedById") != null) {
            modifiers.add(c.field("LastModifiedById"));
        }
        if (modifiers.isEmpty()) {
            return Optional.of(NOT_AUTHORIZED + what + " does not say who last modified it (LastModifiedById)"
                    + cdcHint(c));
        }
        Optional<String> r = "true".equals(c.field(SalesforceSchemas.CREATED_BY_INTEGRATION)) ? Optional.empty()
                : check(what, "created", creator, owner);
        for (String m : modifiers) {
            if (r.isPresent()) {
                break;
            }
            r = check(what, "last modified", m, owner);
        }
        return r;
    }

    private Optional<String> check(String what, String verb, String userId, String owner) {
        String actor = SalesforceId.canonical(userId);
        if (actor == null) {
            return Optional.of(NOT_AUTHORIZED + what + " was " + verb + " by '" + printable(userId)
                    + "', which is not a Salesforce User ID");
        }
        if (actor.equals(owner) || allowed.contains(actor)) {
            return Optional.empty();
        }
        return Optional.of(NOT_AUTHORIZED + what + " was " + verb + " by " + actor + ", not by its owner " + owner
                + ", and " + actor + " is not in nylas.send.on.behalf.allowed.user.ids");
    }

    private static String cdcHint(SalesforceChange c) {
        return "cdc".equals(c.via()) ? "; CDC update and delete events carry only changed fields: enrich them with "
                + "OwnerId, CreatedById and LastModifiedById or use the Salesforce source" : "";
    }

    private static String printable(String s) {
        String t = s.replaceAll("[^A-Za-z0-9_.@-]", "?");
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }
}

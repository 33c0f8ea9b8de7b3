package io.nylassf.connect.sink.nylas.plan;

import io.nylassf.connect.sink.nylas.record.SalesforceChange;

import java.util.List;

/** What one Salesforce change asks of Nylas: the output of {@link OutboundPlanner}, a pure function. */
public sealed interface OutboundAction {
    SalesforceChange change();

    /**
     * Whose mailbox or calendar: the record owner's User ID and the owner User's email (either may be null). Never
     * a grant a record names: a value someone can type does not choose a mailbox.
     */
    record Owner(String userId, String email) {
    }

    /** {@code POST /messages/send} from the owner's grant, at most once per Task (per version with resend). */
    record Send(SalesforceChange change, Owner owner, List<String> to, String subject, String body)
            implements OutboundAction {
    }

    /**
     * Create or update the calendar event tagged {@code sf:<Id>} (or the event {@code knownEventId} the record
     * already links to). {@code createOnly}: an existing event is left alone (kickoff events).
     */
    record UpsertEvent(SalesforceChange change, Owner owner, EventSpec spec, boolean createOnly, String knownEventId)
            implements OutboundAction {
    }

    /** Delete the calendar event tagged {@code sf:<Id>} (or {@code knownEventId}); gone already is fine. */
    record DeleteEvent(SalesforceChange change, Owner owner, String knownEventId) implements OutboundAction {
    }

    /** Nothing to do, and why (counted, logged at DEBUG). */
    record Ignore(SalesforceChange change, String reason) implements OutboundAction {
    }

    /**
     * The change would act in its owner's name but was not written by the owner (or an allowed user):
     * {@link ActingUserPolicy}. To the DLQ with the reason; never retried.
     */
    record Refused(SalesforceChange change, String reason) implements OutboundAction {
    }

    /** The record asks for something it cannot have (no recipient, no start time...): to the DLQ with the reason. */
    record Invalid(SalesforceChange change, String reason) implements OutboundAction {
    }
}

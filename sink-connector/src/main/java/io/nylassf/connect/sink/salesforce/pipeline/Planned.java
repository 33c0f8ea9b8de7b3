package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.sink.salesforce.write.WriteOp;

/**
 * A write a planner asks for, with the item it comes from.
 *
 * @param personEmail for a new Contact or Lead, the email later phases will know it by; else null
 */
record Planned(Item item, WriteOp op, Kind kind, String personEmail) {
    enum Kind {
        /** The item's own record, created or updated. */
        WRITE,
        /** Loop guard: the item's own record, written from Salesforce, gets its Nylas ID. */
        LINK,
        /** A deleted or cancelled event's record, deleted or marked. */
        REMOVE,
        /** A Lead for a message's sender nobody matched. */
        SENDER_LEAD,
        /** An EmailMessageRelation: one of an email's people, linked to its EmailMessage. */
        RELATION
    }

    static Planned write(Item item, WriteOp op) {
        return new Planned(item, op, Kind.WRITE, null);
    }

    Planned withOp(WriteOp op) {
        return new Planned(item, op, kind, personEmail);
    }
}

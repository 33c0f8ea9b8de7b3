package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.sink.salesforce.options.PersonOwner;
import io.nylassf.connect.sink.salesforce.write.WriteOp;

/**
 * Who owns a new Contact or Lead ({@code salesforce.person.owner}), applied to its create (pure): the grant's
 * User ({@code OwnerId}), the org's Lead assignment rule ({@code Sforce-Auto-Assign: TRUE}, no OwnerId), or the
 * integration user (no OwnerId). Never applied to a record that exists: it keeps its owner.
 */
record PersonOwnership(PersonOwner rule) {

    /** The create with its owner, counting a fallback in {@code plan} when the rep was wanted but has no User. */
    WriteOp apply(WriteOp create, Item i, OrgSnapshot org, Plan.Builder plan) {
        if (rule == PersonOwner.INTEGRATION_USER) {
            return create;
        }
        if (rule == PersonOwner.ASSIGNMENT_RULES && "Lead".equals(create.sobject())) {
            return create.withAutoAssign();
        }
        Owner owner = org.owner(i.obj().grantId());
        if (owner == null) {
            plan.ownerFallback(i);
            return create;
        }
        return create.with("OwnerId", owner.userId());
    }
}

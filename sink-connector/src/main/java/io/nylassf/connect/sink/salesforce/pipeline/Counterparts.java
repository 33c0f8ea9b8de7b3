package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.sink.salesforce.mapping.ContactMapper;
import io.nylassf.connect.sink.salesforce.mapping.EventMapper;
import io.nylassf.connect.sink.salesforce.mapping.MessageToTaskMapper;
import io.nylassf.connect.sink.salesforce.record.NylasContact;
import io.nylassf.connect.sink.salesforce.record.NylasEvent;
import io.nylassf.connect.sink.salesforce.record.NylasMessage;
import io.nylassf.connect.sink.salesforce.record.NylasRecord;

import java.util.List;
import java.util.Set;

/** The outside people an object names, by email (lower case), in the order that picks an activity's WhoId. */
final class Counterparts {
    private final MessageToTaskMapper messages;
    private final Set<String> internalDomains;

    Counterparts(MessageToTaskMapper messages, Set<String> internalDomains) {
        this.messages = messages;
        this.internalDomains = internalDomains;
    }

    List<String> of(NylasRecord obj) {
        if (obj instanceof NylasMessage m) {
            return messages.counterpartEmails(m);
        }
        if (obj instanceof NylasEvent e) {
            return EventMapper.attendeeEmails(e, internalDomains);
        }
        if (!(obj instanceof NylasContact c)) {
            return List.of(); // a grant status names nobody
        }
        String email = ContactMapper.primaryEmail(c);
        return email == null ? List.of() : List.of(email);
    }
}

package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.sink.salesforce.pipeline.BatchResult.DeadLetter;

import java.util.List;

/**
 * A batch decoded and de-duplicated: one item per Nylas object, by kind (grant status records last), and the
 * records that could not be read.
 */
record Decoded(List<Item> contacts, List<Item> messages, List<Item> events, List<DeadLetter> unreadable,
               Tally tally, List<Item> grants) {
    Decoded(List<Item> contacts, List<Item> messages, List<Item> events, List<DeadLetter> unreadable, Tally tally) {
        this(contacts, messages, events, unreadable, tally, List.of());
    }

    Decoded {
        grants = List.copyOf(grants);
        contacts = List.copyOf(contacts);
        messages = List.copyOf(messages);
        events = List.copyOf(events);
        unreadable = List.copyOf(unreadable);
    }

    boolean isEmpty() {
        return contacts.isEmpty() && messages.isEmpty() && events.isEmpty() && grants.isEmpty();
    }

    boolean hasActivities() {
        return !messages.isEmpty() || !events.isEmpty();
    }
}

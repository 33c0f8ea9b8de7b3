package io.nylassf.connect.sink.salesforce.record;

import io.nylassf.connect.sink.record.Fields;

import java.util.Locale;

/** A person on a message or event; the email is trimmed and lower-cased. */
public record Participant(String name, String email, String status) {
    public Participant {
        email = email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
        name = name == null || name.isBlank() ? null : name.trim();
    }

    static Participant of(Fields f) {
        return f == null ? null : new Participant(f.str("name"), f.str("email"), f.str("status"));
    }
}

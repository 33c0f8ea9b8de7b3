package io.nylassf.connect.sink.salesforce.options;

import java.util.Locale;

/** What becomes of the Salesforce Event of a deleted or cancelled Nylas event ({@code behavior.on.deleted.event}). */
public enum DeletedEvent {
    DELETE, MARK, IGNORE;

    /** The setting's value ({@code behavior.on.deleted.event}, lower case). */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeletedEvent fromConfig(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}

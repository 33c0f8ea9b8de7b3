package io.nylassf.connect.sink.salesforce.options;

import java.util.Locale;

/** What becomes of a message none of whose counterparts is a Contact or Lead ({@code behavior.on.unmatched.message}). */
public enum UnmatchedMessage {
    SKIP, CREATE_LEAD, FAIL;

    /** The setting's value ({@code behavior.on.unmatched.message}, lower case). */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UnmatchedMessage fromConfig(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}

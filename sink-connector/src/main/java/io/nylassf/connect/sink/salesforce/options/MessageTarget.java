package io.nylassf.connect.sink.salesforce.options;

import java.util.Locale;

/** What a message becomes ({@code salesforce.message.target}). */
public enum MessageTarget {
    TASK, EMAIL_MESSAGE;

    /** The setting's value ({@code salesforce.message.target}, lower case). */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The sObject a message is written as. */
    public String sobject() {
        return this == TASK ? "Task" : "EmailMessage";
    }

    public static MessageTarget fromConfig(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}

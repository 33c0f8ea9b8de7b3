package io.nylassf.connect.sink.salesforce.options;

import io.nylassf.connect.common.config.ChoiceSetting;
import io.nylassf.connect.common.config.ConfigChoice;

/** What a message becomes ({@code salesforce.message.target}). */
public enum MessageTarget implements ConfigChoice {
    TASK, EMAIL_MESSAGE;

    public static final ChoiceSetting<MessageTarget> SETTING = ChoiceSetting.of(MessageTarget.class);

    /** The sObject a message is written as. */
    public String sobject() {
        return this == TASK ? "Task" : "EmailMessage";
    }

    public static MessageTarget fromConfig(String s) {
        return SETTING.parse(s);
    }
}

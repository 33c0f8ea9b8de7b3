package io.nylassf.connect.sink.salesforce.options;

import io.nylassf.connect.common.config.ChoiceSetting;
import io.nylassf.connect.common.config.ConfigChoice;

/** What becomes of a message none of whose counterparts is a Contact or Lead ({@code behavior.on.unmatched.message}). */
public enum UnmatchedMessage implements ConfigChoice {
    SKIP, CREATE_LEAD, FAIL;

    public static final ChoiceSetting<UnmatchedMessage> SETTING = ChoiceSetting.of(UnmatchedMessage.class);

    public static UnmatchedMessage fromConfig(String s) {
        return SETTING.parse(s);
    }
}

package io.nylassf.connect.sink.salesforce.options;

import io.nylassf.connect.common.config.ChoiceSetting;
import io.nylassf.connect.common.config.ConfigChoice;

/** What becomes of the Salesforce Event of a deleted or cancelled Nylas event ({@code behavior.on.deleted.event}). */
public enum DeletedEvent implements ConfigChoice {
    DELETE, MARK, IGNORE;

    public static final ChoiceSetting<DeletedEvent> SETTING = ChoiceSetting.of(DeletedEvent.class);

    public static DeletedEvent fromConfig(String s) {
        return SETTING.parse(s);
    }
}

package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.config.ChoiceSetting;
import io.nylassf.connect.common.config.ConfigChoice;

/** What becomes of a message body over {@code message.body.max.bytes} ({@code message.body.oversize}). */
public enum BodyOversize implements ConfigChoice {
    TRUNCATE, DROP;

    public static final ChoiceSetting<BodyOversize> SETTING = ChoiceSetting.of(BodyOversize.class);
}

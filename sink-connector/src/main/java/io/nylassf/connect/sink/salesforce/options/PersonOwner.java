package io.nylassf.connect.sink.salesforce.options;

import io.nylassf.connect.common.config.ChoiceSetting;
import io.nylassf.connect.common.config.ConfigChoice;

/**
 * Who owns a Contact or Lead the sink creates ({@code salesforce.person.owner}): the rep whose grant it came from,
 * the org's Lead assignment rules, or the integration user. Records that exist keep their owner.
 */
public enum PersonOwner implements ConfigChoice {
    REP, ASSIGNMENT_RULES, INTEGRATION_USER;

    public static final ChoiceSetting<PersonOwner> SETTING = ChoiceSetting.of(PersonOwner.class);

    public static PersonOwner fromConfig(String s) {
        return SETTING.parse(s);
    }
}

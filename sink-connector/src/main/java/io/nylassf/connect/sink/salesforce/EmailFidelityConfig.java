package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.config.ConfigDefBuilder;
import io.nylassf.connect.sink.salesforce.mapping.AutomatedSenders;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The Salesforce sink's "Email" group: which senders count as automated (never made Leads). A config fragment:
 * {@link #addTo} defines the settings, the accessors read them from any config built on that definition.
 */
public final class EmailFidelityConfig {
    public static final String GROUP = "Email";
    public static final String AUTOMATED_SENDER_PATTERNS = "salesforce.message.automated.sender.patterns";

    private EmailFidelityConfig() {
    }

    public static ConfigDefBuilder addTo(ConfigDefBuilder builder) {
        return builder.group(GROUP)
                .define(AUTOMATED_SENDER_PATTERNS, Type.LIST, String.join(",", AutomatedSenders.DEFAULT_PATTERNS),
                        regexList(), Importance.LOW);
    }

    public static AutomatedSenders automatedSenders(AbstractConfig c) {
        return new AutomatedSenders(c.getList(AUTOMATED_SENDER_PATTERNS));
    }

    static ConfigDef.Validator regexList() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            for (Object p : (List<?>) value) {
                try {
                    Pattern.compile(String.valueOf(p));
                } catch (PatternSyntaxException e) {
                    throw new ConfigException(name, p, "not a regular expression: " + e.getDescription());
                }
            }
        }, () -> "regular expressions, comma-separated");
    }
}

package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.config.ConfigDefBuilder;
import io.nylassf.connect.sink.salesforce.options.PersonOwner;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Salesforce sink's "Ownership" group: who owns what the sink creates. Activities belong to the rep whose
 * grant they came from (the active User with the grant's email, or the map here); new Contacts and Leads follow
 * {@link #PERSON_OWNER}.
 * A config fragment: {@link #addTo} defines the settings, the accessors read them from any config built on that
 * definition.
 */
public final class OwnershipConfig {
    public static final String GROUP = "Ownership";
    public static final String OWNER_MAP = "salesforce.owner.map";
    public static final String PERSON_OWNER = "salesforce.person.owner";

    /** A User Id: key prefix 005, 15 or 18 characters. */
    private static final Pattern USER_ID = Pattern.compile("005[0-9A-Za-z]{12}([0-9A-Za-z]{3})?");

    private OwnershipConfig() {
    }

    public static ConfigDefBuilder addTo(ConfigDefBuilder builder) {
        return builder.group(GROUP)
                .define(OWNER_MAP, Type.LIST, "", mapValidator(), Importance.MEDIUM)
                .define(PERSON_OWNER, Type.STRING, "rep", PersonOwner.SETTING, Importance.MEDIUM, Width.SHORT,
                        PersonOwner.SETTING);
    }

    /** Grant id or email (lower case) → User Id, from {@code key=005...} entries. */
    public static Map<String, String> ownerMap(AbstractConfig c) {
        return parse(c.getList(OWNER_MAP));
    }

    public static PersonOwner personOwner(AbstractConfig c) {
        return PersonOwner.fromConfig(c.getString(PERSON_OWNER));
    }

    static Map<String, String> parse(List<String> entries) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String e : entries) {
            String[] kv = e.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank() || !USER_ID.matcher(kv[1].trim()).matches()) {
                throw new IllegalArgumentException("'" + e + "' is not <grant id or email>=<User Id (005...)>");
            }
            out.put(kv[0].trim().toLowerCase(Locale.ROOT), kv[1].trim());
        }
        return out;
    }

    private static ConfigDef.Validator mapValidator() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            if (value instanceof List<?> l) {
                try {
                    parse(l.stream().map(Object::toString).toList());
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(name, value, e.getMessage());
                }
            }
        }, () -> "grant id or email=User Id pairs");
    }
}

package io.nylassf.connect.source.salesforce;

import io.nylassf.connect.common.config.ApiBudgetConfig;
import io.nylassf.connect.common.config.ConfigDefBuilder;
import io.nylassf.connect.common.config.SalesforceConnectionConfig;
import io.nylassf.connect.common.config.ChoiceSetting;
import io.nylassf.connect.common.config.ConfigChoice;
import io.nylassf.connect.common.config.PollingConfig;
import io.nylassf.connect.common.config.TopicsConfig;
import io.nylassf.connect.source.salesforce.read.ObjectFields;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Settings of {@link SalesforceSourceConnector}. */
public class SalesforceSourceConnectorConfig extends AbstractConfig {
    public static final String OBJECTS_GROUP = "Objects";
    public static final String OBJECTS = "salesforce.objects";
    public static final List<String> OBJECTS_DEFAULT = List.of("Task", "Event", "Opportunity");

    public static final String FIELDS = "salesforce.fields";
    public static final String START_FROM = "salesforce.start.from";
    public static final String START_FROM_DEFAULT = "earliest";

    private static final String TOPIC_PREFIX_DOC = "Prefix of the topics written: <prefix>.<object in lower case>, "
            + "e.g. salesforce.task.";
    public static final String TOPIC_PREFIX_DEFAULT = "salesforce";

    private static final String POLL_INTERVAL_MS_DOC = "Time between two polls right after one found changes (a "
            + "full page is followed by the next window at once); while nothing changes the wait doubles up to "
            + "poll.max.interval.ms.";

    public static final String POLL_MAX_INTERVAL_MS = "poll.max.interval.ms";
    public static final String READ_LAG_MS = "salesforce.read.lag.ms";
    public static final String BATCH_SIZE = "salesforce.batch.size";
    private static final String BATCH_SIZE_DOC = "LIMIT of one SOQL window: rows read per object per query "
            + "(pages of the answer are followed through nextRecordsUrl).";
    public static final int BATCH_SIZE_DEFAULT = 500;
    public static final String LOOP_GROUP = "Loop guard";
    public static final String OWN_CHANGES = "salesforce.own.changes";
    public static final String OWN_CHANGES_DEFAULT = OwnChanges.SKIP.configValue();
    public static final String INTEGRATION_USER_IDS = "salesforce.integration.user.ids";
    public static final String INTEGRATION_USERNAMES = "salesforce.integration.usernames";

    public static final ConfigDef CONFIG_DEF = configDef();

    /** How own changes are treated. */
    public enum OwnChanges implements ConfigChoice {
        SKIP, MARK;

        public static final ChoiceSetting<OwnChanges> SETTING = ChoiceSetting.of(OwnChanges.class);

        public static OwnChanges fromConfig(String v) {
            return SETTING.parse(v);
        }
    }

    public SalesforceSourceConnectorConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
    }

    protected SalesforceSourceConnectorConfig(ConfigDef def, Map<String, String> props) {
        super(def, props);
    }

    public static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        SalesforceConnectionConfig.addTo(def);
        ConfigDefBuilder builder = new ConfigDefBuilder(def);
        builder.group(OBJECTS_GROUP)
                .define(OBJECTS, Type.LIST, OBJECTS_DEFAULT, sobjectNames(), Importance.HIGH)
                .define(FIELDS, Type.LIST, List.of(), objectFields(), Importance.MEDIUM)
                .define(START_FROM, Type.STRING, START_FROM_DEFAULT, startFromValues(), Importance.MEDIUM);
        TopicsConfig.addTo(builder, TOPIC_PREFIX_DEFAULT, TOPIC_PREFIX_DOC);
        PollingConfig.addTo(builder, POLL_INTERVAL_MS_DOC)
                .define(POLL_MAX_INTERVAL_MS, Type.INT, 60_000, Range.between(100, 3_600_000), Importance.MEDIUM)
                .define(READ_LAG_MS, Type.INT, 10_000, Range.between(0, 3_600_000), Importance.LOW)
                .define(BATCH_SIZE, Type.INT, BATCH_SIZE_DEFAULT, Range.between(1, 2_000), Importance.LOW,
                        BATCH_SIZE_DOC, Width.SHORT, "Rows per window")
                .group(LOOP_GROUP)
                .define(OWN_CHANGES, Type.STRING, OWN_CHANGES_DEFAULT, OwnChanges.SETTING, Importance.MEDIUM,
                        Width.SHORT, OwnChanges.SETTING)
                .define(INTEGRATION_USER_IDS, Type.LIST, List.of(), userIds(), Importance.MEDIUM)
                .define(INTEGRATION_USERNAMES, Type.LIST, List.of(), null, Importance.MEDIUM);
        ApiBudgetConfig.addTo(builder);
        SalesforceReconcileConfig.addTo(builder);
        return def;
    }

    private static ConfigDef.Validator sobjectNames() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            List<?> list = (List<?>) value;
            if (list == null || list.isEmpty()) {
                throw new ConfigException(name, value, "name at least one SObject");
            }
            for (Object o : list) {
                if (!o.toString().matches("[A-Za-z][A-Za-z0-9_]*")) {
                    throw new ConfigException(name, value, "'" + o + "' is not an SObject API name");
                }
            }
        }, () -> "non-empty list of SObject API names");
    }

    private static ConfigDef.Validator objectFields() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            for (Object o : (List<?>) value) {
                if (!ObjectFields.isEntry(o.toString())) {
                    throw new ConfigException(name, value, "'" + o + "' is not Object.Field");
                }
            }
        }, () -> "list of Object.Field entries");
    }

    private static ConfigDef.Validator startFromValues() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            if (!START_FROM_DEFAULT.equals(value)) {
                try {
                    Instant.parse(value.toString());
                } catch (DateTimeParseException e) {
                    throw new ConfigException(name, value, "must be 'earliest' or an ISO-8601 instant");
                }
            }
        }, () -> "'earliest' or an ISO-8601 instant");
    }

    private static ConfigDef.Validator userIds() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            for (Object o : (List<?>) value) {
                if (!o.toString().matches("005[A-Za-z0-9]{12}([A-Za-z0-9]{3})?")) {
                    throw new ConfigException(name, value, "'" + o + "' is not a User ID (005...)");
                }
            }
        }, () -> "list of User IDs");
    }

    public SalesforceConnectionConfig connection() {
        return new SalesforceConnectionConfig(this);
    }

    public List<String> objects() {
        return getList(OBJECTS);
    }

    public ObjectFields fields() {
        return ObjectFields.withExtras(getList(FIELDS));
    }

    /** The watermark of an object that has no offset yet; null means from the beginning. */
    public Instant startFrom() {
        String v = getString(START_FROM);
        return START_FROM_DEFAULT.equals(v) ? null : Instant.parse(v);
    }

    public String topicPrefix() {
        return TopicsConfig.topicPrefix(this);
    }

    public int pollIntervalMs() {
        return PollingConfig.pollIntervalMs(this);
    }

    public int pollMaxIntervalMs() {
        return getInt(POLL_MAX_INTERVAL_MS);
    }

    public int readLagMs() {
        return getInt(READ_LAG_MS);
    }

    public int batchSize() {
        return getInt(BATCH_SIZE);
    }

    public OwnChanges ownChanges() {
        return OwnChanges.fromConfig(getString(OWN_CHANGES));
    }

    public List<String> integrationUserIds() {
        return getList(INTEGRATION_USER_IDS);
    }

    /** Usernames to resolve: the configured ones, else the JWT subject when there is one. */
    public List<String> integrationUsernames() {
        List<String> names = getList(INTEGRATION_USERNAMES);
        if (names.isEmpty()) {
            String subject = getString(SalesforceConnectionConfig.USERNAME);
            return subject == null || subject.isBlank() ? List.of() : List.of(subject);
        }
        return names;
    }
}

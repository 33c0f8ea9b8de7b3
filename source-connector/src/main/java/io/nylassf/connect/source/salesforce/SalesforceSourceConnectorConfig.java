package io.nylassf.connect.source.salesforce;

import io.nylassf.connect.common.config.ConfigDefBuilder;
import io.nylassf.connect.common.config.SalesforceConnectionConfig;
import io.nylassf.connect.common.config.Validators;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

import java.util.List;
import java.util.Map;

/** Settings of {@link SalesforceSourceConnector}. */
public class SalesforceSourceConnectorConfig extends AbstractConfig {
    public static final String OBJECTS_GROUP = "Objects";
    public static final String OBJECTS = "salesforce.objects";
    private static final String OBJECTS_DOC = "SObjects to read changes of, spread over min(tasks.max, objects) "
            + "tasks. Each is read by windowed SOQL on SystemModstamp.";
    public static final List<String> OBJECTS_DEFAULT = List.of("Task", "Event", "Opportunity");

    public static final String TOPICS_GROUP = "Topics";
    public static final String TOPIC_PREFIX = "topic.prefix";
    private static final String TOPIC_PREFIX_DOC = "Prefix of the topics written: <prefix>.<object in lower case>, "
            + "e.g. salesforce.task.";
    public static final String TOPIC_PREFIX_DEFAULT = "salesforce";

    public static final String POLLING_GROUP = "Polling";
    public static final String POLL_INTERVAL_MS = "poll.interval.ms";
    private static final String POLL_INTERVAL_MS_DOC = "Time between two SOQL windows of one object.";
    public static final int POLL_INTERVAL_MS_DEFAULT = 30_000;

    public static final ConfigDef CONFIG_DEF = configDef();

    public SalesforceSourceConnectorConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
    }

    protected SalesforceSourceConnectorConfig(ConfigDef def, Map<String, String> props) {
        super(def, props);
    }

    public static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        SalesforceConnectionConfig.addTo(def);
        new ConfigDefBuilder(def)
                .group(OBJECTS_GROUP)
                .define(OBJECTS, Type.LIST, OBJECTS_DEFAULT, ConfigDef.LambdaValidator.with((name, value) -> {
                    List<?> list = (List<?>) value;
                    if (list == null || list.isEmpty()) {
                        throw new ConfigException(name, value, "name at least one SObject");
                    }
                    for (Object o : list) {
                        if (!o.toString().matches("[A-Za-z][A-Za-z0-9_]*")) {
                            throw new ConfigException(name, value, "'" + o + "' is not an SObject API name");
                        }
                    }
                }, () -> "non-empty list of SObject API names"), Importance.HIGH, OBJECTS_DOC, Width.LONG,
                        "SObjects")
                .group(TOPICS_GROUP)
                .define(TOPIC_PREFIX, Type.STRING, TOPIC_PREFIX_DEFAULT, Validators.topicPrefix(), Importance.MEDIUM,
                        TOPIC_PREFIX_DOC, Width.MEDIUM, "Topic prefix")
                .group(POLLING_GROUP)
                .define(POLL_INTERVAL_MS, Type.INT, POLL_INTERVAL_MS_DEFAULT, Range.between(100, 86_400_000),
                        Importance.MEDIUM, POLL_INTERVAL_MS_DOC, Width.SHORT, "Poll interval (ms)");
        return def;
    }

    public SalesforceConnectionConfig connection() {
        return new SalesforceConnectionConfig(this);
    }

    public List<String> objects() {
        return getList(OBJECTS);
    }

    public String topicPrefix() {
        return getString(TOPIC_PREFIX);
    }

    public int pollIntervalMs() {
        return getInt(POLL_INTERVAL_MS);
    }
}

package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.config.ConfigDefBuilder;
import io.nylassf.connect.common.config.NylasConnectionConfig;
import io.nylassf.connect.common.config.Validators;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

import java.util.List;
import java.util.Map;

/** Settings of {@link NylasSourceConnector}. */
public class NylasSourceConnectorConfig extends AbstractConfig {
    public static final String GRANTS_GROUP = "Grants";
    public static final String GRANT_IDS = "nylas.grant.ids";
    private static final String GRANT_IDS_DOC = "Grant IDs to read. Grants are spread over min(tasks.max, grants) "
            + "tasks. Leave empty to read every valid grant of the application.";

    public static final String TOPICS_GROUP = "Topics";
    public static final String TOPIC_PREFIX = "topic.prefix";
    private static final String TOPIC_PREFIX_DOC = "Prefix of the topics written: <prefix>.messages, <prefix>.events, "
            + "<prefix>.contacts and <prefix>.grants.";
    public static final String TOPIC_PREFIX_DEFAULT = "nylas";

    public static final String POLLING_GROUP = "Polling";
    public static final String POLL_INTERVAL_MS = "poll.interval.ms";
    private static final String POLL_INTERVAL_MS_DOC = "Time between two incremental windowed reads of a grant.";
    public static final int POLL_INTERVAL_MS_DEFAULT = 30_000;

    public static final ConfigDef CONFIG_DEF = configDef();

    public NylasSourceConnectorConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
    }

    protected NylasSourceConnectorConfig(ConfigDef def, Map<String, String> props) {
        super(def, props);
    }

    public static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        NylasConnectionConfig.addTo(def);
        new ConfigDefBuilder(def)
                .group(GRANTS_GROUP)
                .define(GRANT_IDS, Type.LIST, List.of(), null, Importance.HIGH, GRANT_IDS_DOC, Width.LONG,
                        "Grant IDs")
                .group(TOPICS_GROUP)
                .define(TOPIC_PREFIX, Type.STRING, TOPIC_PREFIX_DEFAULT, Validators.topicPrefix(), Importance.MEDIUM,
                        TOPIC_PREFIX_DOC, Width.MEDIUM, "Topic prefix")
                .group(POLLING_GROUP)
                .define(POLL_INTERVAL_MS, Type.INT, POLL_INTERVAL_MS_DEFAULT, Range.between(100, 86_400_000),
                        Importance.MEDIUM, POLL_INTERVAL_MS_DOC, Width.SHORT, "Poll interval (ms)");
        return def;
    }

    public NylasConnectionConfig connection() {
        return new NylasConnectionConfig(this);
    }

    public List<String> grantIds() {
        return getList(GRANT_IDS);
    }

    public String topicPrefix() {
        return getString(TOPIC_PREFIX);
    }

    public int pollIntervalMs() {
        return getInt(POLL_INTERVAL_MS);
    }
}

package io.nylassf.connect.common.config;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** The "Topics" group of the source connectors: the prefix of the topics they write. */
public final class TopicsConfig {
    public static final String GROUP = "Topics";
    public static final String TOPIC_PREFIX = "topic.prefix";

    private TopicsConfig() {
    }

    /** Defines the group; each connector has its own default prefix and says which topics it writes. */
    public static ConfigDefBuilder addTo(ConfigDefBuilder builder, String defaultPrefix, String doc) {
        return builder.group(GROUP)
                .define(TOPIC_PREFIX, Type.STRING, defaultPrefix, Validators.topicPrefix(), Importance.MEDIUM, doc,
                        Width.MEDIUM, "Topic prefix");
    }

    public static String topicPrefix(AbstractConfig config) {
        return config.getString(TOPIC_PREFIX);
    }
}

package io.nylassf.connect.sink.nylas;

import io.nylassf.connect.common.config.ConfigDefBuilder;
import io.nylassf.connect.common.config.NylasConnectionConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

import java.util.Map;

/** Settings of {@link NylasSinkConnector}. */
public class NylasSinkConnectorConfig extends AbstractConfig {
    public static final String WRITES_GROUP = "Writes";

    public static final String MAX_IN_FLIGHT = "nylas.max.in.flight";
    private static final String MAX_IN_FLIGHT_DOC = "Nylas calls one task keeps in flight at once (sends and event "
            + "writes of different records); one record's actions stay in order.";
    public static final int MAX_IN_FLIGHT_DEFAULT = 8;

    public static final ConfigDef CONFIG_DEF = configDef();

    public NylasSinkConnectorConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
    }

    public static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        NylasConnectionConfig.addTo(def);
        new ConfigDefBuilder(def)
                .group(WRITES_GROUP)
                .define(MAX_IN_FLIGHT, Type.INT, MAX_IN_FLIGHT_DEFAULT, Range.between(1, 256), Importance.MEDIUM,
                        MAX_IN_FLIGHT_DOC, Width.SHORT, "Max in-flight calls");
        return def;
    }

    public NylasConnectionConfig connection() {
        return new NylasConnectionConfig(this);
    }

    public int maxInFlight() {
        return getInt(MAX_IN_FLIGHT);
    }
}

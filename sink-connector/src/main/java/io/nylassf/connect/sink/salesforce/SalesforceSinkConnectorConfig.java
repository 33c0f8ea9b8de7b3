package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.config.ConfigDefBuilder;
import io.nylassf.connect.common.config.SalesforceConnectionConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

import java.util.Map;

/** Settings of {@link SalesforceSinkConnector}. */
public class SalesforceSinkConnectorConfig extends AbstractConfig {
    public static final String WRITES_GROUP = "Writes";

    public static final String CLIENT_TAG = "salesforce.client.tag";
    private static final String CLIENT_TAG_DOC = "Client ID sent as 'Sforce-Call-Options: client=<id>' on every "
            + "write, so Change Data Capture (changeOrigin) and the Salesforce source can recognise this sink's own "
            + "changes and never echo them back to Nylas.";
    public static final String CLIENT_TAG_DEFAULT = "nylas-kafka-sync";

    public static final String BATCH_SIZE = "salesforce.batch.size";
    private static final String BATCH_SIZE_DOC = "Records per sObject Collections call (Salesforce allows 200).";
    public static final int BATCH_SIZE_DEFAULT = 200;

    public static final ConfigDef CONFIG_DEF = configDef();

    public SalesforceSinkConnectorConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
    }

    public static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        SalesforceConnectionConfig.addTo(def);
        new ConfigDefBuilder(def)
                .group(WRITES_GROUP)
                .define(CLIENT_TAG, Type.STRING, CLIENT_TAG_DEFAULT, new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                        CLIENT_TAG_DOC, Width.MEDIUM, "Client tag")
                .define(BATCH_SIZE, Type.INT, BATCH_SIZE_DEFAULT, Range.between(1, 200), Importance.LOW,
                        BATCH_SIZE_DOC, Width.SHORT, "Batch size");
        return def;
    }

    public SalesforceConnectionConfig connection() {
        return new SalesforceConnectionConfig(this);
    }

    public String clientTag() {
        return getString(CLIENT_TAG);
    }

    public int batchSize() {
        return getInt(BATCH_SIZE);
    }
}

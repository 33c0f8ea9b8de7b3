package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.config.SalesforceAuthMethod;
import io.nylassf.connect.sink.salesforce.mapping.PersonRouter;
import io.nylassf.connect.sink.salesforce.options.DeletedEvent;
import io.nylassf.connect.sink.salesforce.options.MessageTarget;
import io.nylassf.connect.sink.salesforce.options.TaskWhat;
import io.nylassf.connect.sink.salesforce.options.UnmatchedMessage;
import org.apache.kafka.common.config.ConfigException;
import io.nylassf.connect.sink.salesforce.write.BulkPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fixed-value settings in any case, and the settings of the writes and conflicts fragments read back. */
class SalesforceSinkConnectorConfigTest {
    private static SalesforceSinkConnectorConfig config(String... kv) {
        Map<String, String> props = new HashMap<>(Map.of("salesforce.client.id", "app"));
        for (int i = 0; i < kv.length; i += 2) {
            props.put(kv[i], kv[i + 1]);
        }
        return new SalesforceSinkConnectorConfig(props);
    }

    @Test
    void fixedValuesAreReadInAnyCase() {
        SalesforceSinkConnectorConfig c = config("salesforce.contact.routing", "Lead", "salesforce.message.target",
                "EMAIL_MESSAGE", "salesforce.task.what", "Opportunity", "behavior.on.unmatched.message",
                "Create_Lead", "behavior.on.deleted.event", "MARK", "salesforce.auth.method", "Client_Credentials");
        assertEquals(PersonRouter.Rule.LEAD, c.routing());
        assertEquals(MessageTarget.EMAIL_MESSAGE, c.messageTarget());
        assertEquals(TaskWhat.OPPORTUNITY, c.taskWhat());
        assertEquals(UnmatchedMessage.CREATE_LEAD, c.unmatchedMessage());
        assertEquals(DeletedEvent.MARK, c.deletedEvent());
        assertEquals(SalesforceAuthMethod.CLIENT_CREDENTIALS, c.connection().authMethod());
    }

    @Test
    void aWrongValueNamesTheSettingAndItsValues() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> config("behavior.on.deleted.event", "forget"));
        assertTrue(e.getMessage().contains("behavior.on.deleted.event")
                && e.getMessage().contains("[delete, mark, ignore]"), e.getMessage());
    }

    @Test
    void fragmentSettingsAreReadThroughTheConnectorConfig() {
        SalesforceSinkConnectorConfig c = config("salesforce.client.tag", "tag", "salesforce.retry.backoff.ms",
                "250", "salesforce.modified.at.field", "", "salesforce.conflict.follow.own.writes", "true");
        assertEquals("tag", c.clientTag());
        long firstWait = c.batchBackoff().delay(1, (Duration) null).toMillis();
        assertTrue(firstWait >= 125 && firstWait <= 250, "jittered below salesforce.retry.backoff.ms: " + firstWait);
        assertEquals(Duration.ofMinutes(1), c.batchBackoff().delay(1, Duration.ofHours(1)), "capped at the max");
        assertEquals(new BulkPolicy(2_000, Duration.ofMinutes(4), Duration.ofMillis(500)), WritesConfig.bulkPolicy(c));
        assertEquals(200, c.batchSize());
        assertEquals(null, c.modifiedAtField());
        assertTrue(c.followOwnWrites());
        assertEquals("Nylas_Modified_At__c", config().modifiedAtField());
    }
}

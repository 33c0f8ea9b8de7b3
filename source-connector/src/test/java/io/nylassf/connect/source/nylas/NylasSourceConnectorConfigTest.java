package io.nylassf.connect.source.nylas;

import io.nylassf.connect.source.salesforce.SalesforceSourceConnectorConfig;
import io.nylassf.connect.source.salesforce.SalesforceSourceConnectorConfig.OwnChanges;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sources' fixed-value settings in any case, and the shared and webhook fragments read back. */
class NylasSourceConnectorConfigTest {
    @Test
    void fixedValuesAreReadInAnyCase() {
        NylasSourceConnectorConfig c = new NylasSourceConnectorConfig(Map.of("nylas.api.key", "k",
                "message.body.oversize", "DROP", "nylas.objects", "Messages, EVENTS"));
        assertTrue(c.dropOversizedBody());
        assertEquals(List.of("messages", "events"), c.objects());
        assertFalse(new NylasSourceConnectorConfig(Map.of("nylas.api.key", "k")).dropOversizedBody());
        assertEquals(OwnChanges.MARK, new SalesforceSourceConnectorConfig(Map.of("salesforce.client.id", "app",
                "salesforce.own.changes", "Mark")).ownChanges());
    }

    @Test
    void aWrongObjectTypeNamesTheSettingAndTheValues() {
        ConfigException e = assertThrows(ConfigException.class, () -> new NylasSourceConnectorConfig(
                Map.of("nylas.api.key", "k", "nylas.objects", "messages,folders")));
        assertTrue(e.getMessage().contains("nylas.objects")
                && e.getMessage().contains("[messages, events, contacts]"), e.getMessage());
    }

    @Test
    void sharedAndWebhookSettingsAreReadThroughTheConnectorConfig() {
        NylasSourceConnectorConfig c = new NylasSourceConnectorConfig(Map.of("nylas.api.key", "k",
                "topic.prefix", "mail", "poll.interval.ms", "500", "webhook.enabled", "true", "webhook.port", "0",
                "webhook.read.timeout.ms", "2000"));
        assertEquals("mail", c.topicPrefix());
        assertEquals(500, c.pollIntervalMs());
        assertTrue(c.webhook().enabled());
        assertEquals(0, c.webhook().port());
        assertEquals(Duration.ofSeconds(2), c.webhook().limits().readTimeout());
        assertEquals("/nylas/webhook", c.webhook().path());
        assertEquals(null, c.webhook().secret());
        NylasSourceTaskConfig task = new NylasSourceTaskConfig(Map.of("nylas.api.key", "k", "webhook.enabled",
                "true", "webhook.task", "1", "task.index", "1"));
        assertTrue(task.hostsWebhook());
    }
}

package io.nylassf.connect.sink.nylas;

import io.nylassf.connect.sink.nylas.NylasSinkConnectorConfig.GrantExpired;
import io.nylassf.connect.sink.nylas.NylasSinkConnectorConfig.GrantResolution;
import io.nylassf.connect.sink.nylas.NylasSinkConnectorConfig.TimesOwner;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fixed-value settings in any case (and the former 'retry'), and the kickoff fragment read back. */
class NylasSinkConnectorConfigTest {
    private static NylasSinkConnectorConfig config(String... kv) {
        Map<String, String> props = new HashMap<>(Map.of("nylas.api.key", "k"));
        for (int i = 0; i < kv.length; i += 2) {
            props.put(kv[i], kv[i + 1]);
        }
        return new NylasSinkConnectorConfig(props);
    }

    @Test
    void fixedValuesAreReadInAnyCase() {
        NylasSinkConnectorConfig c = config("grant.resolution", "STATIC", "grant.expired.behavior", "Dlq",
                "events.times.owner", "SalesForce");
        assertEquals(GrantResolution.STATIC, c.grantResolution());
        assertEquals(GrantExpired.DLQ, c.grantExpired());
        assertEquals(TimesOwner.SALESFORCE, c.timesOwner());
        NylasSinkConnectorConfig defaults = config();
        assertEquals(GrantResolution.OWNER_EMAIL, defaults.grantResolution());
        assertEquals(GrantExpired.PARK, defaults.grantExpired());
        assertEquals(TimesOwner.CALENDAR, defaults.timesOwner());
    }

    @Test
    void concurrencyDefaultsReachAHundredSendsPerSecondAndStayBoundedPerGrant() {
        NylasSinkConnectorConfig defaults = config();
        assertEquals(128, defaults.maxInFlight());
        assertEquals(4, defaults.maxInFlightPerGrant());
        assertEquals(500, defaults.maxPending());
        assertEquals(16, config("nylas.max.in.flight.per.grant", "16").maxInFlightPerGrant());
        for (String bad : new String[] {"0", "65"}) {
            ConfigException e = assertThrows(ConfigException.class, () -> config("nylas.max.in.flight.per.grant", bad));
            assertTrue(e.getMessage().contains("nylas.max.in.flight.per.grant"), e.getMessage());
        }
    }

    @Test
    void retryIsTheFormerNameOfPark() {
        assertEquals(GrantExpired.PARK, config("grant.expired.behavior", "RETRY").grantExpired());
    }

    @Test
    void aWrongValueNamesTheSettingAndItsValues() {
        ConfigException e = assertThrows(ConfigException.class, () -> config("grant.expired.behavior", "wait"));
        assertTrue(e.getMessage().contains("grant.expired.behavior") && e.getMessage().contains("[park, dlq]"),
                e.getMessage());
    }

    @Test
    void kickoffSettingsAreReadThroughTheirFragment() {
        NylasSinkConnectorConfig c = config("opportunity.kickoff.enabled", "false", "opportunity.kickoff.stage",
                "Won", "opportunity.kickoff.delay.days", "3", "opportunity.kickoff.duration.minutes", "30");
        assertFalse(c.kickoffEnabled());
        assertEquals("Won", c.kickoffStage());
        assertEquals(3, c.kickoffDelayDays());
        assertEquals(30, c.kickoffDurationMinutes());
        assertEquals("Kickoff:", c.kickoffTitlePrefix());
    }
}

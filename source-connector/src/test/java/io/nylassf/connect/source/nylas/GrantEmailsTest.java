package io.nylassf.connect.source.nylas;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.common.schema.NylasSchemas;
import io.nylassf.connect.source.nylas.mapping.BodyPolicy;
import io.nylassf.connect.source.nylas.mapping.RecordFactory;
import io.nylassf.connect.source.nylas.mapping.RecordMapper;
import io.nylassf.connect.source.nylas.mapping.Topics;
import io.nylassf.connect.source.nylas.offset.ObjectStream;
import io.nylassf.testkit.nylas.MutableClock;
import io.nylassf.testkit.nylas.NylasEmulator;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The source says whose mailbox a record came from (grant_email), from one grant listing, so the Salesforce sink
 * can give it to that rep; a grant created later is listed again from the poll thread, at most once per interval.
 */
class GrantEmailsTest {
    @Test
    void recordsCarryTheirGrantsEmailAndANewGrantIsListedAtMostOncePerInterval() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        try (NylasEmulator nylas = NylasEmulator.builder().rateLimitPerSecond(0).build().start();
             NylasClient client = new NylasClient(nylas.baseUrl(), nylas.apiKey(), Duration.ofSeconds(10))) {
            String ana = nylas.createGrant("Ana@OurCo.test", "google");
            GrantEmails emails = new GrantEmails(client, clock, Duration.ofMinutes(5));
            emails.refresh();
            RecordFactory records = new RecordFactory(new Topics("nylas"), new RecordMapper(new BodyPolicy(1_000,
                    false)), clock, emails::email);

            Struct message = (Struct) records.object(ObjectStream.MESSAGES, new ObjectMapper().readTree(
                    "{\"id\":\"m1\",\"grant_id\":\"" + ana + "\",\"subject\":\"Hi\",\"date\":1718351400}"),
                    NylasSchemas.CREATED, NylasSchemas.VIA_WEBHOOK, null, null).value();
            assertEquals("ana@ourco.test", message.get(NylasSchemas.GRANT_EMAIL));
            Struct expired = (Struct) records.grantStatus(ana, "expired", null, null, "401",
                    NylasSchemas.VIA_WINDOW).value();
            assertEquals("ana@ourco.test", expired.get("email"), "a read's status names the grant's email too");

            String bo = nylas.createGrant("bo@ourco.test", "google");
            assertNull(emails.email(bo), "not listed yet");
            emails.refreshIfMissing();
            assertNull(emails.email(bo), "listed at most once per interval");
            clock.advance(Duration.ofMinutes(5));
            emails.refreshIfMissing();
            assertEquals("bo@ourco.test", emails.email(bo));
        }
    }
}

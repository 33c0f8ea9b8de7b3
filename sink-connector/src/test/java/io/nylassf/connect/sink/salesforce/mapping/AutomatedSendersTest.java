package io.nylassf.connect.sink.salesforce.mapping;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AutomatedSendersTest {
    final AutomatedSenders senders = new AutomatedSenders(AutomatedSenders.DEFAULT_PATTERNS);

    @Test
    void theDefaultPatternsCatchRobotsButNotPeople() {
        for (String robot : List.of("noreply@shop.test", "no-reply@bank.test", "do-not-reply@x.test",
                "MAILER-DAEMON@mx.test", "notifications@github.test", "notification@app.test",
                "bounce+123@mail.test", "bounces@lists.test", "postmaster@x.test", "newsletter@news.test")) {
            assertTrue(senders.automatedAddress(robot), robot);
        }
        for (String person : List.of("ann@acme.com", "reply.guy@acme.com", "norah@acme.com", "mailer@acme.com")) {
            assertFalse(senders.automatedAddress(person), person);
        }
        assertFalse(senders.automatedAddress("support@bounce.test"), "only the local part counts");
    }

    @Test
    void listAndAutoReplyHeadersMarkAutomatedMailWhateverTheAddress() {
        assertTrue(AutomatedSenders.bulkHeaders(Map.of("List-Unsubscribe", "<mailto:u@x.test>")));
        assertTrue(AutomatedSenders.bulkHeaders(Map.of("list-id", "<news.x.test>")));
        assertTrue(AutomatedSenders.bulkHeaders(Map.of("Auto-Submitted", "auto-replied")));
        assertFalse(AutomatedSenders.bulkHeaders(Map.of("Auto-Submitted", "no")), "RFC 3834: a person sent it");
        assertTrue(AutomatedSenders.bulkHeaders(Map.of("Precedence", "bulk")));
        assertFalse(AutomatedSenders.bulkHeaders(Map.of("Precedence", "first-class")));
        assertFalse(AutomatedSenders.bulkHeaders(Map.of("Message-ID", "<a@b>", "Subject", "Hi")));
    }

    @Test
    void patternsAreASettingAndEmptyTurnsTheAddressCheckOff() {
        AutomatedSenders custom = new AutomatedSenders(List.of("^alerts$"));
        assertTrue(custom.automatedAddress("alerts@ops.test"));
        assertFalse(custom.automatedAddress("noreply@shop.test"));
        assertFalse(new AutomatedSenders(List.of()).automatedAddress("noreply@shop.test"));
    }
}

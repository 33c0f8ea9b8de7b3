package io.nylassf.connect.source.nylas.webhook;

import io.nylassf.connect.common.nylas.WebhookSubscription;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriptionCheckTest {
    private static final String URL = "https://connect.example.com/nylas/webhook";
    private static final Set<String> REQUIRED = SubscriptionCheck.requiredTriggers(List.of("messages"));
    private static final List<String> ALL = List.copyOf(REQUIRED);

    @Test
    void aMissingSubscriptionIsAProblemOnceTheSecretIsSet() {
        assertEquals(List.of(), SubscriptionCheck.problems(List.of(), URL, REQUIRED, false));
        List<String> problems = SubscriptionCheck.problems(
                List.of(new WebhookSubscription("w0", "https://elsewhere.example.com/hook", "active", ALL)),
                URL, REQUIRED, true);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("POST /v3/webhooks") && problems.get(0).contains(URL), problems.get(0));
    }

    @Test
    void missingTriggersAreNamed() {
        List<String> problems = SubscriptionCheck.problems(
                List.of(new WebhookSubscription("w1", URL, "active", List.of("message.created"))), URL, REQUIRED, true);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("message.updated, message.deleted, grant.expired, grant.updated"),
                problems.get(0));
    }

    @Test
    void aSubscriptionNylasStoppedDeliveringToIsAProblem() {
        for (String status : List.of("failed", "inactive", "pause")) {
            List<String> problems = SubscriptionCheck.problems(
                    List.of(new WebhookSubscription("w2", URL, status, ALL)), URL, REQUIRED, true);
            assertEquals(1, problems.size(), status);
            assertTrue(problems.get(0).contains("'" + status + "'") && problems.get(0).contains("PUT /v3/webhooks/w2"),
                    problems.get(0));
        }
    }

    @Test
    void aFailingSubscriptionDoesNotBlockTheConfigThatWouldMakeItRecover() {
        // Nylas still delivers to a failing endpoint, and the usual fix is a connector (re)configured to answer:
        // validate must let it through, while the backstop stops trusting webhooks until it is active again
        List<WebhookSubscription> failing = List.of(new WebhookSubscription("w3", URL, "failing", ALL));
        assertEquals(List.of(), SubscriptionCheck.problems(failing, URL, REQUIRED, true));
        assertFalse(SubscriptionCheck.delivering(failing, URL));
    }

    @Test
    void onlyAnActiveSubscriptionWithAMessageTriggerForThisUrlCountsAsDelivering() {
        assertTrue(SubscriptionCheck.delivering(List.of(new WebhookSubscription("w4", URL, "active", ALL)), URL));
        assertFalse(SubscriptionCheck.delivering(
                List.of(new WebhookSubscription("w5", URL, "active", List.of("grant.expired"))), URL));
        assertFalse(SubscriptionCheck.delivering(
                List.of(new WebhookSubscription("w6", "https://other.example.com/x", "active", ALL)), URL));
        assertTrue(SubscriptionCheck.delivering(
                List.of(new WebhookSubscription("w6", "https://other.example.com/x", "active", ALL)), null));
    }
}

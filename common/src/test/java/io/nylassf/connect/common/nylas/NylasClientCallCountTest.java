package io.nylassf.connect.common.nylas;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.testkit.nylas.NylasEmulator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NylasClientCallCountTest {

    @Test
    void readsWritesAndFailuresAreCountedByKind() {
        try (NylasEmulator nylas = NylasEmulator.builder().rateLimitPerSecond(0).applicationRateLimitPerSecond(0)
                     .build().start();
             NylasClient client = new NylasClient(nylas.baseUrl(), nylas.apiKey(), Duration.ofSeconds(10))) {
            String grant = nylas.createGrant("rep@example.com", "google");
            client.listMessages(grant, ListQuery.limit(5));
            ObjectNode send = new ObjectMapper().createObjectNode().put("subject", "Hi").put("body", "Hello");
            send.putArray("to").addObject().put("email", "ann@acme.com");
            client.sendMessage(grant, send, "key-1");
            assertThrows(NylasApiException.class, () -> client.getMessage(grant, "no-such-message"),
                    "a 404 goes through the same response path as a success");
            assertEquals(2, client.calls().count(NylasCallKind.MESSAGES_READ));
            assertEquals(1, client.calls().count(NylasCallKind.SEND));
            assertEquals(0, client.calls().count(NylasCallKind.EVENTS_WRITE));
        }
    }
}

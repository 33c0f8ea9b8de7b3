package io.nylassf.connect.sink.salesforce.files;

import io.nylassf.connect.common.nylas.NylasApiException;
import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.sink.salesforce.files.AttachmentRules.Skip;
import io.nylassf.connect.sink.salesforce.record.NylasAttachment;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.nylas.NylasMessage;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Downloads against the Nylas emulator: bytes, skips that are final, failures that are not. */
class AttachmentFetcherTest {
    static NylasEmulator nylas;
    static NylasClient client;
    static String grant;
    static String message;
    static final AttachmentRules RULES = new AttachmentRules(100, List.of("*"), false);

    @BeforeAll
    static void start() {
        nylas = NylasEmulator.builder().rateLimitPerSecond(0).build().start();
        client = new NylasClient(nylas.baseUrl(), nylas.apiKey(), Duration.ofSeconds(5));
        grant = nylas.createGrant("me@mycorp.com", "google");
        message = nylas.addMessage(grant, NylasMessage.create().subject("files")
                .attachment("small", "a.txt", "text/plain", new byte[]{1, 2, 3})
                .attachment("listed-small", "b.bin", "application/octet-stream", 500L)).get("id").asText();
    }

    @AfterAll
    static void stop() {
        client.close();
        nylas.close();
    }

    private static NylasAttachment listed(String id, long size) {
        return new NylasAttachment(id, id, "text/plain", size, false);
    }

    @Test
    void theBytesOrAFinalReason() {
        AttachmentFetcher fetcher = new AttachmentFetcher(client, RULES);
        AttachmentFetcher.Fetched ok = fetcher.fetch(grant, message, listed("small", 3));
        assertArrayEquals(new byte[]{1, 2, 3}, ok.content());
        assertNull(ok.skip());
        assertEquals(Skip.TOO_LARGE, fetcher.fetch(grant, message, listed("listed-small", 10)).skip(),
                "the downloaded size decides when the listed one was wrong");
        assertEquals(Skip.NOT_FOUND, fetcher.fetch(grant, message, listed("gone", 3)).skip());
    }

    @Test
    void transientFailuresAreThrownForTheBatchToBeWrittenAgain() {
        nylas.faults().failNext("429", 1);
        NylasApiException e = assertThrows(NylasApiException.class,
                () -> new AttachmentFetcher(client, RULES).fetch(grant, message, listed("small", 3)));
        assertTrue(e.isRetriable());
    }

    @Test
    void aRefusedApiKeyStopsTheTaskNamingTheSetting() {
        try (NylasClient wrongKey = new NylasClient(nylas.baseUrl(), "wrong", Duration.ofSeconds(5))) {
            ConnectException e = assertThrows(ConnectException.class,
                    () -> new AttachmentFetcher(wrongKey, RULES).fetch(grant, message, listed("small", 3)));
            assertTrue(e.getMessage().contains("nylas.api.key"), e.getMessage());
        }
    }
}

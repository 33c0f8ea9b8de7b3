package io.nylassf.connect.common.salesforce;

import io.nylassf.connect.common.config.SalesforceAuthMethod;
import io.nylassf.connect.common.http.ApiException;
import io.nylassf.connect.common.http.ApiException.Kind;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ids and names that become URL path segments or collection parameters are checked before any call is made. */
class SalesforceClientPathTest {
    static SalesforceEmulator sf;
    static SalesforceClient client;

    @BeforeAll
    static void start() {
        sf = SalesforceEmulator.builder().clientCredentials("cc-app", "cc-secret", null).build().start();
        client = new SalesforceClient(new SalesforceSettings(sf.baseUrl(), "v62.0",
                SalesforceAuthMethod.CLIENT_CREDENTIALS, "cc-app", "cc-secret", null, null, null,
                Duration.ofSeconds(10), null, false));
        client.connect();
    }

    @AfterAll
    static void stop() {
        client.close();
        sf.close();
    }

    private static void refused(Executable call) {
        ApiException e = assertThrows(ApiException.class, call);
        assertEquals(Kind.BAD_REQUEST, e.kind(), e.getMessage());
        assertFalse(e.isRetriable());
    }

    @Test
    void dotSegmentsNeverReachARequest() {
        long before = sf.apiCallCount();
        for (String bad : List.of("..", ".", "../limits", "001000000000001/../x", "001000000000001AAA&allOrNone=true",
                "", "a b")) {
            refused(() -> client.deleteRequest("d", List.of(bad), false));
            refused(() -> new SalesforceRequests("v62.0").describeRequest("d", bad));
            refused(() -> client.upsertRequest("u", bad, "Ext__c", List.of(Map.of("Ext__c", "1")), false));
            refused(() -> client.upsertRequest("u", "Contact", bad, List.of(Map.of("LastName", "x")), false));
            refused(() -> new BulkIngestJob(null, bad)); // the id is checked before any call
        }
        assertEquals(before, sf.apiCallCount(), "no request was made");
    }

    @Test
    void realIdsAndNamesPass() {
        String id = sf.org().insert("Contact", Map.of("LastName", "Ng"));
        assertTrue(client.composite(List.of(client.deleteRequest("d", List.of(id), false)), false).get(0)
                .saveResults().get(0).success());
        assertTrue(new SalesforceRequests("v62.0").describeRequest("d", "Contact").url().endsWith("/sobjects/Contact/describe/"));
    }
}

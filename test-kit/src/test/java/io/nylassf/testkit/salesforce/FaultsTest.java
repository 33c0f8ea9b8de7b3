package io.nylassf.testkit.salesforce;

import io.nylassf.testkit.http.FaultInjector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultsTest {
    @RegisterExtension
    static SalesforceEmulatorExtension sf = new SalesforceEmulatorExtension().resetBetweenTests();

    SfHttp http = SfHttp.of(sf);

    @Test
    void eachKindAnswersInSalesforceShape() {
        FaultInjector f = sf.emulator().faults().retryAfterSeconds(7);
        f.failNext("429", 1);
        HttpResponse<String> r = http.get("/limits");
        assertEquals(429, r.statusCode());
        assertEquals("7", r.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("REQUEST_LIMIT_EXCEEDED", SfHttp.errorCode(r));

        f.failNext("503", 1);
        r = http.get("/limits");
        assertEquals(503, r.statusCode());
        assertEquals("7", r.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("SERVER_UNAVAILABLE", SfHttp.errorCode(r));

        f.failNext("500", 1);
        assertEquals("UNKNOWN_EXCEPTION", SfHttp.errorCode(http.get("/limits")));
        f.failNext("504", 1);
        assertEquals(504, http.get("/limits").statusCode());

        f.failNext(FaultInjector.UNABLE_TO_LOCK_ROW, 1);
        r = http.patch("/sobjects/Contact/Nylas_Contact_Id__c/x", Map.of("LastName", "L"));
        assertEquals(400, r.statusCode());
        assertEquals("UNABLE_TO_LOCK_ROW", SfHttp.errorCode(r));
        assertEquals(0, sf.org().count("Contact"), "a faulted write is not applied");
        assertEquals(201, http.patch("/sobjects/Contact/Nylas_Contact_Id__c/x", Map.of("LastName", "L")).statusCode());
    }

    @Test
    void droppedConnection() {
        // a POST, because java.net.http retries an idempotent GET once on a closed connection
        sf.emulator().faults().failNext(FaultInjector.DROP, 1);
        assertThrows(UncheckedIOException.class, () -> http.post("/sobjects/Contact/", Map.of("LastName", "Dropped")));
        assertEquals(0, sf.org().count("Contact"));
        assertEquals(200, http.get("/limits").statusCode());
    }

    @Test
    void latencyIsAdded() {
        sf.emulator().faults().latency(150, 0);
        long t0 = System.nanoTime();
        http.get("/limits");
        assertTrue((System.nanoTime() - t0) / 1_000_000 >= 150);
    }

    @Test
    void seededRatesAreDeterministicAndAdminIsNeverFaulted() {
        List<Integer> first = run(42);
        List<Integer> second = run(42);
        assertEquals(first, second);
        assertTrue(first.contains(503) && first.contains(200), first.toString());
        assertNotEquals(first, run(7));
        sf.emulator().faults().errorRate("500", 1.0);
        assertEquals(200, http.get("/__admin/salesforce/api-usage").statusCode());
        assertEquals(200, http.get("/__admin/faults").statusCode());
    }

    private List<Integer> run(long seed) {
        sf.emulator().faults().reset();
        sf.emulator().faults().seed(seed).errorRate("503", 0.4);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            out.add(http.get("/limits").statusCode());
        }
        return out;
    }

    @Test
    void faultsConfiguredOverTheAdminApi() {
        http.post("/__admin/faults", Map.of("failNext", Map.of("kind", "UNABLE_TO_LOCK_ROW", "count", 1), "pathPattern", "/composite/sobjects"));
        assertEquals(200, http.get("/limits").statusCode());
        HttpResponse<String> r = http.post("/composite/sobjects", Map.of("records", List.of(CollectionsTest.rec("Contact", "LastName", "A"))));
        assertEquals("UNABLE_TO_LOCK_ROW", SfHttp.errorCode(r));
    }
}

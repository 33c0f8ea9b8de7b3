package io.nylassf.connect.common.salesforce;

import io.nylassf.connect.common.config.SalesforceAuthMethod;
import io.nylassf.connect.common.http.ApiException;
import io.nylassf.testkit.http.FaultInjector;
import io.nylassf.testkit.salesforce.Org;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client against the Salesforce emulator over HTTP: auth flows, reads, writes, composite, bulk, errors. */
class SalesforceClientTest {
    static KeyPair keys;
    static SalesforceEmulator sf;

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        keys = g.generateKeyPair();
        sf = SalesforceEmulator.builder()
                .jwtConsumer("jwt-app", (RSAPublicKey) keys.getPublic())
                .clientCredentials("cc-app", "cc-secret", null)
                .refreshToken("rt-app", "rt-token")
                .queryPageSize(50)
                .build().start();
    }

    @AfterAll
    static void stop() {
        sf.close();
    }

    @BeforeEach
    void reset() {
        sf.org().clear();
        sf.faults().reset();
        sf.setApiUsage(0);
    }

    static String pem(KeyPair k) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(k.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    static SalesforceSettings settings(SalesforceAuthMethod m, String clientId, String secret, String key,
                                       String refresh) {
        return new SalesforceSettings(sf.baseUrl(), "v62.0", m, clientId, secret, Org.INTEGRATION_USERNAME, key,
                refresh, Duration.ofSeconds(10), "test-client", false);
    }

    static SalesforceClient cc() {
        return new SalesforceClient(settings(SalesforceAuthMethod.CLIENT_CREDENTIALS, "cc-app", "cc-secret", null,
                null));
    }

    @Test
    void theUserTheClientWritesAsComesFromTheIdentityUrlOrAUserQuery() {
        try (SalesforceClient c = cc()) {
            assertEquals(sf.org().integrationUserId(), c.userId());
            long calls = sf.apiCallCount();
            assertEquals(sf.org().integrationUserId(), c.userId());
            assertEquals(calls, sf.apiCallCount(), "resolved once");
        }
        // a pre-issued token carries no identity URL: the configured username is looked up instead
        String token = sf.issueToken();
        try (SalesforceClient c = new SalesforceClient(settings(SalesforceAuthMethod.CLIENT_CREDENTIALS, "cc-app",
                "cc-secret", null, null), SalesforceAuth.fixed(new AccessToken(token, sf.baseUrl())))) {
            assertEquals(sf.org().integrationUserId(), c.userId());
        }
        assertEquals("005000000000001AAA", new AccessToken("t", "u",
                "https://login.salesforce.com/id/00D000000000001AAA/005000000000001AAA").userId());
        assertEquals(null, new AccessToken("t", "u", "https://example.com/not-an-identity").userId());
    }

    @Test
    void everyAuthFlowGetsAToken() {
        try (SalesforceClient jwt = new SalesforceClient(settings(SalesforceAuthMethod.JWT_BEARER, "jwt-app", null,
                pem(keys), null));
             SalesforceClient rt = new SalesforceClient(settings(SalesforceAuthMethod.REFRESH_TOKEN, "rt-app", null,
                     null, "rt-token"));
             SalesforceClient cc = cc()) {
            for (SalesforceClient c : List.of(jwt, rt, cc)) {
                assertEquals(sf.baseUrl(), c.connect().instanceUrl());
                assertEquals(0, c.query("SELECT Id FROM Contact").size());
            }
        }
    }

    @Test
    void jwtKeyWithEscapedNewlinesFromAJsonConfigIsAccepted() {
        String escaped = pem(keys).replace("\n", "\\n");
        try (SalesforceClient jwt = new SalesforceClient(settings(SalesforceAuthMethod.JWT_BEARER, "jwt-app", null,
                escaped, null))) {
            assertNotNull(jwt.connect());
        }
    }

    @Test
    void badCredentialsAreAuthenticationFailuresWithTheOAuthCode() {
        try (SalesforceClient bad = new SalesforceClient(settings(SalesforceAuthMethod.CLIENT_CREDENTIALS, "cc-app",
                "wrong", null, null))) {
            ApiException e = assertThrows(ApiException.class, bad::connect);
            assertEquals(ApiException.Kind.AUTHENTICATION, e.kind());
            assertEquals("invalid_client", e.errorCode());
            assertFalse(e.getMessage().contains("wrong"), "secret leaked into the message");
        }
        try (SalesforceClient bad = new SalesforceClient(settings(SalesforceAuthMethod.REFRESH_TOKEN, "rt-app", null,
                null, "stale"))) {
            assertEquals("invalid_grant", assertThrows(ApiException.class, bad::connect).errorCode());
        }
    }

    @Test
    void unreachableLoginIsTransient() {
        SalesforceSettings s = new SalesforceSettings("http://127.0.0.1:9", "v62.0",
                SalesforceAuthMethod.CLIENT_CREDENTIALS, "x", "y", null, null, null, Duration.ofSeconds(2), null, false);
        try (SalesforceClient c = new SalesforceClient(s)) {
            assertEquals(ApiException.Kind.TRANSIENT, assertThrows(ApiException.class, c::connect).kind());
        }
    }

    @Test
    void anExpiredTokenIsRefreshedOnceTransparently() {
        try (SalesforceClient c = cc()) {
            c.connect();
            sf.expireAllTokens();
            assertEquals(0, c.query("SELECT Id FROM Lead").size());
        }
    }

    @Test
    void queryFollowsNextRecordsUrl() {
        for (int i = 0; i < 120; i++) {
            sf.org().insert("Lead", Map.of("LastName", "L" + i, "Company", "C"));
        }
        try (SalesforceClient c = cc()) {
            long before = sf.apiCallCount();
            assertEquals(120, c.query("SELECT Id, LastName FROM Lead").size());
            assertEquals(3, sf.apiCallCount() - before, "3 pages of 50");
            assertTrue(c.limits().remaining().isPresent());
        }
    }

    @Test
    void collectionUpsertReportsPerItemResultsAndTagsTheWriter() {
        try (SalesforceClient c = cc()) {
            List<Map<String, Object>> records = new ArrayList<>();
            records.add(record("Nylas_Contact_Id__c", "n1", "LastName", "Ng", "Email", "ng@acme.com"));
            records.add(record("Nylas_Contact_Id__c", "n2", "FirstName", "No last name"));
            List<SaveResult> r = c.composite(List.of(c.upsertRequest("up", "Contact", "Nylas_Contact_Id__c", records,
                    false)), false).get(0).saveResults();
            assertTrue(r.get(0).success());
            assertTrue(r.get(0).created());
            assertFalse(r.get(1).success());
            assertEquals("REQUIRED_FIELD_MISSING", r.get(1).firstError().statusCode());
            assertEquals("test-client", sf.org().lastModifiedClient("Contact", r.get(0).id()));

            List<SaveResult> again = c.composite(List.of(c.upsertRequest("up", "Contact", "Nylas_Contact_Id__c",
                    records.subList(0, 1), false)), false).get(0).saveResults();
            assertFalse(again.get(0).created());
            assertEquals(r.get(0).id(), again.get(0).id());
        }
    }

    @Test
    void duplicateRuleMatchesAreParsed() {
        String existing = sf.org().insert("Contact", Map.of("LastName", "Ng", "Email", "ng@acme.com"));
        try (SalesforceClient c = cc()) {
            List<SaveResult> r = c.composite(List.of(c.createRequest("cr", "Lead", List.of(record("LastName", "Ng",
                    "Company", "Acme", "Email", "ng@acme.com")), false)), false).get(0).saveResults();
            SaveError e = r.get(0).firstError();
            assertTrue(e.isDuplicate(), e.describe());
            assertEquals(List.of(existing), e.duplicateIds());
        }
    }

    @Test
    void compositeCarriesQueriesAndCollectionsInOneCall() {
        sf.org().insert("Account", Map.of("Name", "Acme", "Website", "https://www.acme.com"));
        try (SalesforceClient c = cc()) {
            c.connect();
            List<Map<String, Object>> contacts = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                contacts.add(record("Nylas_Contact_Id__c", "c" + i, "LastName", "P" + i));
            }
            long before = sf.apiCallCount();
            List<CompositeSubresponse> out = c.composite(List.of(
                    c.queryRequest("acc", "SELECT Id, Website FROM Account WHERE Website LIKE "
                            + Soql.likeContains("acme.com")),
                    c.upsertRequest("up1", "Contact", "Nylas_Contact_Id__c", contacts, false),
                    c.upsertRequest("up2", "Lead", "Nylas_Contact_Id__c",
                            List.of(record("Nylas_Contact_Id__c", "l1", "LastName", "Q", "Company", "Z")), false)),
                    false);
            assertEquals(1, sf.apiCallCount() - before);
            assertEquals(1, out.get(0).records().size());
            assertEquals(200, out.get(1).saveResults().stream().filter(SaveResult::success).count());
            assertTrue(out.get(2).saveResults().get(0).created());
            assertEquals(200, sf.org().count("Contact"));
        }
    }

    @Test
    void compositeRejectsMoreThanFiveHeavySubrequests() {
        try (SalesforceClient c = cc()) {
            List<CompositeSubrequest> six = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                six.add(c.queryRequest("q" + i, "SELECT Id FROM Lead"));
            }
            assertThrows(IllegalArgumentException.class, () -> c.composite(six, false));
        }
    }

    @Test
    void errorsAreClassified() {
        try (SalesforceClient c = cc()) {
            c.connect();
            sf.faults().failNext(FaultInjector.UNABLE_TO_LOCK_ROW, 1);
            ApiException lock = assertThrows(ApiException.class, () -> c.query("SELECT Id FROM Lead"));
            assertEquals(ApiException.Kind.TRANSIENT, lock.kind());
            assertEquals("UNABLE_TO_LOCK_ROW", lock.errorCode());

            sf.faults().retryAfterSeconds(7).failNext("503", 1);
            ApiException unavailable = assertThrows(ApiException.class, () -> c.query("SELECT Id FROM Lead"));
            assertEquals(ApiException.Kind.TRANSIENT, unavailable.kind());
            assertEquals(Duration.ofSeconds(7), unavailable.retryAfter().orElseThrow());

            sf.faults().failNext("429", 1);
            assertEquals(ApiException.Kind.RATE_LIMITED,
                    assertThrows(ApiException.class, () -> c.query("SELECT Id FROM Lead")).kind());

            ApiException malformed = assertThrows(ApiException.class, () -> c.query("SELECT Nope FROM Lead"));
            assertEquals(ApiException.Kind.BAD_REQUEST, malformed.kind());

            sf.setApiUsage(sf.dailyApiLimit());
            ApiException limit = assertThrows(ApiException.class, () -> c.query("SELECT Id FROM Lead"));
            assertEquals(ApiException.Kind.LIMIT_EXCEEDED, limit.kind());
            assertEquals(0, c.limits().remaining().orElseThrow());
        }
    }

    @Test
    void limitInfoIsTracked() {
        try (SalesforceClient c = cc()) {
            sf.setApiUsage(100);
            c.query("SELECT Id FROM Lead");
            assertEquals(sf.dailyApiLimit() - 101, c.limits().remaining().orElseThrow());
            c.limitsResource();
            assertEquals(sf.dailyApiLimit(), c.limits().max().orElseThrow());
        }
    }

    @Test
    void bulkUpsertJobRoundTrip() {
        try (SalesforceClient c = cc()) {
            BulkIngestJob job = c.createBulkIngestJob("Lead", "upsert", "Nylas_Contact_Id__c");
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                rows.add(List.of("b" + i, "Name, \"" + i + "\"", i == 7 ? "" : "Co"));
            }
            job.upload(BulkCsv.write(List.of("Nylas_Contact_Id__c", "LastName", "Company"), rows));
            job.uploadComplete();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> job.info().isFinal());
            BulkIngestJob.Info info = job.info();
            assertEquals("JobComplete", info.state());
            assertEquals(1, info.failed());
            assertEquals(29, job.successfulResults().size());
            Map<String, String> failed = job.failedResults().get(0);
            assertEquals("b7", failed.get("Nylas_Contact_Id__c"));
            assertTrue(failed.get("sf__Error").startsWith("REQUIRED_FIELD_MISSING"), failed.toString());
            assertEquals("Name, \"3\"", sf.org().query("SELECT LastName FROM Lead WHERE Nylas_Contact_Id__c = 'b3'")
                    .records().get(0).get("LastName"));
        }
    }

    @Test
    void soqlLiteralsAreEscaped() {
        assertEquals("'O\\'Brien \\\\ Co'", Soql.quote("O'Brien \\ Co"));
        sf.org().insert("Lead", Map.of("LastName", "O'Brien", "Company", "C"));
        try (SalesforceClient c = cc()) {
            assertEquals(1, c.query("SELECT Id FROM Lead WHERE LastName = " + Soql.quote("O'Brien")).size());
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            values.add("value-" + i);
        }
        List<String> clauses = Soql.inClauses("X__c", values, 1000);
        assertTrue(clauses.size() > 1);
        clauses.forEach(cl -> assertTrue(cl.length() <= 1000, cl));
        assertEquals(500, clauses.stream().mapToInt(cl -> cl.split(",").length).sum());
    }

    static Map<String, Object> record(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}

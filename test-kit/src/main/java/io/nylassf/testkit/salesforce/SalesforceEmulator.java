package io.nylassf.testkit.salesforce;

import io.nylassf.testkit.http.EmulatorHttpServer;
import io.nylassf.testkit.http.EmulatorRequest;
import io.nylassf.testkit.http.EmulatorResponse;
import io.nylassf.testkit.http.FaultInjector;

import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Pattern;

/**
 * A stateful emulator of the Salesforce REST API (v62.0 shapes; any {@code vNN.N} path is accepted) for tests:
 * OAuth token grants, sObject CRUD and upsert, sObject Collections, Composite, Bulk API 2.0 ingest, SOQL query
 * with paging, describe, limits and the API-usage header, duplicate rules and injectable faults. The login URL
 * and the instance URL are both {@link #baseUrl()}.
 *
 * <pre>
 * try (SalesforceEmulator sf = SalesforceEmulator.builder().staticToken("t").build().start()) {
 *     String id = sf.org().insert("Contact", Map.of("LastName", "Ng"));
 * }
 * </pre>
 */
public final class SalesforceEmulator implements AutoCloseable {
    public static final String API_VERSION = "v62.0";
    private static final Pattern VERSION = Pattern.compile("v\\d{2,3}\\.\\d");
    private static final int MAX_URI_BYTES = 16_384;

    private final EmulatorHttpServer server;
    private final Org org;
    private final ApiLimits limits;
    private final TokenStore tokens;
    private final OAuthEndpoint oauth;
    private final SalesforceRouter router = new SalesforceRouter();
    private final ScheduledExecutorService background;
    private final String staticToken;
    private final BulkIngestEndpoint bulk;
    private final CompositeEndpoint composite;
    private final QueryEndpoint queries;

    private SalesforceEmulator(Builder b) {
        SalesforceIds ids = new SalesforceIds();
        this.org = new Org(b.clock, ids, API_VERSION);
        this.limits = new ApiLimits(b.dailyApiLimit);
        this.tokens = new TokenStore(b.clock, b.tokenLifetime, org.orgId());
        this.staticToken = b.staticToken;
        List<OAuthEndpoint.JwtConsumer> jwt = new ArrayList<>();
        for (OAuthEndpoint.JwtConsumer c : b.jwtConsumers) {
            c.usernames().forEach(this::ensureUser);
            jwt.add(c);
        }
        b.clientCredentials.forEach(c -> ensureUser(c.username()));
        this.oauth = new OAuthEndpoint(jwt, b.clientCredentials, b.refreshTokens, tokens, this::userId, b.clock, org.orgId());
        this.background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "salesforce-emulator-bulk");
            t.setDaemon(true);
            return t;
        });
        new SObjectEndpoint(org).register(router);
        this.queries = new QueryEndpoint(org, limits, b.queryPageSize);
        queries.register(router);
        new CollectionsEndpoint(org).register(router);
        this.composite = new CompositeEndpoint(org, router);
        composite.register(router);
        this.bulk = new BulkIngestEndpoint(org, ids, limits, b.clock, b.bulkProcessingDelay, background);
        bulk.register(router);
        this.server = new EmulatorHttpServer("salesforce", b.host, b.port, new SalesforceFaults());
        for (String m : List.of("GET", "POST", "PATCH", "PUT", "DELETE")) {
            server.route(m, "/services/data", this::api);
            server.route(m, "/services/data/{rest*}", this::api);
        }
        server.route("POST", "/services/oauth2/token", oauth::token);
        new AdminEndpoint(this).register(server);
    }

    public static Builder builder() {
        return new Builder();
    }

    public SalesforceEmulator start() {
        server.start();
        oauth.baseUrl(server.baseUrl());
        if (staticToken != null) {
            tokens.register(staticToken, org.integrationUserId());
        }
        return this;
    }

    /** Login URL and instance URL, e.g. {@code http://127.0.0.1:54321}. */
    /**
     * The instance URL token responses name, when clients reach the emulator by another address than
     * {@link #baseUrl()} (e.g. from a container through a forwarded port).
     */
    public SalesforceEmulator advertise(String instanceUrl) {
        oauth.baseUrl(instanceUrl);
        return this;
    }

    /** Sets the JWT audience this org accepts (default https://login.salesforce.com; a sandbox: test.salesforce.com). */
    public SalesforceEmulator jwtAudience(String audience) {
        oauth.jwtAudience(audience);
        return this;
    }

    public String baseUrl() { return server.baseUrl(); }
    public int port() { return server.port(); }
    public String apiVersion() { return API_VERSION; }
    public FaultInjector faults() { return server.faults(); }
    public Org org() { return org; }

    /** Invalidates every issued token (the static one included): the next API call gets 401 INVALID_SESSION_ID. */
    public void expireAllTokens() { tokens.expireAll(); }

    /** Registers a caller-chosen token for the integration user (valid for the token lifetime from now). */
    public void registerToken(String token) { tokens.register(token, org.integrationUserId()); }

    /** Issues a fresh valid token for the integration user, as if a grant had just succeeded. */
    public String issueToken() { return tokens.issue(org.integrationUserId()).token(); }

    /**
     * Composite: the next {@code count} subrequests whose URL matches {@code urlRegex} answer 503 SERVER_UNAVAILABLE
     * on their own, while the other subrequests of the same call succeed.
     */
    public void failNextCompositeSubrequests(String urlRegex, int count) { composite.failNextSubrequests(urlRegex, count); }
    /** Bulk API 2.0: time each row takes to process (default none), e.g. to make a job outlast a timeout. */
    public void bulkRowDelay(Duration d) { bulk.rowDelay(d); }
    /** Bulk API 2.0: the next job processed ends Failed after {@code rows} rows; the rest are unprocessed records. */
    public void failNextBulkJobAfter(int rows) { bulk.failNextJobAfter(rows); }
    /** Bulk API 2.0 ingest jobs: id → state (Open, UploadComplete, InProgress, JobComplete, Failed, Aborted). */
    public Map<String, String> bulkJobStates() { return bulk.states(); }

    /** API calls served since start or the last reset (Composite counts once). */
    public long apiCallCount() { return limits.calls(); }
    /** Composite calls that carried at least one write subrequest. */
    public long compositeWriteCalls() { return composite.writeCalls(); }
    /** Composite calls that carried only reads (queries). */
    public long compositeReadCalls() { return composite.readCalls(); }
    /** SOQL statements served since start or the last {@link #clearServedQueries()} (a test's view of lookups). */
    public List<String> servedQueries() { return queries.served(); }
    public void clearServedQueries() { queries.clearServed(); }
    public void resetApiCallCount() { limits.resetCalls(); }
    /** Sets the used part of the daily allocation, e.g. to {@code dailyApiLimit - 1} to test REQUEST_LIMIT_EXCEEDED. */
    public void setApiUsage(long used) { limits.setUsed(used); }
    public long apiUsage() { return limits.used(); }
    public long dailyApiLimit() { return limits.max(); }

    @Override
    public void close() {
        server.close();
        background.shutdownNow();
    }

    private String userId(String username) {
        for (Map<String, Object> u : org.all("User")) {
            if (username.equalsIgnoreCase((String) u.get("Username"))) {
                return (String) u.get("Id");
            }
        }
        return null;
    }

    private void ensureUser(String username) {
        if (userId(username) == null) {
            String local = username.contains("@") ? username.substring(0, username.indexOf('@')) : username;
            org.insert("User", Map.of("Username", username, "Email", username.contains("@") ? username : username + "@example.com",
                    "LastName", local, "Alias", local.length() > 8 ? local.substring(0, 8) : local));
        }
    }

    /** Every {@code /services/data} request: URI size, version, bearer token, daily limit, then the router. */
    private EmulatorResponse api(EmulatorRequest request) {
        int uriBytes = request.path().length() + (request.rawQuery() == null ? 0 : request.rawQuery().length() + 1);
        if (uriBytes > MAX_URI_BYTES) {
            return Json.error(414, "URI_TOO_LONG", "The request URI is longer than " + MAX_URI_BYTES + " bytes.");
        }
        List<String> segments = SalesforceRouter.segments(request.path());
        if (segments.size() == 2) {
            return Json.ok(200, List.of(Map.of("label", "Winter '25", "url", "/services/data/" + API_VERSION, "version", API_VERSION.substring(1))));
        }
        String version = segments.get(2);
        if (!VERSION.matcher(version).matches()) {
            return Json.error(404, "NOT_FOUND", "The requested resource does not exist");
        }
        TokenStore.Session session = tokens.validate(bearer(request));
        if (session == null) {
            return Json.error(401, "INVALID_SESSION_ID", "Session expired or invalid");
        }
        if (!limits.tryConsume()) {
            return Json.error(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.")
                    .header("Sforce-Limit-Info", limits.header());
        }
        EmulatorResponse response;
        if (segments.size() == 3) {
            Map<String, Object> resources = new LinkedHashMap<>();
            for (String r : List.of("sobjects", "query", "queryAll", "composite", "limits", "jobs")) {
                resources.put(r, "/services/data/" + version + "/" + r);
            }
            response = Json.ok(200, resources);
        } else {
            WriteContext ctx = CallHeaders.writeContext(request, session.userId(), true);
            response = router.dispatch(request, version, segments.subList(3, segments.size()), ctx);
        }
        return response.header("Sforce-Limit-Info", limits.header());
    }

    private static String bearer(EmulatorRequest request) {
        String h = request.header("Authorization");
        if (h == null) {
            return null;
        }
        h = h.trim();
        if (h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return h.substring(7).trim();
        }
        if (h.regionMatches(true, 0, "OAuth ", 0, 6)) {
            return h.substring(6).trim();
        }
        return null;
    }

    /** Builder; every option has a default that suits a unit test. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private long dailyApiLimit = 15_000;
        private Duration tokenLifetime = Duration.ofHours(2);
        private Clock clock = Clock.systemUTC();
        private int queryPageSize = 2000;
        private Duration bulkProcessingDelay = Duration.ofMillis(100);
        private String staticToken;
        private final List<OAuthEndpoint.JwtConsumer> jwtConsumers = new ArrayList<>();
        private final List<OAuthEndpoint.ClientCredentials> clientCredentials = new ArrayList<>();
        private final List<OAuthEndpoint.RefreshToken> refreshTokens = new ArrayList<>();

        private Builder() {}

        public Builder host(String host) { this.host = host; return this; }
        /** 0 (the default) picks a free port. */
        public Builder port(int port) { this.port = port; return this; }
        /** Developer Edition: 15,000 calls per 24 h. */
        public Builder dailyApiLimit(long max) { this.dailyApiLimit = max; return this; }
        public Builder tokenLifetime(Duration d) { this.tokenLifetime = d; return this; }
        public Builder clock(Clock clock) { this.clock = clock; return this; }
        /** Records per query page (Salesforce: 2,000); set small in tests to exercise nextRecordsUrl. */
        public Builder queryPageSize(int n) { this.queryPageSize = Math.max(1, n); return this; }
        /** How long a Bulk API 2.0 job takes from UploadComplete to JobComplete. */
        public Builder bulkProcessingDelay(Duration d) { this.bulkProcessingDelay = d; return this; }
        /** A pre-issued token for the integration user, valid from start(). */
        public Builder staticToken(String token) { this.staticToken = token; return this; }

        /** Accept RS256 JWT-bearer assertions from this connected app for these usernames (default: the integration user). */
        public Builder jwtConsumer(String consumerKey, RSAPublicKey publicKey, String... allowedUsernames) {
            Set<String> users = new LinkedHashSet<>(List.of(allowedUsernames));
            if (users.isEmpty()) {
                users.add(Org.INTEGRATION_USERNAME);
            }
            jwtConsumers.add(new OAuthEndpoint.JwtConsumer(consumerKey, publicKey, users));
            return this;
        }

        /** Accept the client-credentials grant, running as {@code integrationUsername}. */
        public Builder clientCredentials(String clientId, String secret, String integrationUsername) {
            clientCredentials.add(new OAuthEndpoint.ClientCredentials(clientId, secret,
                    integrationUsername == null ? Org.INTEGRATION_USERNAME : integrationUsername));
            return this;
        }

        /** Accept the refresh-token grant for this client, running as the integration user. */
        public Builder refreshToken(String clientId, String token) {
            refreshTokens.add(new OAuthEndpoint.RefreshToken(clientId, token, Org.INTEGRATION_USERNAME));
            return this;
        }

        public SalesforceEmulator build() {
            return new SalesforceEmulator(this);
        }
    }
}

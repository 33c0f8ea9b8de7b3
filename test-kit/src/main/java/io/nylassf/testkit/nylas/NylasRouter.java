package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.testkit.http.EmulatorException;
import io.nylassf.testkit.http.EmulatorHttpServer;
import io.nylassf.testkit.http.EmulatorRequest;
import io.nylassf.testkit.http.EmulatorResponse;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * Registers Nylas routes with the checks every call goes through, in Nylas' order: API key, then the grant
 * (unknown → 404, expired → 401 with provider_error), then the rate limit. Also counts calls per endpoint and
 * turns stray exceptions into Nylas-shaped errors.
 */
final class NylasRouter {
    @FunctionalInterface
    interface Handler {
        EmulatorResponse handle(NylasCall call) throws Exception;
    }

    private final EmulatorHttpServer server;
    private volatile byte[] bearer;
    private final GrantStore grants;
    private final RequestCounter counter;
    private final RateLimiter appLimiter;

    NylasRouter(EmulatorHttpServer server, String apiKey, GrantStore grants, RequestCounter counter,
                RateLimiter appLimiter) {
        this.server = server;
        this.bearer = ("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8);
        this.grants = grants;
        this.counter = counter;
        this.appLimiter = appLimiter;
    }

    /** Accept only this key from now on (a rotated or revoked key is refused like an invalid one). */
    void apiKey(String apiKey) {
        this.bearer = ("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8);
    }

    /** An application-level route (grants, webhooks): API key and the per-application limit. */
    void app(String method, String template, Handler handler) {
        String endpoint = method + " " + template;
        server.route(method, template, req -> guarded(req, rid -> {
            counter.count(endpoint);
            authenticate(req, rid);
            long wait = appLimiter.acquire("app");
            if (wait > 0) {
                return NylasErrors.rateLimited(rid, wait, "Too many requests to the application APIs.");
            }
            return handler.handle(new NylasCall(req, rid, null));
        }));
    }

    /** A grant-scoped route: {@code {grantId}} must name a valid grant, then the grant's limiter applies. */
    void grant(String method, String template, RateLimiter limiter, String family, Handler handler) {
        String endpoint = method + " " + template;
        server.route(method, template, req -> guarded(req, rid -> {
            counter.count(endpoint);
            authenticate(req, rid);
            String grantId = req.pathParam("grantId");
            ObjectNode grant = grants.get(grantId);
            if (grant == null) {
                throw NylasErrors.notFound(rid, "Grant " + grantId + " not found.");
            }
            if (!GrantStore.valid(grant)) {
                throw NylasErrors.grantExpired(rid, grantId);
            }
            long wait = limiter.acquire(grantId + "/" + family);
            if (wait > 0) {
                return NylasErrors.rateLimited(rid, wait, "Too many " + family + " requests for this grant.");
            }
            return handler.handle(new NylasCall(req, rid, grant));
        }));
    }

    /** An admin route: no auth, no faults (the shared server skips them under /__admin), same error shapes. */
    void admin(String method, String template, Handler handler) {
        server.route(method, template, req -> guarded(req, rid -> handler.handle(new NylasCall(req, rid, null))));
    }

    private void authenticate(EmulatorRequest req, String rid) {
        String auth = req.header("Authorization");
        if (auth == null) {
            throw NylasErrors.badApiKey(rid);
        }
        if (!MessageDigest.isEqual(bearer, auth.getBytes(StandardCharsets.UTF_8))) {
            throw NylasErrors.badApiKey(rid);
        }
    }

    private interface Body {
        EmulatorResponse run(String requestId) throws Exception;
    }

    private static EmulatorResponse guarded(EmulatorRequest req, Body body) {
        String rid = NylasJson.newUuid();
        try {
            return body.run(rid);
        } catch (EmulatorException e) {
            return e.response();
        } catch (JsonProcessingException e) {
            return NylasErrors.response(400, rid, NylasErrors.INVALID_REQUEST, "Invalid JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            return NylasErrors.response(400, rid, NylasErrors.INVALID_REQUEST, String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NylasErrors.response(500, rid, NylasErrors.INTERNAL, "Interrupted.");
        } catch (Exception e) {
            return NylasErrors.response(500, rid, NylasErrors.INTERNAL, "Emulator error: " + e);
        }
    }
}

package io.nylassf.testkit.nylas;

import io.nylassf.testkit.http.EmulatorResponse;

/**
 * The REST surface every grant-scoped object collection (contacts, events) has: list and create on the base
 * path; get, update and delete on {@code base/{id}}, all under one rate-limit family.
 */
interface ObjectCollectionRoutes {
    EmulatorResponse list(NylasCall call) throws Exception;

    EmulatorResponse create(NylasCall call) throws Exception;

    EmulatorResponse get(NylasCall call) throws Exception;

    EmulatorResponse update(NylasCall call) throws Exception;

    EmulatorResponse delete(NylasCall call) throws Exception;

    default void registerCollection(NylasRouter router, String base, RateLimiter limiter, String family) {
        router.grant("GET", base, limiter, family, this::list);
        router.grant("POST", base, limiter, family, this::create);
        router.grant("GET", base + "/{id}", limiter, family, this::get);
        router.grant("PUT", base + "/{id}", limiter, family, this::update);
        router.grant("DELETE", base + "/{id}", limiter, family, this::delete);
    }
}

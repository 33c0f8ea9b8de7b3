/**
 * HTTP failure classification shared by both API clients: ApiException kinds (transient, rate limited,
 * authentication, limit exceeded, permanent), Retry-After parsing and exponential backoff with jitter. No Connect
 * imports.
 */
package io.nylassf.connect.common.http;

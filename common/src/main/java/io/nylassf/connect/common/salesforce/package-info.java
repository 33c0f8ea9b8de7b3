/**
 * The Salesforce REST client: the {@code SalesforceClient} facade over request builders ({@code SalesforceRequests}),
 * the HTTP exchange ({@code SalesforceHttp}: auth, errors, API limits) and Bulk API 2.0 ingest jobs with their CSV;
 * plus the OAuth flows (client credentials, JWT bearer, refresh token) and SOQL helpers. Depends on OkHttp and
 * Jackson (JSON, CSV); no Connect imports.
 */
package io.nylassf.connect.common.salesforce;

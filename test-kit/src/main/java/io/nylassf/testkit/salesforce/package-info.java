/**
 * A stateful Salesforce REST emulator: OAuth flows, sObjects, Collections, Composite, SOQL, Bulk API 2.0 ingest
 * (its CSV read and written with Jackson CSV, as strictly as Salesforce reads it), duplicate rules, daily limits
 * and error bodies as documented; the org holds the standard fields plus those the docs tell an admin to create.
 * {@code Org} composes the data (tables, write checks, duplicate rules, record locks, change journal),
 * {@code Soql*} parse and run queries, {@code Bulk*} run ingest jobs, {@code *Endpoint} serve HTTP. Depends only
 * on the test kit's {@code http} package, Jackson, Nimbus JOSE (JWT bearer) and JUnit (the extension).
 */
package io.nylassf.testkit.salesforce;

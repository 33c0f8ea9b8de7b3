/**
 * A stateful Salesforce REST emulator: OAuth flows, sObjects, Collections, Composite, SOQL, Bulk API 2.0 ingest
 * (its CSV read and written with Jackson CSV, as strictly as Salesforce reads it), duplicate rules, daily limits
 * and error bodies as documented; the org holds the standard fields plus those the docs tell an admin to create.
 */
package io.nylassf.testkit.salesforce;

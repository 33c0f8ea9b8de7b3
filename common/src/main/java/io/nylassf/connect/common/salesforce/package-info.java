/**
 * The Salesforce REST client: OAuth flows (client credentials, JWT bearer, refresh token), Composite and sObject
 * Collections requests, SOQL helpers, Bulk API 2.0 ingest jobs and the daily API limit read from Sforce-Limit-
 * Info. No Connect imports.
 */
package io.nylassf.connect.common.salesforce;

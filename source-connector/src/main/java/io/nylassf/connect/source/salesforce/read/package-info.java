/**
 * SOQL windows over each object, the fields read, and the integration users whose own writes are not read back.
 * Depends on common's Salesforce client and HTTP errors and on the mapping and offset packages; no Connect API.
 */
package io.nylassf.connect.source.salesforce.read;

/**
 * SOQL windows over each object, the fields read, and the integration users whose own writes are not read back.
 */
package io.nylassf.connect.source.salesforce.read;

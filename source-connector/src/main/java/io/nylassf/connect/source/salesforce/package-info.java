/**
 * The Salesforce source connector: changes to Tasks, Events and Opportunities read by SOQL windows on
 * SystemModstamp, for the outbound direction.
 */
package io.nylassf.connect.source.salesforce;

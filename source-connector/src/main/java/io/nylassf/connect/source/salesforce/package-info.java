/**
 * The Salesforce source connector: changes to Tasks, Events and Opportunities read by SOQL windows on
 * SystemModstamp, for the outbound direction. Depends on common (config, HTTP, metrics, the Salesforce client,
 * schemas, the connector base class), Kafka's config and Connect's source API, and its read, mapping and offset
 * sub-packages; nothing of the Nylas source.
 */
package io.nylassf.connect.source.salesforce;

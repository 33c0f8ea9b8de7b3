/**
 * Config fragments several connectors repeat (the Nylas and Salesforce connections, the Salesforce auth methods),
 * a ConfigDef builder with groups, and shared validators. Depends on Kafka's config API only.
 */
package io.nylassf.connect.common.config;

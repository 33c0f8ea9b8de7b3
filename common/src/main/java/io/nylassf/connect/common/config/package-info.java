/**
 * Config fragments several connectors repeat (the Nylas and Salesforce connections, topics, polling, the task
 * index), the one validator of settings with a fixed set of values ({@link io.nylassf.connect.common.config
 * .ChoiceSetting}), cross-setting validators, a ConfigDef builder with groups, and shared validators. Settings'
 * docs and display names are prose in each module's {@code io/nylassf/connect/settings.properties}, read by
 * {@link io.nylassf.connect.common.config.SettingDocs}. Depends on Kafka's config API only.
 */
package io.nylassf.connect.common.config;

/**
 * Enums for the settings with a fixed set of values (unmatched messages, deleted events, the message target, a
 * Task's What).
 */
package io.nylassf.connect.sink.salesforce.options;

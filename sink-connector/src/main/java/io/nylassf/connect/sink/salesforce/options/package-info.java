/**
 * Enums for the settings with a fixed set of values (unmatched messages, deleted events, the message target, a
 * Task's What), each validated, documented and parsed by its {@code ChoiceSetting}. Depends on common's config
 * package only.
 */
package io.nylassf.connect.sink.salesforce.options;

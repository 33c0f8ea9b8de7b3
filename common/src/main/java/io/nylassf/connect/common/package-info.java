/**
 * Pieces every connector shares: the plugin version and how work (grants, objects) is spread over tasks. Sub-
 * packages hold the API clients, config fragments and schemas; nothing in common depends on a connector module.
 */
package io.nylassf.connect.common;

/**
 * Pieces every connector shares: the plugin version, how work (grants, objects) is spread over tasks and how
 * submitted offsets are checked, and the connector bases (version, exactly-once answers, indexed task configs) the
 * connectors extend. Sub-packages hold the API clients, config fragments and schemas; nothing in
 * common depends on a connector module.
 */
package io.nylassf.connect.common;

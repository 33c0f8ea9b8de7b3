/**
 * Metrics published through Kafka Connect's plugin metrics (KIP-877): one naming scheme for all four connectors,
 * and counters tagged by a bounded set of values. Depends on the Kafka clients metrics API only.
 */
package io.nylassf.connect.common.metrics;

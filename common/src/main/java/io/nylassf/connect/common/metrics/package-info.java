/**
 * JMX registration of per-task metric beans under one naming scheme (type, connector, task).
 */
package io.nylassf.connect.common.metrics;

/**
 * The emulators' HTTP layer on the JDK server, bound to loopback: routing, filters and the fault injector
 * (latency, error rates, one-shot failures, dropped connections).
 */
package io.nylassf.testkit.http;

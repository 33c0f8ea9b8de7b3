/**
 * The emulators' HTTP layer on the JDK server, bound to loopback: routing, filters and the fault injector (latency,
 * error rates, one-shot failures, dropped connections). Depends on the JDK HTTP server and Jackson alone; nothing of
 * either emulator.
 */
package io.nylassf.testkit.http;

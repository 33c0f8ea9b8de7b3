/**
 * A JUnit extension running a real KRaft broker and distributed Connect workers in the test JVM, driven through the
 * REST API, and the packaged plugin installed on their plugin path. Depends on Kafka's embedded Connect cluster and
 * metrics, JUnit's extension API, Awaitility and Jackson; no emulator and no connector code.
 */
package io.nylassf.testkit.connect;

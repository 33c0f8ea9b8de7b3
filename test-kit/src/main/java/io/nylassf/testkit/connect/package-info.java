/**
 * A JUnit extension running a real KRaft broker and distributed Connect workers in the test JVM, driven through
 * the REST API, and the packaged plugin installed on their plugin path.
 */
package io.nylassf.testkit.connect;

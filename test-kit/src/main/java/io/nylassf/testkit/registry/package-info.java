/**
 * An in-process schema registry speaking the Apicurio Registry v2 REST API, so tests run the real Avro
 * converters (which register and fetch schemas over HTTP) without a registry server. Depends on the test kit's
 * HTTP server only.
 */
package io.nylassf.testkit.registry;

/**
 * The local stack behind ./quickstart.sh: a Kafka broker and Connect worker from Maven artifacts, the sandbox
 * emulators, the connectors deployed through the REST API, and a summary of the sync's progress.
 */
package io.nylassf.quickstart;

/**
 * The Nylas sink connector: Salesforce changes become Nylas sends and calendar writes; settings live in the
 * connector config, the send and kickoff groups in SendConfig and KickoffConfig. The task is Connect glue with three
 * helpers here (records to actions, the book of unfinished actions, grant re-checks) and its metrics; decoding,
 * planning and execution live in the record, plan, grant and exec sub-packages. Depends on common (config, HTTP,
 * metrics, the Nylas client, the connector base class, Salesforce id checks), Kafka's config, Connect's sink API
 * and the shared sink.record decoding; nothing in the Salesforce sink.
 */
package io.nylassf.connect.sink.nylas;

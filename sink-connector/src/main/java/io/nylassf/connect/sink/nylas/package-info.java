/**
 * The Nylas sink connector: Salesforce changes become Nylas sends and calendar writes. Settings live
 * in the connector config, the send and kickoff groups in SendConfig and KickoffConfig. The task is Connect glue
 * only; decoding, planning and execution live in the record, plan, grant and exec sub-packages.
 */
package io.nylassf.connect.sink.nylas;

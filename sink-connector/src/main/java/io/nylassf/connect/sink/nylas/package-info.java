/**
 * The Nylas sink connector: Salesforce changes become Nylas sends and calendar writes. The task is Connect glue
 * with three helpers here (records to actions, the book of unfinished actions, grant re-checks); decoding,
 * planning and execution live in the record, plan, grant and exec sub-packages.
 */
package io.nylassf.connect.sink.nylas;

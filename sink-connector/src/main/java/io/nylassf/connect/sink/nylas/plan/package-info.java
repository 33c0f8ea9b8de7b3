/**
 * Pure planning: a decoded Salesforce change becomes one outbound action (send, create, update or delete an event,
 * ignore, refuse), with the rule of who may cause a send. No I/O.
 */
package io.nylassf.connect.sink.nylas.plan;

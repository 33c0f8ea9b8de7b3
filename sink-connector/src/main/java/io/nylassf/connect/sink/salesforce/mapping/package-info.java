/**
 * Pure mapping from Nylas objects to Salesforce fields (Contact, Lead, Task, EmailMessage, Event), the conflict
 * rules (last-write-wins, field ownership) and domain normalisation. No I/O.
 */
package io.nylassf.connect.sink.salesforce.mapping;

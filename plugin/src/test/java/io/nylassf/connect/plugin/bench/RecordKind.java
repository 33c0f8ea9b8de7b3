package io.nylassf.connect.plugin.bench;

import java.util.List;

/** The three kinds of Nylas record the sink writes: topic, and where each lands in Salesforce. */
enum RecordKind {
    CONTACTS("nylas.contacts", List.of("Contact", "Lead"), "Nylas_Contact_Id__c", "Contact"),
    MESSAGES("nylas.messages", List.of("Task"), "Nylas_Message_Id__c", "Task"),
    EVENTS("nylas.events", List.of("Event"), "Nylas_Event_Id__c", "Event");

    /** Input topic (its name tells the sink the kind, as do the schema names). */
    final String topic;
    /** Objects the connector may write a record of this kind to. */
    final List<String> objects;
    /** The external-ID field (on every object above) holding the Nylas id. */
    final String externalId;
    /** The one object the reference writers upsert to (they do no lookups, so no Contact-or-Lead routing). */
    final String referenceObject;

    RecordKind(String topic, List<String> objects, String externalId, String referenceObject) {
        this.topic = topic;
        this.objects = objects;
        this.externalId = externalId;
        this.referenceObject = referenceObject;
    }

    String label() {
        return name().toLowerCase();
    }
}

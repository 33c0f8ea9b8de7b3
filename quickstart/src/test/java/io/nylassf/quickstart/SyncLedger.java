package io.nylassf.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.salesforce.SalesforceEmulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What both sides hold after a run, read from the emulators' own state: the Nylas items with no Salesforce record
 * (lost), Salesforce records standing twice for one Nylas item (duplicated), Salesforce Tasks sent more than once
 * and Salesforce Events created on a calendar more than once.
 */
record SyncLedger(int messagesExpected, int messagesLost, int contactsExpected, int contactsLost,
                  int eventsExpected, int eventsLost, int duplicateRecords, int tasksToSend, int tasksUnsent,
                  int tasksSentTwice, int eventsToWrite, int eventsWrittenTwice) {

    /** Messages with a counterpart outside {@code internalDomain} become Tasks; the connector's own sends link. */
    static SyncLedger read(NylasEmulator nylas, SalesforceEmulator salesforce, List<String> grants,
                           String internalDomain, List<String> tasksSent, List<String> eventsWritten) {
        Set<String> taskMessageIds = new HashSet<>();
        Map<String, Integer> byExternalId = new HashMap<>();
        for (String object : List.of("Task", "Event", "Contact", "Lead")) {
            for (Map<String, Object> r : salesforce.org().all(object)) {
                for (String field : List.of("Nylas_Message_Id__c", "Nylas_Event_Id__c", "Nylas_Contact_Id__c")) {
                    Object v = r.get(field);
                    if (v != null) {
                        byExternalId.merge(object + "/" + field + "/" + v, 1, Integer::sum);
                        if (field.equals("Nylas_Message_Id__c")) {
                            taskMessageIds.add(v.toString());
                        }
                    }
                }
            }
        }
        int duplicates = (int) byExternalId.values().stream().filter(n -> n > 1).count();
        Set<String> eventIds = new HashSet<>();
        salesforce.org().all("Event").forEach(e -> {
            if (e.get("Nylas_Event_Id__c") != null) {
                eventIds.add(e.get("Nylas_Event_Id__c").toString());
            }
        });
        Set<String> personEmails = new HashSet<>();
        for (String object : List.of("Contact", "Lead")) {
            salesforce.org().all(object).forEach(p -> {
                if (p.get("Email") != null) {
                    personEmails.add(p.get("Email").toString().toLowerCase(Locale.ROOT));
                }
            });
        }
        int messages = 0;
        int messagesLost = 0;
        int contacts = 0;
        int contactsLost = 0;
        int events = 0;
        int eventsLost = 0;
        Map<String, Integer> sends = new HashMap<>();
        Map<String, Integer> writes = new HashMap<>();
        for (String g : grants) {
            for (JsonNode m : nylas.messages(g)) {
                String tag = m.path("metadata").path("key1").asText("");
                if (tag.startsWith("sf:")) {
                    continue;
                }
                if (external(m, internalDomain)) {
                    messages++;
                    messagesLost += taskMessageIds.contains(m.path("id").asText()) ? 0 : 1;
                }
            }
            for (JsonNode c : nylas.contacts(g)) {
                contacts++;
                boolean found = false;
                for (JsonNode e : c.path("emails")) {
                    found |= personEmails.contains(e.path("email").asText().toLowerCase(Locale.ROOT));
                }
                contactsLost += found ? 0 : 1;
            }
            for (JsonNode e : nylas.events(g)) {
                String tag = e.path("metadata").path("key1").asText("");
                if (tag.startsWith("sf:")) {
                    writes.merge(tag.substring(3), 1, Integer::sum);
                    continue;
                }
                if ("cancelled".equals(e.path("status").asText())) {
                    continue;
                }
                events++;
                eventsLost += eventIds.contains(e.path("id").asText()) ? 0 : 1;
            }
            for (JsonNode s : nylas.sentMessages(g)) {
                String tag = s.path("metadata").path("key1").asText("");
                if (tag.startsWith("sf:")) {
                    sends.merge(tag.substring(3), 1, Integer::sum);
                }
            }
        }
        int unsent = (int) tasksSent.stream().filter(id -> !sends.containsKey(id)).count();
        int sentTwice = (int) sends.values().stream().filter(n -> n > 1).count();
        int writtenTwice = (int) writes.values().stream().filter(n -> n > 1).count();
        return new SyncLedger(messages, messagesLost, contacts, contactsLost, events, eventsLost, duplicates,
                tasksSent.size(), unsent, sentTwice, eventsWritten.size(), writtenTwice);
    }

    boolean settled() {
        return messagesLost == 0 && contactsLost == 0 && eventsLost == 0 && tasksUnsent == 0;
    }

    private static boolean external(JsonNode m, String internalDomain) {
        List<JsonNode> people = new ArrayList<>();
        for (String f : List.of("from", "to", "cc")) {
            m.path(f).forEach(people::add);
        }
        return people.stream().map(p -> p.path("email").asText("").toLowerCase(Locale.ROOT))
                .anyMatch(e -> e.contains("@") && !e.endsWith("@" + internalDomain));
    }
}

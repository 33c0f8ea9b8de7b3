package io.nylassf.quickstart;

import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.salesforce.SalesforceEmulator;

import java.util.List;

/**
 * How many records each side holds: Salesforce Tasks, Events, Contacts, Leads and Accounts; Nylas messages,
 * sent messages, calendar events and contacts over all grants. Two equal censuses mean nothing was created or sent.
 */
record Census(int tasks, int events, int contacts, int leads, int accounts, int messages, int sent,
              int calendarEvents, int nylasContacts) {

    static Census read(NylasEmulator nylas, SalesforceEmulator salesforce, List<String> grants) {
        var org = salesforce.org();
        int messages = 0;
        int sent = 0;
        int calendarEvents = 0;
        int nylasContacts = 0;
        for (String g : grants) {
            messages += nylas.messages(g).size();
            sent += nylas.sentMessages(g).size();
            calendarEvents += nylas.events(g).size();
            nylasContacts += nylas.contacts(g).size();
        }
        return new Census(org.all("Task").size(), org.all("Event").size(), org.all("Contact").size(),
                org.all("Lead").size(), org.all("Account").size(), messages, sent, calendarEvents, nylasContacts);
    }
}

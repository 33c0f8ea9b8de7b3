package io.nylassf.connect.common.http;

import io.nylassf.connect.common.nylas.NylasCallKind;
import io.nylassf.connect.common.salesforce.SalesforceCallKind;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CallKindTest {
    private static Request get(String url) {
        return new Request.Builder().url(url).build();
    }

    private static Request post(String url) {
        return new Request.Builder().url(url).post(RequestBody.create(new byte[0])).build();
    }

    @Test
    void salesforceCallsByResource() {
        String v = "https://x.my.salesforce.com/services/data/v62.0";
        assertEquals(SalesforceCallKind.TOKEN, SalesforceCallKind.of(post("https://login.salesforce.com/services/oauth2/token")));
        assertEquals(SalesforceCallKind.QUERY, SalesforceCallKind.of(get(v + "/queryAll?q=SELECT+Id+FROM+Task")));
        assertEquals(SalesforceCallKind.QUERY, SalesforceCallKind.of(get(v + "/query/01gxx-2000")));
        assertEquals(SalesforceCallKind.COLLECTIONS, SalesforceCallKind.of(post(v + "/composite/sobjects/Contact/Ext__c")));
        assertEquals(SalesforceCallKind.COMPOSITE, SalesforceCallKind.of(post(v + "/composite")));
        assertEquals(SalesforceCallKind.BULK, SalesforceCallKind.of(get(v + "/jobs/ingest/750x/successfulResults")));
        assertEquals(SalesforceCallKind.SOBJECT, SalesforceCallKind.of(get(v + "/sobjects/Contact/describe")));
        assertEquals(SalesforceCallKind.LIMITS, SalesforceCallKind.of(get(v + "/limits")));
        assertEquals(SalesforceCallKind.OTHER, SalesforceCallKind.of(get("https://x.my.salesforce.com/id/00D/005")));
    }

    @Test
    void nylasCallsByResourceAndDirection() {
        String g = "https://api.us.nylas.com/v3/grants/abc";
        assertEquals(NylasCallKind.MESSAGES_READ, NylasCallKind.of(get(g + "/messages?limit=50")));
        assertEquals(NylasCallKind.SEND, NylasCallKind.of(post(g + "/messages/send")));
        assertEquals(NylasCallKind.EVENTS_READ, NylasCallKind.of(get(g + "/events?calendar_id=primary")));
        assertEquals(NylasCallKind.EVENTS_WRITE, NylasCallKind.of(post(g + "/events?calendar_id=primary")));
        assertEquals(NylasCallKind.CONTACTS_READ, NylasCallKind.of(get(g + "/contacts")));
        assertEquals(NylasCallKind.GRANTS, NylasCallKind.of(get(g)));
        assertEquals(NylasCallKind.GRANTS, NylasCallKind.of(get("https://api.us.nylas.com/v3/grants?limit=200")));
        assertEquals(NylasCallKind.WEBHOOKS, NylasCallKind.of(get("https://api.us.nylas.com/v3/webhooks")));
    }
}

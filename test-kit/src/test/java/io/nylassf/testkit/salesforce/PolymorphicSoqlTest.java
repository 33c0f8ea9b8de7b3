package io.nylassf.testkit.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Polymorphic lookups answer as Salesforce documents them: a plain {@code Who.X} path goes through the {@code Name}
 * entity (whose Email is a user's or queue's, empty for a Contact or Lead), and {@code TYPEOF} reads the fields of
 * the object the reference actually points to.
 */
class PolymorphicSoqlTest {
    @RegisterExtension
    static SalesforceEmulatorExtension sf = new SalesforceEmulatorExtension();

    static String contactTask;
    static String leadTask;
    static String oppTask;

    @BeforeAll
    static void seed() {
        String contact = sf.org().insert("Contact", Map.of("FirstName", "Ada", "LastName", "Lovelace",
                "Email", "ada@acme.example", "Title", "CTO"));
        String lead = sf.org().insert("Lead", Map.of("LastName", "Hopper", "Company", "Navy",
                "Email", "grace@navy.example"));
        String opp = sf.org().insert("Opportunity", Map.of("Name", "Big", "StageName", "Prospecting",
                "CloseDate", "2024-03-01"));
        contactTask = sf.org().insert("Task", Map.of("Subject", "c", "WhoId", contact));
        leadTask = sf.org().insert("Task", Map.of("Subject", "l", "WhoId", lead));
        oppTask = sf.org().insert("Task", Map.of("Subject", "o", "WhatId", opp));
    }

    SfHttp http = SfHttp.of(sf);

    HttpResponse<String> q(String soql) {
        return http.get("/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8));
    }

    JsonNode task(String soql, String id) {
        for (JsonNode r : SfHttp.json(q(soql)).get("records")) {
            if (id.equals(r.get("Id").asText())) {
                return r;
            }
        }
        throw new AssertionError(id + " not in " + soql);
    }

    @Test
    void aPlainWhoPathGoesThroughTheNameEntity() {
        String soql = "SELECT Id, Who.Name, Who.Email, Who.Type, Who.FirstName, Who.Title FROM Task";
        JsonNode c = task(soql, contactTask);
        assertEquals("Ada Lovelace", c.at("/Who/Name").asText());
        assertEquals("Ada", c.at("/Who/FirstName").asText());
        assertEquals("Contact", c.at("/Who/Type").asText());
        assertTrue(c.at("/Who/Email").isNull(), "Name.Email is a user's or queue's email: " + c);
        assertTrue(c.at("/Who/Title").isNull(), "Name.Title is a user's title: " + c);
        assertEquals("Name", c.at("/Who/attributes/type").asText());
        assertEquals("Lead", task(soql, leadTask).at("/Who/Type").asText());
        assertTrue(task(soql, oppTask).get("Who").isNull());
        assertEquals("INVALID_FIELD", SfHttp.errorCode(q("SELECT Who.Company FROM Task")));
        assertEquals("INVALID_FIELD", SfHttp.errorCode(q("SELECT What.StageName FROM Task")));
        // a user's email does come through Name
        String soqlOwner = "SELECT Id, Owner.Email FROM Task";
        assertEquals(sf.org().get("User", sf.org().integrationUserId()).get("Email"),
                task(soqlOwner, contactTask).at("/Owner/Email").asText());
    }

    @Test
    void typeofReadsTheReferencedObjectsFields() {
        String soql = "SELECT Id, TYPEOF Who WHEN Contact THEN Email, Name, Title WHEN Lead THEN Email, Company END, "
                + "Subject FROM Task";
        JsonNode c = task(soql, contactTask);
        assertEquals("ada@acme.example", c.at("/Who/Email").asText());
        assertEquals("Ada Lovelace", c.at("/Who/Name").asText());
        assertEquals("CTO", c.at("/Who/Title").asText());
        assertEquals("Contact", c.at("/Who/attributes/type").asText());
        assertEquals("c", c.get("Subject").asText());
        JsonNode l = task(soql, leadTask);
        assertEquals("grace@navy.example", l.at("/Who/Email").asText());
        assertEquals("Navy", l.at("/Who/Company").asText());
        assertFalse(l.get("Who").has("Title"));
        assertTrue(task(soql, oppTask).get("Who").isNull());
        JsonNode other = task("SELECT Id, TYPEOF What WHEN Account THEN Website ELSE Name END FROM Task", oppTask);
        assertEquals("Big", other.at("/What/Name").asText());
        assertEquals("Opportunity", other.at("/What/attributes/type").asText());
        // the same through queryAll, as the Salesforce source reads its windows
        JsonNode all = SfHttp.json(http.get("/queryAll?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8)));
        assertEquals(3, all.get("totalSize").asInt());
    }

    @Test
    void typeofIsChecked() {
        for (String bad : List.of(
                "SELECT Id, TYPEOF Who WHEN Contact THEN Email FROM Task",
                "SELECT Id, TYPEOF Who WHEN Contact Email END FROM Task",
                "SELECT Id, TYPEOF Who END FROM Task",
                "SELECT Who.Name, TYPEOF Who WHEN Contact THEN Email END FROM Task",
                "SELECT Id, TYPEOF Who WHEN Account THEN Name END FROM Task",
                "SELECT Id, TYPEOF Account WHEN Account THEN Name END FROM Contact",
                "SELECT Id, TYPEOF Who WHEN Contact THEN Email END FROM Task WHERE TYPEOF = 1")) {
            HttpResponse<String> r = q(bad);
            assertEquals(400, r.statusCode(), bad);
            assertEquals("MALFORMED_QUERY", SfHttp.errorCode(r), bad + " -> " + r.body());
        }
        assertEquals("INVALID_FIELD", SfHttp.errorCode(q("SELECT TYPEOF Who WHEN Contact THEN Nope__c END FROM Task")));
        assertEquals("INVALID_FIELD", SfHttp.errorCode(q("SELECT TYPEOF Who WHEN Lead THEN Email ELSE Company END FROM Task")));
    }
}

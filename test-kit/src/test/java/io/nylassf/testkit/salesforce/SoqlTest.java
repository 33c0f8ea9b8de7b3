package io.nylassf.testkit.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoqlTest {
    @RegisterExtension
    static SalesforceEmulatorExtension sf = new SalesforceEmulatorExtension(b -> b.queryPageSize(3));

    static String acme;

    @BeforeAll
    static void seed() {
        acme = sf.org().insert("Account", Map.of("Name", "Acme", "Website", "https://acme.example"));
        String[][] people = {
                {"Ada", "Lovelace", "ada@acme.example", "CTO"},
                {"Alan", "Turing", "alan@acme.example", "Engineer"},
                {"Grace", "Hopper", "grace@navy.example", "Admiral"},
                {"Linus", "O'Brien", "linus@kernel.example", null},
                {"Barbara", "Liskov", "barbara@mit.example", "Professor"},
        };
        for (String[] p : people) {
            Map<String, Object> m = new HashMap<>(Map.of("FirstName", p[0], "LastName", p[1], "Email", p[2]));
            if (p[3] != null) {
                m.put("Title", p[3]);
            }
            if (p[2].endsWith("acme.example")) {
                m.put("AccountId", acme);
            }
            sf.org().insert("Contact", m);
        }
        String grace = (String) sf.org().query("SELECT Id FROM Contact WHERE LastName = 'Hopper'").records().get(0).get("Id");
        sf.org().delete("Contact", grace);
        sf.org().insert("Opportunity", Map.of("Name", "Big", "StageName", "Prospecting", "CloseDate", "2024-03-01", "Amount", 5000));
        sf.org().insert("Opportunity", Map.of("Name", "Small", "StageName", "Closed Won", "CloseDate", "2024-01-15", "Amount", 50.5));
    }

    SfHttp http = SfHttp.of(sf);

    HttpResponse<String> q(String soql) {
        return http.get("/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8));
    }

    List<String> names(String soql) {
        return sf.org().query(soql).records().stream().map(r -> (String) r.get("LastName")).toList();
    }

    @Test
    void relationshipPathFiltersUseTheReferencedFieldsType() {
        String c = sf.org().insert("Contact", Map.of("LastName", "Rel"));
        String open = sf.org().insert("Opportunity", Map.of("Name", "Open", "StageName", "Prospecting",
                "CloseDate", "2026-06-01"));
        String won = sf.org().insert("Opportunity", Map.of("Name", "Won", "StageName", "Closed Won",
                "CloseDate", "2026-01-01"));
        sf.org().insert("OpportunityContactRole", Map.of("OpportunityId", open, "ContactId", c));
        sf.org().insert("OpportunityContactRole", Map.of("OpportunityId", won, "ContactId", c));
        var rows = sf.org().query("SELECT OpportunityId, Opportunity.LastModifiedDate FROM OpportunityContactRole "
                + "WHERE Opportunity.IsClosed = false AND ContactId IN ('" + c + "')").records();
        assertEquals(1, rows.size(), rows.toString());
        assertEquals(open, rows.get(0).get("OpportunityId"));
        sf.org().delete("Contact", c); // the other tests share the seeded org
    }

    @Test
    void operatorsAndBooleanLogic() {
        assertEquals(List.of("Lovelace"), names("select LastName from contact where email = 'ADA@acme.example'"));
        assertEquals(List.of("Lovelace", "Turing"), names("SELECT LastName FROM Contact WHERE Email LIKE '%@acme.%' ORDER BY LastName"));
        assertEquals(List.of("Turing"), names("SELECT LastName FROM Contact WHERE LastName LIKE 'T_ring'"));
        assertEquals(List.of("O'Brien"), names("SELECT LastName FROM Contact WHERE LastName = 'O\\'Brien'"));
        assertEquals(List.of("O'Brien"), names("SELECT LastName FROM Contact WHERE Title = null"));
        assertEquals(List.of("Liskov", "Lovelace", "Turing"), names("SELECT LastName FROM Contact WHERE Title != null ORDER BY LastName"));
        assertEquals(List.of("Liskov", "Turing"), names("SELECT LastName FROM Contact WHERE LastName IN ('Turing', 'liskov') ORDER BY LastName"));
        assertEquals(List.of("Lovelace", "O'Brien"), names("SELECT LastName FROM Contact WHERE LastName NOT IN ('Turing','Liskov') ORDER BY LastName"));
        assertEquals(List.of("Lovelace", "Liskov"), names("SELECT LastName FROM Contact WHERE (FirstName = 'Ada' OR FirstName = 'Barbara') AND NOT LastName = 'x' ORDER BY FirstName"));
        assertEquals(List.of("Liskov", "Lovelace"), names("SELECT LastName FROM Contact WHERE LastName > 'K' AND LastName <= 'Lovelace' ORDER BY LastName"));
        assertEquals(List.of("Big"), sf.org().query("SELECT Name FROM Opportunity WHERE Amount >= 100").records().stream().map(r -> r.get("Name")).toList());
        assertEquals(1, sf.org().query("SELECT Id FROM Opportunity WHERE CloseDate < 2024-02-01 AND IsWon = true").totalSize());
        assertEquals(4, sf.org().query("SELECT Id FROM Contact WHERE CreatedDate > 2020-01-01T00:00:00Z").totalSize());
        assertEquals(4, sf.org().query("SELECT Id FROM Contact WHERE SystemModstamp >= 2020-01-01T00:00:00.000+00:00").totalSize());
        assertEquals(0, sf.org().query("SELECT Id FROM Contact WHERE CreatedDate > 2999-01-01T00:00:00Z").totalSize());
        assertEquals(2, sf.org().query("SELECT Id FROM Contact WHERE AccountId = '" + acme.substring(0, 15) + "'").totalSize());
    }

    @Test
    void orderingLimitOffsetAndCount() {
        assertEquals(List.of("Turing", "O'Brien", "Lovelace", "Liskov"), names("SELECT LastName FROM Contact ORDER BY LastName DESC"));
        assertEquals(List.of("O'Brien", "Lovelace", "Turing", "Liskov"), names("SELECT LastName FROM Contact ORDER BY Title NULLS FIRST, LastName"));
        assertEquals(List.of("Lovelace", "Turing", "Liskov", "O'Brien"), names("SELECT LastName FROM Contact ORDER BY Title ASC NULLS LAST, LastName"));
        assertEquals(List.of("Lovelace", "O'Brien"), names("SELECT LastName FROM Contact ORDER BY LastName LIMIT 2 OFFSET 1"));
        JsonNode count = SfHttp.json(q("SELECT COUNT() FROM Contact WHERE Email LIKE '%acme%'"));
        assertEquals(2, count.get("totalSize").asInt());
        assertEquals(0, count.get("records").size());
    }

    @Test
    void recordsCarryAttributesAndRelationshipFields() {
        JsonNode r = SfHttp.json(q("SELECT Id, LastName, Account.Name FROM Contact WHERE FirstName = 'Ada'"));
        JsonNode rec = r.get("records").get(0);
        assertEquals("Contact", rec.at("/attributes/type").asText());
        assertTrue(rec.at("/attributes/url").asText().startsWith("/services/data/v62.0/sobjects/Contact/003"));
        assertEquals("Acme", rec.at("/Account/Name").asText());
        assertEquals("Account", rec.at("/Account/attributes/type").asText());
        JsonNode none = SfHttp.json(q("SELECT Account.Name FROM Contact WHERE FirstName = 'Linus'")).get("records").get(0);
        assertTrue(none.get("Account").isNull());
    }

    @Test
    void pagingFollowsNextRecordsUrl() {
        JsonNode page = SfHttp.json(q("SELECT Id FROM Contact ORDER BY LastName"));
        assertEquals(4, page.get("totalSize").asInt());
        assertFalse(page.get("done").asBoolean());
        String next = page.get("nextRecordsUrl").asText();
        assertTrue(next.matches("/services/data/v62.0/query/01g[0-9A-Za-z]{15}-3"), next);
        List<String> ids = new ArrayList<>();
        page.get("records").forEach(x -> ids.add(x.get("Id").asText()));
        JsonNode last = SfHttp.json(http.get(next));
        assertTrue(last.get("done").asBoolean());
        assertNull(last.get("nextRecordsUrl"));
        last.get("records").forEach(x -> ids.add(x.get("Id").asText()));
        assertEquals(4, ids.stream().distinct().count());
        assertEquals("INVALID_QUERY_LOCATOR", SfHttp.errorCode(http.get("/query/01gXXXXXXXXXXXXXXX-3")));
    }

    @Test
    void queryAllIncludesDeletedRows() {
        assertEquals(0, SfHttp.json(q("SELECT Id FROM Contact WHERE LastName = 'Hopper'")).get("totalSize").asInt());
        JsonNode all = SfHttp.json(http.get("/queryAll?q=" + URLEncoder.encode("SELECT Id, IsDeleted FROM Contact WHERE LastName = 'Hopper'", StandardCharsets.UTF_8)));
        assertEquals(1, all.get("totalSize").asInt());
        assertTrue(all.at("/records/0/IsDeleted").asBoolean());
    }

    @Test
    void errors() {
        for (String bad : List.of("SELECT FROM Contact", "SELECT Id Contact", "SELECT Id FROM Contact WHERE", "SELECT Id FROM Contact WHERE Name = 'x",
                "SELECT Id FROM Contact WHERE CreatedDate > '2024-01-01'", "SELECT Id FROM Contact LIMIT x", "SELECT Id FROM Contact WHERE Email = 'a\\q'",
                "SELECT Id, (SELECT Id FROM Tasks) FROM Contact", "SELECT Id FROM Contact GROUP BY Id", "SELECT Id, Id FROM Contact")) {
            HttpResponse<String> r = q(bad);
            assertEquals(400, r.statusCode(), bad);
            assertEquals("MALFORMED_QUERY", SfHttp.errorCode(r), bad + " -> " + r.body());
        }
        assertEquals("INVALID_FIELD", SfHttp.errorCode(q("SELECT Nope__c FROM Contact")));
        assertEquals("INVALID_FIELD", SfHttp.errorCode(q("SELECT Id FROM Contact WHERE Nope = 1")));
        assertEquals("INVALID_TYPE", SfHttp.errorCode(q("SELECT Id FROM Nope__c")));
        assertEquals("INVALID_QUERY_FILTER_OPERATOR", SfHttp.errorCode(q("SELECT Id FROM Contact WHERE Id = 'xyz'")));
    }
}

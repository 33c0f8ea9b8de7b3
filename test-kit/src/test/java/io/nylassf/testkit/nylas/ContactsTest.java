package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContactsTest {
    @RegisterExtension
    static NylasEmulatorExtension nylas = new NylasEmulatorExtension();

    /** The example contact of the Nylas contacts recipe. */
    static final String LEYAH = """
            {"birthday":"1960-12-31","company_name":"Nylas",
             "emails":[{"type":"work","email":"leyah.miller@example.com"},{"type":"home","email":"leyah@example.com"}],
             "given_name":"Leyah","groups":[{"id":"starred"},{"id":"friends"}],
             "im_addresses":[{"type":"jabber","im_address":"jabber_at_leyah"}],
             "job_title":"Software Engineer","manager_name":"Nyla","middle_name":"Allison","nickname":"Allie",
             "notes":"Loves ramen","office_location":"123 Main Street",
             "phone_numbers":[{"type":"work","number":"+1-555-555-5555"}],
             "physical_addresses":[{"type":"work","street_address":"123 Main Street","postal_code":"94107",
               "state":"CA","country":"US","city":"San Francisco"}],
             "picture_url":"https://example.com/picture.jpg","source":"address_book","surname":"Miller",
             "web_pages":[{"type":"work","url":"https://example.com"}]}
            """;

    @Test
    void crudKeepsTheDocumentedShape() {
        String g = nylas.emulator().createGrant("contacts@acme.test", "google");
        Api api = new Api(nylas.emulator());
        Api.Resp created = api.post("/v3/grants/" + g + "/contacts", LEYAH);
        assertEquals(200, created.status(), created.body());
        JsonNode c = created.data();
        JsonNode expected = Api.parse(LEYAH);
        expected.fieldNames().forEachRemaining(f -> assertEquals(expected.get(f), c.get(f), f));
        assertEquals("contact", c.path("object").asText());
        assertEquals(g, c.path("grant_id").asText());
        // the documented contact has no timestamps: nothing to order changes by but content and notifications
        assertFalse(c.has("updated_at") || c.has("created_at"), c.toString());
        String id = c.path("id").asText();

        Api.Resp upd = api.put("/v3/grants/" + g + "/contacts/" + id, Map.of("job_title", "CTO",
                "emails", List.of(Map.of("type", "work", "email", "leyah@nylas.test"))));
        assertEquals(200, upd.status());
        assertEquals("CTO", upd.data().path("job_title").asText());
        assertEquals(1, upd.data().path("emails").size());
        assertEquals("Miller", upd.data().path("surname").asText());
        assertFalse(upd.data().has("updated_at"), upd.body());
        assertEquals("CTO", api.get("/v3/grants/" + g + "/contacts/" + id).data().path("job_title").asText());
        assertEquals(200, api.delete("/v3/grants/" + g + "/contacts/" + id).status());
        assertEquals(404, api.get("/v3/grants/" + g + "/contacts/" + id).status());
    }

    @Test
    void pagingDefaultsTo30AndVisitsEachContactOnce() {
        NylasEmulator e = nylas.emulator();
        String g = e.createGrant("book@acme.test", "google");
        for (int i = 0; i < 75; i++) {
            e.addContact(g, Map.of("given_name", "P" + i, "surname", "S",
                    "emails", List.of(Map.of("type", "work", "email", "p" + i + "@acme.test"))));
        }
        Api api = new Api(e);
        Api.Resp page = api.get("/v3/grants/" + g + "/contacts");
        assertEquals(30, page.data().size());
        Set<String> ids = new HashSet<>();
        int pages = 0;
        while (true) {
            pages++;
            page.data().forEach(c -> assertTrue(ids.add(c.path("id").asText())));
            if (!page.json().has("next_cursor")) {
                break;
            }
            page = api.get("/v3/grants/" + g + "/contacts?page_token=" + page.json().path("next_cursor").asText());
        }
        assertEquals(75, ids.size());
        assertEquals(3, pages);
        assertEquals(400, api.get("/v3/grants/" + g + "/contacts?limit=201").status());
    }

    @Test
    void filtersByEmailPhoneGroupAndSource() {
        NylasEmulator e = nylas.emulator();
        String g = e.createGrant("cfilter@acme.test", "google");
        e.addContact(g, Api.parse(LEYAH));
        e.addContact(g, Map.of("given_name", "Inboxy", "source", "inbox",
                "emails", List.of(Map.of("email", "inboxy@acme.test"))));
        Api api = new Api(e);
        String p = "/v3/grants/" + g + "/contacts?";
        assertEquals(1, api.get(p + "email=LEYAH@example.com").data().size());
        assertEquals(0, api.get(p + "email=nobody@example.com").data().size());
        assertEquals(1, api.get(p + "phone_number=%2B1-555-555-5555").data().size());
        assertEquals(1, api.get(p + "group=friends").data().size());
        assertEquals(1, api.get(p).data().size(), "address_book is the default source");
        assertEquals("Inboxy", api.get(p + "source=inbox").data().get(0).path("given_name").asText());
        assertFalse(api.get(p + "source=bogus").status() == 200);
    }
}

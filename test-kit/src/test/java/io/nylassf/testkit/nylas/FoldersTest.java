package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /v3/grants/{id}/folders} as the folders reference documents it. */
class FoldersTest {
    @RegisterExtension
    static NylasEmulatorExtension nylas = new NylasEmulatorExtension(b -> b.rateLimitPerSecond(0));

    @Test
    void googleLabelsHaveReadableSystemIdsAndOtherProvidersOpaqueOnesWithAttributes() {
        NylasEmulator e = nylas.emulator();
        String google = e.createGrant("g" + System.nanoTime() + "@acme.test", "google");
        String microsoft = e.createGrant("m" + System.nanoTime() + "@acme.test", "microsoft");
        Api api = new Api(e);
        Api.Resp labels = api.get("/v3/grants/" + google + "/folders");
        assertEquals(200, labels.status(), labels.body());
        List<String> ids = new ArrayList<>();
        labels.data().forEach(f -> ids.add(f.get("id").asText()));
        assertTrue(ids.containsAll(List.of("INBOX", "SENT", "DRAFT", "SPAM", "TRASH")), ids.toString());
        JsonNode spam = find(labels.data(), "SPAM");
        assertEquals("folder", spam.get("object").asText());
        assertEquals(google, spam.get("grant_id").asText());
        assertEquals("\\Junk", spam.at("/attributes/0").asText());
        assertTrue(spam.get("system_folder").asBoolean());

        String junk = e.folderId(microsoft, "\\Junk");
        assertNotEquals("SPAM", junk);
        JsonNode j = api.get("/v3/grants/" + microsoft + "/folders/" + junk).data();
        assertEquals("Junk Email", j.get("name").asText());
        assertFalse(j.has("system_folder"), "Google only");
        assertTrue(j.has("child_count"), "Microsoft only");
        assertEquals(404, api.get("/v3/grants/" + microsoft + "/folders/nope").status());
    }

    @Test
    void foldersPageWithACursorAndCountTheirMessages() {
        NylasEmulator e = nylas.emulator();
        String g = e.createGrant("p" + System.nanoTime() + "@acme.test", "microsoft");
        String mine = e.addFolder(g, "Receipts");
        e.addMessage(g, NylasMessage.create().subject("r1").folders(mine));
        e.addMessage(g, NylasMessage.create().subject("r2").folders(mine).unread(false));
        Api api = new Api(e);
        Api.Resp first = api.get("/v3/grants/" + g + "/folders?limit=4");
        assertEquals(4, first.data().size());
        Api.Resp second = api.get("/v3/grants/" + g + "/folders?limit=4&page_token="
                + first.json().get("next_cursor").asText());
        assertFalse(second.json().has("next_cursor"), "last page");
        JsonNode receipts = find(second.data(), mine);
        assertEquals("Receipts", receipts.get("name").asText());
        assertEquals(2, receipts.get("total_count").asInt());
        assertEquals(1, receipts.get("unread_count").asInt());
        assertEquals(0, receipts.get("attributes").size(), "a user folder has no system attribute");
        assertEquals(400, api.get("/v3/grants/" + g + "/folders?limit=500").status());
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode f : list) {
            if (f.get("id").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError(id + " not in " + list);
    }
}

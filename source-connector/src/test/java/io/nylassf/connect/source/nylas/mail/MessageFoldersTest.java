package io.nylassf.connect.source.nylas.mail;

import io.nylassf.connect.common.nylas.Folder;
import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.testkit.nylas.MutableClock;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.nylas.NylasMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which folders' mail is skipped, and what telling costs, against the emulator's folders API. */
class MessageFoldersTest {
    static final String FOLDERS = "GET /v3/grants/{grantId}/folders";
    static final ObjectMapper JSON = new ObjectMapper();
    static NylasEmulator nylas;
    static NylasClient client;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    @BeforeAll
    static void start() {
        nylas = NylasEmulator.builder().rateLimitPerSecond(0).build().start();
        client = new NylasClient(nylas.baseUrl(), nylas.apiKey(), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        client.close();
        nylas.close();
    }

    static JsonNode inFolders(String... ids) {
        return JSON.valueToTree(java.util.Map.of("folders", List.of(ids)));
    }

    @Test
    void purposesMatchEveryProvidersSystemFoldersAndOtherEntriesMatchIdsOrNames() {
        SkipFolders rule = new SkipFolders(List.of("spam", "trash", "drafts", "Receipts", "Label_42"));
        assertTrue(rule.matchesId("SPAM") && rule.matchesId("TRASH") && rule.matchesId("DRAFT"), "Google labels");
        assertTrue(rule.matchesId("label_42"));
        assertFalse(rule.matchesId("INBOX"));
        assertTrue(rule.matches(folder("AQMkAD", "Junk Email", "\\Junk")), "Microsoft: by attribute");
        assertTrue(rule.matches(folder("AQMkAE", "Deleted Items", "\\Trash")));
        assertTrue(rule.matches(folder("AQMkAF", "Drafts", "\\Drafts")));
        assertTrue(rule.matches(folder("AQMkAG", "receipts", null)), "by name, any case");
        assertFalse(rule.matches(folder("AQMkAH", "Inbox", "\\Inbox")));
        assertTrue(new SkipFolders(List.of("junk")).matches(folder("x", "Spam", "\\Junk")));
        assertTrue(new SkipFolders(List.of(" ")).isEmpty());
    }

    private static Folder folder(String id, String name, String attribute) {
        var n = JSON.createObjectNode().put("id", id).put("name", name);
        var a = n.putArray("attributes");
        if (attribute != null) {
            a.add(attribute);
        }
        return new Folder(n);
    }

    @Test
    void opaqueFolderIdsAreToldFromTheGrantsFolderListReadOnceAndAgainOnlyForANewFolderAfterTheRefresh() {
        String g = nylas.createGrant("ms" + System.nanoTime() + "@acme.test", "microsoft");
        String junk = nylas.folderId(g, "\\Junk");
        String inbox = nylas.folderId(g, "\\Inbox");
        MessageFolders folders = new MessageFolders(client, new SkipFolders(List.of("spam", "trash", "drafts")),
                clock, Duration.ofHours(1));
        long before = nylas.requestCount(FOLDERS);
        assertTrue(folders.skip(g, inFolders(junk)));
        assertFalse(folders.skip(g, inFolders(inbox)));
        assertTrue(folders.skip(g, inFolders(nylas.folderId(g, "\\Trash"))));
        assertEquals(1, nylas.requestCount(FOLDERS) - before, "one list for the grant");

        String fresh = nylas.addFolder(g, "Projects");
        assertFalse(folders.skip(g, inFolders(fresh)));
        assertFalse(folders.skip(g, inFolders(fresh)));
        assertEquals(1, nylas.requestCount(FOLDERS) - before, "an unknown folder waits for the refresh");
        clock.advance(Duration.ofHours(1));
        assertFalse(folders.skip(g, inFolders(fresh)));
        assertFalse(folders.skip(g, inFolders(fresh)));
        assertEquals(2, nylas.requestCount(FOLDERS) - before, "read again once, then known");
        assertEquals(2, folders.skipped());
        assertEquals(2, folders.listReads());
    }

    @Test
    void googleSystemLabelsNeedNoListAndAnEmptyRuleSkipsNothing() {
        String g = nylas.createGrant("gm" + System.nanoTime() + "@acme.test", "google");
        MessageFolders folders = new MessageFolders(client, new SkipFolders(List.of("spam", "trash", "drafts")),
                clock, Duration.ofHours(1));
        long before = nylas.requestCount(FOLDERS);
        assertTrue(folders.skip(g, inFolders("SPAM")));
        assertTrue(folders.skip(g, inFolders("DRAFT")));
        assertEquals(0, nylas.requestCount(FOLDERS) - before);
        assertFalse(folders.skip(g, inFolders()), "no folders: nothing to tell");
        assertFalse(new MessageFolders(client, new SkipFolders(List.of()), clock, Duration.ofHours(1))
                .skip(g, inFolders("SPAM")));
        nylas.addMessage(g, NylasMessage.create().folders("INBOX"));
    }
}

package io.nylassf.connect.sink.salesforce.files;

import io.nylassf.connect.sink.salesforce.record.NylasAttachment;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttachmentListingTest {
    private static final List<NylasAttachment> FILES = List.of(
            new NylasAttachment("a1", "quote.pdf", "application/pdf", 12_400L, false),
            new NylasAttachment("a2", "logo.png", "image/png", 300L, true),
            new NylasAttachment("a3", "video.mp4", "video/mp4", 4_404_019L, false),
            new NylasAttachment("a4", null, "text/plain", 1L, false));

    @Test
    void listsNamesAndSizesButNotInlineImages() {
        assertEquals("Attachments:\n- quote.pdf (12 KB)\n- video.mp4 (4.2 MB)\n- attachment-a4 (1 byte)",
                AttachmentListing.of(FILES));
        assertNull(AttachmentListing.of(List.of(FILES.get(1))));
        assertNull(AttachmentListing.of(List.of()));
    }

    @Test
    void theListingFollowsTheTextWithinTheLimitCuttingTheText() {
        assertEquals("Hello\n\nAttachments:\n- quote.pdf (12 KB)", AttachmentListing.append("Hello",
                List.of(FILES.get(0)), 32_000));
        assertEquals("Attachments:\n- quote.pdf (12 KB)", AttachmentListing.append(null, List.of(FILES.get(0)), 100));
        assertEquals("Hello", AttachmentListing.append("Hello", List.of(), 100));
        String long32k = "x".repeat(32_000);
        String d = AttachmentListing.append(long32k, List.of(FILES.get(0)), 32_000);
        assertEquals(32_000, d.length());
        assertTrue(d.endsWith("…\n\nAttachments:\n- quote.pdf (12 KB)"), d.substring(d.length() - 60));
    }

    @Test
    void aLongListIsCut() {
        List<NylasAttachment> many = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add(new NylasAttachment("a" + i, "f" + i + ".pdf", "application/pdf", 2_048L, false));
        }
        String s = AttachmentListing.of(many);
        assertEquals(1 + AttachmentListing.MAX_LINES + 1, s.split("\n").length);
        assertTrue(s.endsWith("- … and 10 more"), s);
    }
}

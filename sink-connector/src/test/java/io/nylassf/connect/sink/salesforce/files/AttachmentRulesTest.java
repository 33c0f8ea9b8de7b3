package io.nylassf.connect.sink.salesforce.files;

import io.nylassf.connect.sink.salesforce.files.AttachmentRules.Skip;
import io.nylassf.connect.sink.salesforce.record.NylasAttachment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttachmentRulesTest {
    private final AttachmentRules rules = new AttachmentRules(1_000, List.of("application/pdf", " image/* ",
            "application/vnd.openxmlformats-officedocument.*"), false);

    private static NylasAttachment file(String type, Long size, boolean inline) {
        return new NylasAttachment("a1", "f", type, size, inline);
    }

    @Test
    void anAllowedFileUnderTheCapIsCopied() {
        assertNull(rules.judge(file("application/pdf", 1_000L, false)));
        assertNull(rules.judge(file("Application/PDF; name=\"q.pdf\"", 10L, false)), "case and parameters ignored");
        assertNull(rules.judge(file("image/png", null, false)), "an unknown size is checked once downloaded");
        assertNull(rules.judge(file("application/vnd.openxmlformats-officedocument.wordprocessingml.document", 5L,
                false)));
    }

    @Test
    void inlineImagesOversizedFilesAndOtherTypesAreSkippedWithTheirReason() {
        assertEquals(Skip.INLINE, rules.judge(file("image/png", 10L, true)));
        assertEquals(Skip.TOO_LARGE, rules.judge(file("application/pdf", 1_001L, false)));
        assertEquals(Skip.CONTENT_TYPE, rules.judge(file("application/zip", 10L, false)));
        assertEquals(Skip.CONTENT_TYPE, rules.judge(file(null, 10L, false)));
        assertNull(new AttachmentRules(10, List.of("*"), true).judge(file(null, 10L, true)),
                "* allows any type, inline images when asked for");
    }

    @Test
    void theDownloadedSizeIsCheckedAgain() {
        assertTrue(rules.fits(1_000));
        assertFalse(rules.fits(1_001));
    }
}

package io.nylassf.connect.sink.salesforce.record;

import io.nylassf.connect.common.schema.NylasSchemas;
import io.nylassf.connect.sink.record.Fields;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NylasAttachmentTest {
    @Test
    void readsTheAttachmentsOfAStructOrAMap() {
        Struct s = new Struct(NylasSchemas.MESSAGE).put("grant_id", "g").put("id", "m1")
                .put("change_type", "created").put("observed_via", "window").put("observed_at", new java.util.Date())
                .put("attachments", List.of(new Struct(NylasSchemas.ATTACHMENT).put("id", "a1")
                        .put("filename", "q.pdf").put("content_type", "application/pdf").put("size", 12L)
                        .put("is_inline", true)));
        assertEquals(List.of(new NylasAttachment("a1", "q.pdf", "application/pdf", 12L, true)),
                NylasAttachment.of(Fields.of(s)));
        Map<String, Object> map = Map.of("attachments", List.of(Map.of("id", "a2", "size", 3),
                Map.of("filename", "no id")));
        assertEquals(List.of(new NylasAttachment("a2", null, null, 3L, false)), NylasAttachment.of(Fields.of(map)));
    }

    @Test
    void theKeyIsTheMessageAndAttachmentIdsOrTheirHashWhenLong() {
        NylasAttachment a = new NylasAttachment("a1", "q.pdf", null, null, false);
        assertEquals("m1/a1", a.key("m1"));
        String longKey = new NylasAttachment("a".repeat(200), null, null, null, false).key("m".repeat(100));
        assertTrue(longKey.startsWith("sha256:") && longKey.length() == 71, longKey);
        assertEquals(longKey, new NylasAttachment("a".repeat(200), null, null, null, false).key("m".repeat(100)));
    }
}

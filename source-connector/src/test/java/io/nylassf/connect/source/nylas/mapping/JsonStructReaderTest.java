package io.nylassf.connect.source.nylas.mapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nylassf.connect.common.schema.NylasSchemas;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The schema-driven reading: lenient on odd values, strict on the shape it produces. */
class JsonStructReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonStructReader READER = new JsonStructReader(Set.of(NylasSchemas.CHANGE_TYPE,
            NylasSchemas.MODIFIED_AT, NylasSchemas.OBSERVED_VIA, NylasSchemas.OBSERVED_AT), Map.of());

    @Test
    void mistypedValuesBecomeNullAndOddElementsAreLeftOut() throws Exception {
        Struct s = READER.read(JSON.readTree("""
                {"id":"m1","subject":{"not":"text"},"unread":"yes","date":1718351400,"created_at":[1],
                 "from":[{"email":"a@x.test"},"junk",{"name":"B"}],
                 "headers":[{"value":"no name"},{"name":"Message-Id","value":"<m1>"}],
                 "folders":["INBOX",7,{"id":"f"}],"metadata":{"k":1,"n":null,"o":{"a":1}}}"""),
                NylasSchemas.MESSAGE);
        assertEquals("m1", s.getString("id"));
        assertEquals("", s.getString("grant_id"), "a missing required string reads as empty, never a failure");
        assertNull(s.getString("subject"));
        assertNull(s.getBoolean("unread"));
        assertEquals(new Date(1_718_351_400_000L), s.get("date"));
        assertNull(s.get("created_at"));
        List<Struct> from = s.getArray("from");
        assertEquals(2, from.size());
        assertEquals("a@x.test", from.get(0).getString("email"));
        List<Struct> headers = s.getArray("headers");
        assertEquals(1, headers.size(), "a header without its required name is left out");
        assertEquals(List.of("INBOX", "7", "{\"id\":\"f\"}"), s.getArray("folders"));
        Map<String, String> metadata = s.getMap("metadata");
        assertEquals("1", metadata.get("k"));
        assertNull(metadata.get("n"));
        assertEquals("{\"a\":1}", metadata.get("o"));
    }
}

package io.nylassf.connect.common.salesforce;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Job data as Bulk API 2.0 reads it, and its result files read back by header. */
class BulkCsvTest {
    @Test
    void quotesOnlyWhatNeedsQuotingAndEndsLinesWithLf() {
        String csv = BulkCsv.write(List.of("Id", "Name", "Notes"), List.of(
                Arrays.asList("001000000000001", "Ng, \"Li\"", "two\nlines"),
                Arrays.asList("001000000000002", "#N/A", null)));
        assertEquals("Id,Name,Notes\n"
                + "001000000000001,\"Ng, \"\"Li\"\"\",\"two\nlines\"\n"
                + "001000000000002,#N/A,\n", csv);
    }

    @Test
    void resultRowsAreKeyedByTheHeaderAndShortRowsReadEmpty() {
        List<Map<String, String>> rows = BulkCsv.read("\"sf__Id\",\"sf__Created\",\"Name\"\r\n"
                + "\"001000000000001\",\"true\",\"Ng, \"\"Li\"\"\"\r\n"
                + "\"001000000000002\",\"false\"\r\n");
        assertEquals(Map.of("sf__Id", "001000000000001", "sf__Created", "true", "Name", "Ng, \"Li\""), rows.get(0));
        assertEquals("", rows.get(1).get("Name"));
        assertEquals(List.of(), BulkCsv.read(""));
    }
}

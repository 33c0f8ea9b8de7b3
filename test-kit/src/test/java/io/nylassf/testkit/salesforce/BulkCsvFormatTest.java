package io.nylassf.testkit.salesforce;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BulkCsvFormatTest {
    @Test
    void quotesCommasNewlinesAndEmptyFields() {
        String csv = "Name,Description\r\n\"Acme, Inc.\",\"He said \"\"hi\"\"\nand left\"\nplain,\n\"\",x\n";
        List<List<String>> rows = BulkCsvFormat.parse(csv);
        assertEquals(List.of(List.of("Name", "Description"), List.of("Acme, Inc.", "He said \"hi\"\nand left"),
                List.of("plain", ""), List.of("", "x")), rows);
        assertEquals(rows, BulkCsvFormat.parse(BulkCsvFormat.write(rows)));
    }

    @Test
    void resultFilesQuoteEveryFieldAndEndLinesWithLf() {
        assertEquals("\"sf__Id\",\"sf__Error\",\"Name\"\n\"\",\"E:m --\",\"#N/A\"\n", BulkCsvFormat.write(List.of(
                List.of("sf__Id", "sf__Error", "Name"), Arrays.asList(null, "E:m --", "#N/A"))));
    }

    @Test
    void aByteOrderMarkIsSkippedAndTheNullMarkerIsAValue() {
        assertEquals(List.of(List.of("Id", "Name"), List.of("001000000000001", "#N/A")),
                BulkCsvFormat.parse("\uFEFFId,Name\n001000000000001,#N/A\n"));
    }

    @Test
    void malformedQuotingIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> BulkCsvFormat.parse("a\n\"open"));
        assertThrows(IllegalArgumentException.class, () -> BulkCsvFormat.parse("a\n\"closed\"trailing\n"));
    }
}

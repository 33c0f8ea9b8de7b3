package io.nylassf.testkit.salesforce;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvTest {
    @Test
    void quotesCommasNewlinesAndEmptyFields() {
        String csv = "Name,Description\r\n\"Acme, Inc.\",\"He said \"\"hi\"\"\nand left\"\nplain,\n\"\",x\n";
        List<List<String>> rows = Csv.parse(csv);
        assertEquals(List.of(List.of("Name", "Description"), List.of("Acme, Inc.", "He said \"hi\"\nand left"),
                List.of("plain", ""), List.of("", "x")), rows);
        assertEquals(rows, Csv.parse(Csv.write(rows)));
    }

    @Test
    void unterminatedQuoteIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Csv.parse("a\n\"open"));
    }
}

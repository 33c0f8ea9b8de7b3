package io.nylassf.testkit.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * CSV as Bulk API 2.0 takes and returns it (RFC 4180, comma delimiter): uploads may end records in LF or CRLF and
 * start with a byte-order mark, and are read strictly, so an unterminated quote or text after a closing quote is
 * an error, as Salesforce rejects it. Result files end records in LF and quote every field, as Salesforce's do.
 */
final class BulkCsvFormat {
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
            .enable(CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS)
            .build();
    private static final CsvSchema LF = CsvSchema.emptySchema().withLineSeparator("\n");
    private static final ObjectReader READER = MAPPER.readerForListOf(String.class).with(LF);
    private static final ObjectWriter WRITER = MAPPER.writerFor(List.class).with(LF);

    private BulkCsvFormat() {
    }

    /** Every record, header included; malformed CSV is an {@link IllegalArgumentException}. */
    static List<List<String>> parse(String text) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (MappingIterator<List<String>> rows = READER.readValues(csv)) {
            return rows.readAll();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each row as one quoted record; a null value is written as an empty field. */
    static String write(List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (SequenceWriter w = WRITER.writeValues(out)) {
            for (List<String> row : rows) {
                w.write(row.stream().map(v -> v == null ? "" : v).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}

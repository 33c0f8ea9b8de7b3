package io.nylassf.connect.common.salesforce;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV as Bulk API 2.0 reads and writes it: a header row, comma delimiter, LF line endings, a value quoted only when
 * it holds a comma, quote or line break (quotes doubled inside). An empty cell leaves a field unchanged; the
 * literal {@code #N/A} sets it to null.
 */
public final class BulkCsv {
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();
    private static final CsvSchema LF = CsvSchema.emptySchema().withLineSeparator("\n");
    private static final ObjectWriter WRITER = MAPPER.writerFor(List.class).with(LF);
    private static final ObjectReader READER = MAPPER.readerForListOf(String.class).with(LF);

    private BulkCsv() {
    }

    /** The header row, then each row; a null value is written as an empty cell. */
    public static String write(List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (SequenceWriter w = WRITER.writeValues(out)) {
            w.write(header);
            for (List<String> row : rows) {
                w.write(emptyForNull(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Bulk API CSV", e);
        }
        return out.toString();
    }

    /** Jackson leaves a trailing null out of the row; an empty string keeps every row as wide as the header. */
    private static List<String> emptyForNull(List<String> row) {
        return row.stream().map(v -> v == null ? "" : v).toList();
    }

    /** Rows as maps keyed by the header row; a row shorter than the header reads empty for the missing cells. */
    public static List<Map<String, String>> read(String text) {
        List<List<String>> all;
        try (MappingIterator<List<String>> rows = READER.readValues(text)) {
            all = rows.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable Bulk API CSV", e);
        }
        List<Map<String, String>> out = new ArrayList<>();
        if (all.isEmpty()) {
            return out;
        }
        List<String> header = all.get(0);
        for (List<String> r : all.subList(1, all.size())) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), i < r.size() ? r.get(i) : "");
            }
            out.add(m);
        }
        return out;
    }
}

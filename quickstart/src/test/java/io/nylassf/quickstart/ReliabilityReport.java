package io.nylassf.quickstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes one line of the reliability matrix into {@code docs/reliability.md} when the run asks for it (the
 * {@code chaos} profile sets {@code reliability.report} to the page's path): the block between
 * {@code <!-- BEGIN name -->} and {@code <!-- END name -->} is replaced with the run's figures, so one command
 * refreshes every line and the prose around them stays as written. Without the property nothing is written.
 */
final class ReliabilityReport {
    private ReliabilityReport() {
    }

    static boolean enabled() {
        String path = System.getProperty("reliability.report", "");
        return !path.isBlank();
    }

    /** {@code rows}: "figure | value" pairs, rendered as a two-column table under the run's date and sizes. */
    static void write(String name, String sizes, List<String[]> rows) {
        if (!enabled()) {
            return;
        }
        Path page = Path.of(System.getProperty("reliability.report"));
        StringBuilder block = new StringBuilder();
        block.append("<!-- BEGIN ").append(name).append(" -->\n");
        block.append("Measured ").append(LocalDate.now(ZoneOffset.UTC)).append(" (").append(sizes).append(").\n\n");
        block.append("| figure | value |\n| --- | --- |\n");
        for (String[] r : rows) {
            block.append("| ").append(r[0]).append(" | ").append(r[1]).append(" |\n");
        }
        block.append("<!-- END ").append(name).append(" -->");
        try {
            synchronized (ReliabilityReport.class) {
                String text = Files.readString(page, StandardCharsets.UTF_8);
                String begin = "<!-- BEGIN " + name + " -->";
                String end = "<!-- END " + name + " -->";
                int from = text.indexOf(begin);
                int to = text.indexOf(end);
                if (from < 0 || to < from) {
                    throw new IllegalStateException(page + " has no block " + begin + " ... " + end);
                }
                Files.writeString(page, text.substring(0, from) + block + text.substring(to + end.length()),
                        StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String[] row(String figure, Object value) {
        return new String[]{figure, String.valueOf(value)};
    }
}

package io.nylassf.testkit.salesforce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.SortedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The custom fields the docs tell an admin to create: the table under "Fields an admin creates in the org" in
 * docs/salesforce-sink.md, read at test time so the emulated org and the docs cannot drift apart. A row names its
 * objects ("Contact, Lead", "Task (or EmailMessage)"), the field in backticks and its type ("Text(255), External
 * ID", "Date/Time").
 */
public final class DocumentedFields {
    public static final String HEADING = "## Fields an admin creates in the org";
    private static final Pattern OBJECT = Pattern.compile("[A-Z][A-Za-z]+");
    private static final Pattern TEXT = Pattern.compile("Text\\((\\d+)\\)");

    /** One documented field of one object. */
    public record Field(String sobject, String name, String type) {
        /** The field as the emulator declares it. */
        public FieldDef definition() {
            Matcher text = TEXT.matcher(type);
            if (text.find()) {
                int length = Integer.parseInt(text.group(1));
                return type.contains("External ID") ? FieldDef.externalId(name, length) : FieldDef.text(name, length);
            }
            if (type.startsWith("Date/Time")) {
                return FieldDef.of(name, FieldType.DATETIME);
            }
            throw new IllegalArgumentException("undocumented field type '" + type + "' of " + sobject + "." + name);
        }
    }

    private DocumentedFields() {
    }

    /** Finds docs/salesforce-sink.md from a module's or the project's directory. */
    public static Path docs() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("docs").resolve("salesforce-sink.md");
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("docs/salesforce-sink.md not found above " + Path.of("").toAbsolutePath());
    }

    public static List<Field> read(Path markdown) {
        List<String> lines;
        try {
            lines = Files.readAllLines(markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = lines.indexOf(HEADING);
        if (start < 0) {
            throw new IllegalStateException(markdown + " has no '" + HEADING + "' section");
        }
        List<Field> out = new java.util.ArrayList<>();
        boolean inTable = false;
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            inTable = true;
            String[] cells = line.substring(1).split("\\|");
            if (cells.length < 3 || !cells[1].contains("`")) {
                continue; // header and separator rows
            }
            String name = cells[1].trim().replace("`", "");
            Matcher objects = OBJECT.matcher(cells[0].replace("or ", ""));
            while (objects.find()) {
                out.add(new Field(objects.group(), name, cells[2].trim()));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("the '" + HEADING + "' table in " + markdown + " lists no field");
        }
        return out;
    }

    /** Custom fields by object (lower-case object name), for comparing orgs with the docs. */
    public static Map<String, SortedSet<String>> byObject(List<Field> fields) {
        Map<String, SortedSet<String>> m = new LinkedHashMap<>();
        for (Field f : fields) {
            m.computeIfAbsent(f.sobject().toLowerCase(Locale.ROOT), k -> new TreeSet<>()).add(f.name());
        }
        return m;
    }

    /** The custom ({@code __c}) fields an org has, by lower-case object name; objects without any are left out. */
    public static Map<String, SortedSet<String>> customFields(Org org) {
        Map<String, SortedSet<String>> m = new LinkedHashMap<>();
        for (SObjectSchema s : org.schemas()) {
            for (FieldDef f : s.fields()) {
                if (f.name().endsWith("__c")) {
                    m.computeIfAbsent(s.name().toLowerCase(Locale.ROOT), k -> new TreeSet<>()).add(f.name());
                }
            }
        }
        return m;
    }
}

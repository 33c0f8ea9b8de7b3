package io.nylassf.connect.source.salesforce.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fields read for each SObject: the system fields every window needs, a built-in list for the objects the
 * outbound direction acts on (what the Nylas sink reads: recipients through {@code Who.Email}, read with
 * {@code TYPEOF} from the Contact or Lead, the owner's mailbox through {@code Owner.Email}, who wrote the record
 * through {@code CreatedById} and {@code LastModifiedById}, the external IDs the inbound direction sets), plus
 * configured extras.
 */
public final class ObjectFields {
    /** Read for every object: identity, the watermark, the loop guard and the change type. */
    public static final List<String> SYSTEM = List.of("Id", "IsDeleted", "CreatedDate", "LastModifiedDate",
            "LastModifiedById", "SystemModstamp");

    static final Map<String, List<String>> DEFAULTS = Map.of(
            "task", List.of("Subject", "Description", "Status", "Priority", "Type", "TaskSubtype", "ActivityDate",
                    "WhoId", "WhatId", "OwnerId", "CreatedById", "Who.Email", "Who.Name", "Owner.Email",
                    "Nylas_Message_Id__c"),
            "event", List.of("Subject", "Description", "Location", "StartDateTime", "EndDateTime",
                    "DurationInMinutes", "IsAllDayEvent", "ActivityDate", "ShowAs", "WhoId", "WhatId", "OwnerId",
                    "CreatedById", "Who.Email", "Who.Name", "Owner.Email", "Nylas_Event_Id__c", "IsRecurrence",
                    "RecurrenceActivityId"),
            "opportunity", List.of("Name", "StageName", "CloseDate", "Amount", "IsClosed", "IsWon", "AccountId",
                    "Account.Name", "OwnerId", "CreatedById", "Owner.Email", "Owner.TimeZoneSidKey"));

    private static final String WHO = "Who.";
    /** Objects whose Who is the polymorphic Contact-or-Lead lookup. */
    private static final Set<String> WHO_OBJECTS = Set.of("task", "event");

    private static final Pattern ENTRY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)+");

    private final Map<String, List<String>> extras;

    private ObjectFields(Map<String, List<String>> extras) {
        this.extras = extras;
    }

    /** {@code Object.Field} entries (the field part may itself be a relationship path). */
    public static ObjectFields withExtras(List<String> entries) {
        Map<String, List<String>> extras = new LinkedHashMap<>();
        for (String e : entries) {
            String t = e.trim();
            int dot = t.indexOf('.');
            extras.computeIfAbsent(t.substring(0, dot).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(t.substring(dot + 1));
        }
        return new ObjectFields(extras);
    }

    public static boolean isEntry(String s) {
        return s != null && ENTRY.matcher(s.trim()).matches();
    }

    /**
     * The SELECT list for an object: system fields first, no duplicates (case-insensitive). {@code Who.X} fields
     * (Task, Event) become one {@code TYPEOF Who WHEN Contact THEN X WHEN Lead THEN X END}: Who is polymorphic,
     * and a plain {@code Who.Email} reads the Name entity, whose Email is a user's, not the Contact's or Lead's.
     * The answer still flattens to {@code Who.X} keys.
     */
    public List<String> select(String sobject) {
        String key = sobject.toLowerCase(Locale.ROOT);
        Set<String> seen = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        List<String> who = new ArrayList<>();
        for (List<String> part : List.of(SYSTEM, DEFAULTS.getOrDefault(key, List.of()),
                extras.getOrDefault(key, List.of()))) {
            for (String f : part) {
                if (!seen.add(f.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                if (f.regionMatches(true, 0, WHO, 0, WHO.length()) && WHO_OBJECTS.contains(key)) {
                    who.add(f.substring(WHO.length()));
                } else {
                    out.add(f);
                }
            }
        }
        if (!who.isEmpty()) {
            String list = String.join(", ", who);
            out.add("TYPEOF Who WHEN Contact THEN " + list + " WHEN Lead THEN " + list + " END");
        }
        return out;
    }

    /** For the documentation of the setting. */
    public static String describeDefaults() {
        StringBuilder sb = new StringBuilder();
        for (String o : List.of("task", "event", "opportunity")) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(Character.toUpperCase(o.charAt(0))).append(o.substring(1)).append(": ")
                    .append(String.join(", ", DEFAULTS.get(o)));
        }
        return sb.toString();
    }
}

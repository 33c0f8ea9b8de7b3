package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A master event's {@code recurrence}: RFC 5545 {@code RRULE} and {@code EXDATE} strings, as Nylas takes them
 * ({@code EXRULE} and {@code RDATE} are refused: Nylas does not support them). No RRULE library is available
 * offline, so this implements the subset the tests need: {@code FREQ} DAILY, WEEKLY, MONTHLY (same day of month)
 * and YEARLY, {@code INTERVAL}, {@code COUNT}, {@code UNTIL}, {@code BYDAY} (plain days, with WEEKLY) and
 * {@code WKST=MO}; any other part is a 400 naming it, never silently ignored. Occurrences are generated in the
 * series' own zone (the {@code when}'s start time zone), so a 9:00 meeting stays at 9:00 across DST.
 */
final class Recurrence {
    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter BASIC_LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    /** A bound on generation, so an unbounded rule with a far range cannot spin. */
    private static final int MAX_STEPS = 10_000;

    enum Freq { DAILY, WEEKLY, MONTHLY, YEARLY }

    private final Freq freq;
    private final int interval;
    private final Integer count;
    private final String until;
    private final Set<DayOfWeek> byDay;
    private final List<String> exdates;

    private Recurrence(Freq freq, int interval, Integer count, String until, Set<DayOfWeek> byDay,
                       List<String> exdates) {
        this.freq = freq;
        this.interval = interval;
        this.count = count;
        this.until = until;
        this.byDay = byDay;
        this.exdates = exdates;
    }

    /** The rule of a {@code recurrence} array, null when the array is absent or empty; 400 when malformed. */
    static Recurrence parse(JsonNode recurrence, String rid) {
        if (recurrence == null || recurrence.isNull() || recurrence.isArray() && recurrence.isEmpty()) {
            return null;
        }
        if (!recurrence.isArray()) {
            throw NylasErrors.badRequest(rid, "recurrence must be an array of RRULE and EXDATE strings.");
        }
        String rrule = null;
        List<String> exdates = new ArrayList<>();
        for (JsonNode line : recurrence) {
            if (!line.isTextual()) {
                throw NylasErrors.badRequest(rid, "recurrence must be an array of RRULE and EXDATE strings.");
            }
            String s = line.asText().trim();
            String upper = s.toUpperCase(Locale.ROOT);
            if (upper.startsWith("RRULE:")) {
                if (rrule != null) {
                    throw NylasErrors.badRequest(rid, "recurrence may hold only one RRULE.");
                }
                rrule = s.substring(6);
            } else if (upper.startsWith("EXDATE")) {
                int colon = s.indexOf(':');
                if (colon < 0) {
                    throw NylasErrors.badRequest(rid, "Invalid EXDATE '" + s + "'.");
                }
                for (String d : s.substring(colon + 1).split(",")) {
                    exdates.add(d.trim());
                }
            } else if (upper.startsWith("EXRULE") || upper.startsWith("RDATE")) {
                throw NylasErrors.badRequest(rid, "EXRULE and RDATE are not supported in recurrence.");
            } else {
                throw NylasErrors.badRequest(rid, "Invalid recurrence string '" + s + "'.");
            }
        }
        if (rrule == null) {
            throw NylasErrors.badRequest(rid, "recurrence needs an RRULE.");
        }
        Freq freq = null;
        int interval = 1;
        Integer count = null;
        String until = null;
        Set<DayOfWeek> byDay = EnumSet.noneOf(DayOfWeek.class);
        for (String part : rrule.split(";")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq < 0) {
                throw NylasErrors.badRequest(rid, "Invalid RRULE part '" + p + "'.");
            }
            String key = p.substring(0, eq).trim().toUpperCase(Locale.ROOT);
            String value = p.substring(eq + 1).trim().toUpperCase(Locale.ROOT);
            try {
                switch (key) {
                    case "FREQ" -> freq = Freq.valueOf(value);
                    case "INTERVAL" -> interval = positive(value);
                    case "COUNT" -> count = positive(value);
                    case "UNTIL" -> until = value;
                    case "BYDAY" -> {
                        for (String d : value.split(",")) {
                            byDay.add(day(d.trim()));
                        }
                    }
                    case "WKST" -> {
                        if (!value.equals("MO")) {
                            throw new IllegalArgumentException("WKST other than MO");
                        }
                    }
                    default -> throw new IllegalArgumentException(key);
                }
            } catch (IllegalArgumentException e) {
                throw NylasErrors.badRequest(rid, "Unsupported or invalid RRULE part '" + p + "'.");
            }
        }
        if (freq == null) {
            throw NylasErrors.badRequest(rid, "RRULE needs FREQ.");
        }
        if (count != null && until != null) {
            throw NylasErrors.badRequest(rid, "RRULE may not have both COUNT and UNTIL.");
        }
        if (!byDay.isEmpty() && freq != Freq.WEEKLY) {
            throw NylasErrors.badRequest(rid, "Unsupported or invalid RRULE part 'BYDAY' with FREQ=" + freq + ".");
        }
        Recurrence r = new Recurrence(freq, interval, count, until, byDay, exdates);
        r.untilInstant(ZoneOffset.UTC, rid); // validates UNTIL
        for (String d : exdates) {
            r.exdate(d, ZoneOffset.UTC, rid);
        }
        return r;
    }

    /**
     * The original starts of the occurrences of a series whose first occurrence starts at {@code first}, in
     * {@code zone}, that begin before {@code toExclusive}; EXDATEs removed. COUNT counts from the first occurrence,
     * whatever the range asked.
     */
    List<ZonedDateTime> starts(ZonedDateTime first, ZonedDateTime toExclusive) {
        ZoneId zone = first.getZone();
        ZonedDateTime last = until == null ? null : untilInstant(zone, null);
        Set<Long> excluded = new HashSet<>();
        for (String d : exdates) {
            excluded.add(exdate(d, zone, null).toEpochSecond());
        }
        List<ZonedDateTime> out = new ArrayList<>();
        int emitted = 0;
        for (int step = 0; step < MAX_STEPS; step++) {
            for (ZonedDateTime s : period(first, step)) {
                if (s.isBefore(first)) {
                    continue;
                }
                if (!s.isBefore(toExclusive) || last != null && s.isAfter(last) || count != null && emitted >= count) {
                    return out;
                }
                emitted++;
                if (!excluded.contains(s.toEpochSecond())) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** The candidate starts of the {@code step}-th period after the first, in order. */
    private List<ZonedDateTime> period(ZonedDateTime first, int step) {
        LocalDateTime local = first.toLocalDateTime();
        long n = (long) step * interval;
        return switch (freq) {
            case DAILY -> List.of(ZonedDateTime.of(local.plusDays(n), first.getZone()));
            case MONTHLY -> List.of(ZonedDateTime.of(local.plusMonths(n), first.getZone()));
            case YEARLY -> List.of(ZonedDateTime.of(local.plusYears(n), first.getZone()));
            case WEEKLY -> {
                if (byDay.isEmpty()) {
                    yield List.of(ZonedDateTime.of(local.plusWeeks(n), first.getZone()));
                }
                LocalDate monday = local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                        .plusWeeks(n);
                List<ZonedDateTime> days = new ArrayList<>();
                for (DayOfWeek d : byDay) { // EnumSet iterates Monday first
                    days.add(ZonedDateTime.of(monday.plusDays(d.getValue() - 1L), local.toLocalTime(),
                            first.getZone()));
                }
                yield days;
            }
        };
    }

    /** An occurrence id as Google-backed Nylas grants show them: the master's id and the original start. */
    static String occurrenceId(String masterId, ZonedDateTime originalStart, boolean allDay) {
        return masterId + "_" + (allDay ? originalStart.toLocalDate().format(BASIC_DATE)
                : originalStart.withZoneSameInstant(ZoneOffset.UTC).format(BASIC_LOCAL) + "Z");
    }

    private ZonedDateTime untilInstant(ZoneId zone, String rid) {
        return until == null ? null : dateTime(until, zone, rid, "UNTIL");
    }

    private ZonedDateTime exdate(String d, ZoneId zone, String rid) {
        return dateTime(d, zone, rid, "EXDATE");
    }

    /** {@code yyyyMMdd} (the day's start in the series' zone), {@code yyyyMMddTHHmmss} (local) or with {@code Z}. */
    private static ZonedDateTime dateTime(String v, ZoneId zone, String rid, String what) {
        try {
            if (v.length() == 8) {
                return LocalDate.parse(v, BASIC_DATE).atStartOfDay(zone);
            }
            if (v.endsWith("Z")) {
                return LocalDateTime.parse(v.substring(0, v.length() - 1), BASIC_LOCAL).atZone(ZoneOffset.UTC)
                        .withZoneSameInstant(zone);
            }
            return LocalDateTime.parse(v, BASIC_LOCAL).atZone(zone);
        } catch (DateTimeParseException e) {
            throw NylasErrors.badRequest(rid, "Invalid " + what + " '" + v + "'.");
        }
    }

    private static int positive(String v) {
        int i = Integer.parseInt(v);
        if (i <= 0) {
            throw new IllegalArgumentException(v);
        }
        return i;
    }

    private static DayOfWeek day(String d) {
        return switch (d) {
            case "MO" -> DayOfWeek.MONDAY;
            case "TU" -> DayOfWeek.TUESDAY;
            case "WE" -> DayOfWeek.WEDNESDAY;
            case "TH" -> DayOfWeek.THURSDAY;
            case "FR" -> DayOfWeek.FRIDAY;
            case "SA" -> DayOfWeek.SATURDAY;
            case "SU" -> DayOfWeek.SUNDAY;
            default -> throw new IllegalArgumentException(d); // ordinals (1MO, -1FR) are not implemented
        };
    }
}

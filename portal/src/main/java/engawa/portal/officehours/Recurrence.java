package engawa.portal.officehours;

import engawa.portal.shared.UserFacingException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The recurrence rules office hours speak: RFC 5545 {@code RRULE}s of {@code FREQ=WEEKLY} with
 * {@code INTERVAL} 1 or 2, optional {@code BYDAY}, bounded by {@code COUNT} or {@code UNTIL}
 * (never both, as the RFC says). Occurrences keep their wall-clock time in the series' zone, so a
 * 10:00 Berlin session is 10:00 Berlin time in summer and in winter.
 *
 * @param until the last moment an occurrence may start (UTC), or null with a count
 */
public record Recurrence(int interval, Integer count, Instant until, Set<DayOfWeek> days) {

    /** Two years of weekly sessions: enough for any rhythm a person plans, bounded for the database. */
    public static final int MAX_OCCURRENCES = 104;

    private static final DateTimeFormatter UNTIL_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final DateTimeFormatter UNTIL_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Map<String, DayOfWeek> DAYS = Map.of("MO", DayOfWeek.MONDAY, "TU", DayOfWeek.TUESDAY,
            "WE", DayOfWeek.WEDNESDAY, "TH", DayOfWeek.THURSDAY, "FR", DayOfWeek.FRIDAY, "SA", DayOfWeek.SATURDAY,
            "SU", DayOfWeek.SUNDAY);

    /**
     * @param rule the RRULE's value, with or without the {@code RRULE:} prefix
     * @param zone the series' zone: a date-only UNTIL means the end of that day there
     * @throws UserFacingException naming the field {@code recurrence} and what to fix
     */
    public static Recurrence parse(String rule, ZoneId zone) {
        String text = rule.trim();
        if (text.regionMatches(true, 0, "RRULE:", 0, 6)) {
            text = text.substring(6);
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw invalid("officeHours.recurrence.syntax", part);
            }
            parts.put(part.substring(0, eq).trim().toUpperCase(Locale.ROOT), part.substring(eq + 1).trim().toUpperCase(Locale.ROOT));
        }
        if (!"WEEKLY".equals(parts.remove("FREQ"))) {
            throw invalid("officeHours.recurrence.weekly");
        }
        int interval = 1;
        String intervalText = parts.remove("INTERVAL");
        if (intervalText != null) {
            if (!intervalText.equals("1") && !intervalText.equals("2")) {
                throw invalid("officeHours.recurrence.interval", intervalText);
            }
            interval = Integer.parseInt(intervalText);
        }
        String countText = parts.remove("COUNT");
        String untilText = parts.remove("UNTIL");
        if ((countText == null) == (untilText == null)) {
            throw invalid("officeHours.recurrence.bound");
        }
        Integer count = null;
        Instant until = null;
        if (countText != null) {
            try {
                count = Integer.parseInt(countText);
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count < 1 || count > MAX_OCCURRENCES) {
                throw invalid("officeHours.recurrence.count", MAX_OCCURRENCES);
            }
        } else {
            until = until(untilText, zone);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        String byDay = parts.remove("BYDAY");
        if (byDay != null) {
            for (String day : byDay.split(",")) {
                DayOfWeek d = DAYS.get(day.trim());
                if (d == null) {
                    throw invalid("officeHours.recurrence.day", day);
                }
                days.add(d);
            }
        }
        parts.remove("WKST");
        if (!parts.isEmpty()) {
            throw invalid("officeHours.recurrence.unsupported", String.join(", ", parts.keySet()));
        }
        return new Recurrence(interval, count, until, days);
    }

    private static Instant until(String text, ZoneId zone) {
        try {
            if (text.length() == 8) {
                return LocalDate.parse(text, UNTIL_DATE).atTime(LocalTime.MAX).atZone(zone).toInstant();
            }
            return LocalDateTime.parse(text, UNTIL_UTC).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw invalid("officeHours.recurrence.until", text);
        }
    }

    private static UserFacingException invalid(String key, Object... args) {
        return UserFacingException.invalidField("recurrence", key, args);
    }

    /**
     * The local start of every occurrence, the first included (a first start that is not one of
     * the BYDAY days still counts, as RFC 5545 says of DTSTART).
     *
     * @throws UserFacingException when the rule gives more than {@link #MAX_OCCURRENCES}
     */
    public List<LocalDateTime> expand(LocalDateTime first, ZoneId zone) {
        Set<DayOfWeek> weekdays = days.isEmpty() ? Set.of(first.getDayOfWeek()) : days;
        List<LocalDateTime> starts = new ArrayList<>();
        starts.add(first);
        LocalDate weekStart = first.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (int week = 0; ; week += interval) {
            for (DayOfWeek day : new TreeSet<>(weekdays)) {
                LocalDateTime at = weekStart.plusWeeks(week).with(TemporalAdjusters.nextOrSame(day)).atTime(first.toLocalTime());
                if (!at.isAfter(first)) {
                    continue;
                }
                if (count != null && starts.size() >= count) {
                    return starts;
                }
                if (until != null && at.atZone(zone).toInstant().isAfter(until)) {
                    return starts;
                }
                if (starts.size() >= MAX_OCCURRENCES) {
                    throw invalid("officeHours.recurrence.count", MAX_OCCURRENCES);
                }
                starts.add(at);
            }
        }
    }

    /** The rule as stored and written into calendars. */
    public String rrule() {
        StringBuilder rule = new StringBuilder("FREQ=WEEKLY;INTERVAL=").append(interval);
        if (!days.isEmpty()) {
            rule.append(";BYDAY=").append(String.join(",", days.stream().sorted()
                    .map(d -> d.name().substring(0, 2)).toList()));
        }
        if (count != null) {
            rule.append(";COUNT=").append(count);
        } else {
            rule.append(";UNTIL=").append(UNTIL_UTC.format(until.atOffset(ZoneOffset.UTC)));
        }
        return rule.toString();
    }

    /** The same rhythm, ending before {@code firstExcluded} (the old half of a split series). */
    public Recurrence endingBefore(LocalDateTime firstExcluded, ZoneId zone) {
        return new Recurrence(interval, null, firstExcluded.atZone(zone).toInstant().minusSeconds(1), days);
    }

    /** The same rhythm for what remains after {@code done} occurrences went to an earlier series. */
    public Recurrence remainingAfter(int done) {
        return count == null ? this : new Recurrence(interval, Math.max(1, count - done), null, days);
    }
}

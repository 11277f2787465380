package engawa.portal.recipes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as people type them, year first: {@code 2026-12-24}, {@code 2026/12/24}, {@code 2026/1/5},
 * {@code 2026.12.24}, {@code 2026年12月24日}. Day-first and month-first forms are refused:
 * {@code 01/02/2026} means different days to different readers.
 */
public final class LenientDates {

    private static final Pattern YEAR_FIRST = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

    private LenientDates() {
    }

    public static LocalDate parse(String text) {
        Matcher m = YEAR_FIRST.matcher(text.strip());
        if (!m.matches()) {
            throw new DateTimeParseException("Not a year-first date", text, 0);
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException e) {
            throw new DateTimeParseException("No such day", text, 0, e);
        }
    }
}

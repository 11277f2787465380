package engawa.portal.recipes;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Days an owner names relative to today as a date field's default, so that a deadline is filled
 * in sensibly and the person can run at once: {@code {today}}, {@code {today+7}},
 * {@code {end-of-month}}, {@code {next-monday}} (the next Monday after today).
 */
public final class RelativeDates {

    private static final Pattern TODAY_PLUS = Pattern.compile("\\{today(?:\\+(\\d{1,4}))?}");
    private static final Pattern NEXT_DAY = Pattern.compile("\\{next-([a-z]{6,9})}");

    private RelativeDates() {
    }

    /** True when the text is meant as a relative day, resolvable or not ({@code {me.…}} names the person instead). */
    public static boolean looksRelative(String text) {
        if (text == null) {
            return false;
        }
        String t = text.strip();
        return t.startsWith("{") && t.endsWith("}") && t.indexOf('{', 1) < 0 && !t.startsWith("{me.");
    }

    /** The day the text names, seen from {@code today}; empty when it names none. */
    public static Optional<LocalDate> resolve(String text, LocalDate today) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        Matcher plus = TODAY_PLUS.matcher(t);
        if (plus.matches()) {
            int days = plus.group(1) == null ? 0 : Integer.parseInt(plus.group(1));
            return days > InputLimits.MAX_DAYS ? Optional.empty() : Optional.of(today.plusDays(days));
        }
        if (t.equals("{end-of-month}")) {
            return Optional.of(today.with(TemporalAdjusters.lastDayOfMonth()));
        }
        Matcher next = NEXT_DAY.matcher(t);
        if (next.matches()) {
            try {
                DayOfWeek day = DayOfWeek.valueOf(next.group(1).toUpperCase(Locale.ROOT));
                return Optional.of(today.with(TemporalAdjusters.next(day)));
            } catch (IllegalArgumentException notADay) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}

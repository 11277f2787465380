package engawa.portal.slo;

import engawa.db.slo.SloValues;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The stretch of time an SLO's budget is counted over, as of a moment: the last 7, 28 or 30 days,
 * or the calendar month so far in a time zone.
 *
 * @param from where counting starts
 * @param to the moment it is counted at
 * @param length the whole window: the days of a rolling one, the month's length for a calendar
 *        month (a budget of 0.1% is 0.1% of the month, however far into it we are)
 */
public record SloWindow(Instant from, Instant to, Duration length, boolean calendarMonth) {

    public static SloWindow of(SloValues slo, Instant now) {
        if (!slo.calendarMonth()) {
            Duration length = Duration.ofDays(slo.windowDays());
            return new SloWindow(now.minus(length), now, length, false);
        }
        ZonedDateTime monthStart = now.atZone(ZoneId.of(slo.windowTimeZone())).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
        ZonedDateTime next = monthStart.plusMonths(1);
        return new SloWindow(monthStart.toInstant(), now, Duration.between(monthStart, next), true);
    }

    /** When the window ends: a calendar month at its last moment, a rolling window never (it moves). */
    public Instant monthEnd() {
        return calendarMonth ? from.plus(length) : null;
    }
}

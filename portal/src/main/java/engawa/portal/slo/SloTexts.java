package engawa.portal.slo;

import engawa.db.slo.SloValues;
import java.time.Duration;

/** English wording for event messages and the API's summary, which speak English as the API does. */
public final class SloTexts {

    private SloTexts() {
    }

    public static String windowEnglish(SloValues slo) {
        return slo.calendarMonth() ? "this month" : "the last " + slo.windowDays() + " days";
    }

    /** "1 day 17 hours", "42 minutes", "35 seconds": the two largest units, rounded down. */
    public static String durationEnglish(Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return unit(days, "day") + (hours > 0 ? " " + unit(hours, "hour") : "");
        }
        if (hours > 0) {
            return unit(hours, "hour") + (minutes > 0 ? " " + unit(minutes, "minute") : "");
        }
        if (minutes > 0) {
            return unit(minutes, "minute");
        }
        return unit(d.toSecondsPart(), "second");
    }

    private static String unit(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}

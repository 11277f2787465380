package engawa.db.slo;

import java.math.BigDecimal;

/**
 * What an SLO's owners write.
 *
 * @param objective a ratio strictly between 0 and 1
 * @param windowDays for a rolling window: 7, 28 or 30; null for a calendar month
 * @param windowTimeZone for a calendar month: the zone whose month it is; null for a rolling window
 * @param goodQuery with {@code totalQuery}, the Prometheus counters to pull; both null when measurements are pushed
 */
public record SloValues(String name, String displayName, String description, String goodMeans, BigDecimal objective,
        Integer windowDays, String windowTimeZone, String goodQuery, String totalQuery) {

    public boolean calendarMonth() {
        return windowDays == null;
    }

    public boolean pulled() {
        return goodQuery != null;
    }
}

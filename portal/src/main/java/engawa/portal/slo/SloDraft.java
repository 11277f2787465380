package engawa.portal.slo;

import java.math.BigDecimal;

/**
 * An SLO as its owners write it, in the API and the form.
 *
 * @param objectivePercent e.g. 99.9; more than 0 and less than 100
 * @param window {@code 7d}, {@code 28d}, {@code 30d} (rolling) or {@code month} (calendar month)
 * @param timeZone the month's time zone, for {@code month} only (default UTC)
 * @param goodQuery with {@code totalQuery}: Prometheus counters of good and all events, pulled
 *        every few minutes; both empty when measurements are sent
 */
public record SloDraft(String name, String displayName, String description, String goodMeans,
        BigDecimal objectivePercent, String window, String timeZone, String goodQuery, String totalQuery) {
}

package engawa.portal.slo;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The multiwindow, multi-burn-rate alerts of Google's SRE workbook (chapter 5, "Alerting on SLOs"):
 * a long window says the burn matters, a short one that it is still going on. Page when 1 h and
 * 5 min both burn faster than 14.4 (2% of a 30-day budget in an hour) or 6 h and 30 min faster than
 * 6 (5% in 6 hours); ticket when 1 d and 2 h burn faster than 3 (10% in a day) or 3 d and 6 h
 * faster than 1 (10% in 3 days).
 */
public enum AlertLevel {
    NONE, TICKET, PAGE;

    static final BigDecimal PAGE_FAST = new BigDecimal("14.4");
    static final BigDecimal PAGE_SLOW = new BigDecimal("6");
    static final BigDecimal TICKET_FAST = new BigDecimal("3");
    static final BigDecimal TICKET_SLOW = BigDecimal.ONE;

    /** @param burnRates null where a window has no data: an empty window never fires */
    public static AlertLevel of(Map<BurnWindow, BigDecimal> burnRates) {
        if (both(burnRates, BurnWindow.H1, BurnWindow.M5, PAGE_FAST) || both(burnRates, BurnWindow.H6, BurnWindow.M30, PAGE_SLOW)) {
            return PAGE;
        }
        if (both(burnRates, BurnWindow.D1, BurnWindow.H2, TICKET_FAST) || both(burnRates, BurnWindow.D3, BurnWindow.H6, TICKET_SLOW)) {
            return TICKET;
        }
        return NONE;
    }

    private static boolean both(Map<BurnWindow, BigDecimal> rates, BurnWindow longer, BurnWindow shorter, BigDecimal above) {
        BigDecimal a = rates.get(longer);
        BigDecimal b = rates.get(shorter);
        return a != null && b != null && a.compareTo(above) > 0 && b.compareTo(above) > 0;
    }
}

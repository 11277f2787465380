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

    /**
     * Which alarm is going off, as two windows and the limit both burn above; empty when none is.
     * Told to people so that a state change is explained ("the last hour burned 16x, the last 5
     * minutes 20x; the page needs both above 14.4x").
     */
    public static java.util.Optional<Firing> firing(Map<BurnWindow, BigDecimal> rates) {
        Object[][] pairs = {{BurnWindow.H1, BurnWindow.M5, PAGE_FAST}, {BurnWindow.H6, BurnWindow.M30, PAGE_SLOW},
                {BurnWindow.D1, BurnWindow.H2, TICKET_FAST}, {BurnWindow.D3, BurnWindow.H6, TICKET_SLOW}};
        for (Object[] pair : pairs) {
            BurnWindow longer = (BurnWindow) pair[0];
            BurnWindow shorter = (BurnWindow) pair[1];
            BigDecimal limit = (BigDecimal) pair[2];
            if (both(rates, longer, shorter, limit)) {
                return java.util.Optional.of(new Firing(longer, shorter, limit, rates.get(longer), rates.get(shorter)));
            }
        }
        return java.util.Optional.empty();
    }

    /** An alarm that is going off: both windows burn faster than the limit. */
    public record Firing(BurnWindow longer, BurnWindow shorter, BigDecimal limit, BigDecimal longerRate,
            BigDecimal shorterRate) {
    }

    /** The fastest alarm's limit, for saying how far a healthy burn is from it. */
    public static BigDecimal pageLimit() {
        return PAGE_FAST;
    }

    private static boolean both(Map<BurnWindow, BigDecimal> rates, BurnWindow longer, BurnWindow shorter, BigDecimal above) {
        BigDecimal a = rates.get(longer);
        BigDecimal b = rates.get(shorter);
        return a != null && b != null && a.compareTo(above) > 0 && b.compareTo(above) > 0;
    }
}

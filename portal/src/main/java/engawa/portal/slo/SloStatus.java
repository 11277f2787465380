package engawa.portal.slo;

import engawa.portal.catalog.SloState;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * An SLO's numbers at one moment, all exact decimals from whole event counts.
 *
 * @param achieved good / total over the window; null without data
 * @param budgetEvents the error budget: (1 - objective) x total events in the window
 * @param consumedEvents the bad events in the window
 * @param remainingEvents budget minus bad events, never below zero (see {@code overspentEvents})
 * @param overspentEvents bad events beyond the budget, zero while there is budget left
 * @param remainingShare the share of the budget left, 0 to 1; null without data
 * @param budgetTime the whole budget as time: (1 - objective) x the window's length
 * @param remainingTime the budget left as time: remainingShare x budgetTime
 * @param burnRates observed error ratio / (1 - objective) per window; null where a window has no data
 * @param exhaustedIn how long the budget lasts at the last hour's burn rate; null when it is not
 *        burning (or already spent)
 */
public record SloStatus(SloWindow window, BigDecimal objective, long good, long total, BigDecimal achieved,
        BigDecimal budgetEvents, long consumedEvents, BigDecimal remainingEvents, BigDecimal overspentEvents,
        BigDecimal remainingShare, Duration budgetTime, Duration remainingTime, Map<BurnWindow, BigDecimal> burnRates,
        AlertLevel alert, SloState state, Duration exhaustedIn) {

    public boolean hasData() {
        return achieved != null;
    }

    /** At risk because little budget is left (rather than because it is being spent too fast). */
    public boolean littleLeft() {
        return remainingShare != null && remainingShare.compareTo(BudgetMath.AT_RISK_SHARE) < 0;
    }

    /** The alarm that set the state, when one did. */
    public java.util.Optional<AlertLevel.Firing> firing() {
        return AlertLevel.firing(burnRates);
    }

    /**
     * Measurements stopped: the window has data, the last five minutes none. The alarms need the
     * short windows, so the state can look better than it is.
     */
    public boolean silent() {
        return hasData() && burnRates.get(BurnWindow.M5) == null;
    }

    /** The share of the budget left in percent (0 to 100); null without data. */
    public BigDecimal remainingPercent() {
        return remainingShare == null ? null : remainingShare.movePointRight(2);
    }
}

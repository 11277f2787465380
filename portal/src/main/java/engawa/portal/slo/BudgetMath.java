package engawa.portal.slo;

import engawa.portal.catalog.SloState;
import engawa.db.slo.Counts;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Error budgets and burn rates from event counts (budgeting by occurrences). Products and
 * differences of the counts and the objective are exact; only the quotients (ratios, shares,
 * burn rates) are rounded, to 16 significant digits.
 */
public final class BudgetMath {

    static final MathContext QUOTIENT = MathContext.DECIMAL64;
    /** A quarter of the budget: below it an SLO is at risk even without an alert. */
    static final BigDecimal AT_RISK_SHARE = new BigDecimal("0.25");

    private BudgetMath() {
    }

    /**
     * @param windowCounts the events in the budget window
     * @param burnCounts the events of each burn-rate window
     */
    public static SloStatus status(BigDecimal objective, SloWindow window, Counts windowCounts,
            Map<BurnWindow, Counts> burnCounts) {
        BigDecimal allowedRatio = BigDecimal.ONE.subtract(objective);
        Duration budgetTime = times(window.length(), allowedRatio);
        Map<BurnWindow, BigDecimal> rates = new EnumMap<>(BurnWindow.class);
        for (BurnWindow w : BurnWindow.values()) {
            rates.put(w, burnRate(burnCounts.getOrDefault(w, Counts.NONE), allowedRatio));
        }
        AlertLevel alert = AlertLevel.of(rates);
        if (windowCounts.total() == 0) {
            return new SloStatus(window, objective, 0, 0, null, BigDecimal.ZERO, 0, BigDecimal.ZERO, BigDecimal.ZERO, null,
                    budgetTime, null, rates, alert, SloState.NO_DATA, null);
        }
        long total = windowCounts.total();
        long bad = windowCounts.bad();
        BigDecimal achieved = BigDecimal.valueOf(windowCounts.good()).divide(BigDecimal.valueOf(total), QUOTIENT);
        BigDecimal budget = allowedRatio.multiply(BigDecimal.valueOf(total));
        BigDecimal left = budget.subtract(BigDecimal.valueOf(bad));
        BigDecimal remaining = left.max(BigDecimal.ZERO);
        BigDecimal overspent = left.negate().max(BigDecimal.ZERO);
        BigDecimal share = remaining.signum() == 0 ? BigDecimal.ZERO : remaining.divide(budget, QUOTIENT);
        Duration remainingTime = times(budgetTime, share);
        SloState state = state(share, alert);
        BigDecimal hourRate = rates.get(BurnWindow.H1);
        Duration exhaustedIn = null;
        if (share.signum() > 0 && hourRate != null && hourRate.signum() > 0) {
            // at burn rate b, the whole budget lasts window / b; what is left lasts share x that
            exhaustedIn = times(window.length(), share.divide(hourRate, QUOTIENT));
        }
        return new SloStatus(window, objective, windowCounts.good(), total, achieved, budget, bad, remaining, overspent,
                share, budgetTime, remainingTime, rates, alert, state, exhaustedIn);
    }

    static SloState state(BigDecimal share, AlertLevel alert) {
        if (share.signum() == 0) {
            return SloState.SPENT;
        }
        if (alert == AlertLevel.PAGE) {
            return SloState.BURNING_FAST;
        }
        if (alert == AlertLevel.TICKET || share.compareTo(AT_RISK_SHARE) < 0) {
            return SloState.AT_RISK;
        }
        return SloState.HEALTHY;
    }

    /** (bad / total) / (1 - objective) = bad / (total x (1 - objective)); null without events. */
    static BigDecimal burnRate(Counts counts, BigDecimal allowedRatio) {
        if (counts.total() == 0) {
            return null;
        }
        return BigDecimal.valueOf(counts.bad()).divide(allowedRatio.multiply(BigDecimal.valueOf(counts.total())), QUOTIENT);
    }

    /** A duration times a factor, to the millisecond (rounded down: time left is never told longer than it is). */
    static Duration times(Duration length, BigDecimal factor) {
        BigDecimal millis = BigDecimal.valueOf(length.toMillis()).multiply(factor).setScale(0, RoundingMode.FLOOR);
        return Duration.ofMillis(millis.longValueExact());
    }
}

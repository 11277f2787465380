package engawa.portal.slo;

import engawa.portal.catalog.SloState;
import static org.assertj.core.api.Assertions.assertThat;

import engawa.db.slo.Counts;
import engawa.db.slo.SloValues;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Error budgets, burn rates and the workbook's alerts against worked examples and properties. */
class BudgetMathTest {

    static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    static final BigDecimal THREE_NINES = new BigDecimal("0.999");

    static SloWindow days(int days) {
        return SloWindow.of(new SloValues("x", null, null, "good", THREE_NINES, days, null, null, null), NOW);
    }

    static Map<BurnWindow, Counts> steady(long total, long bad) {
        Map<BurnWindow, Counts> burn = new EnumMap<>(BurnWindow.class);
        for (BurnWindow w : BurnWindow.values()) {
            burn.put(w, new Counts(total - bad, total, 1));
        }
        return burn;
    }

    @Test
    void a_month_of_three_nines_is_43_minutes_of_budget_and_half_of_it_spent_leaves_21_and_a_half() {
        // 30 days x 0.1% = 43.2 minutes; 1,000,000 events allow 1,000 bad ones
        SloStatus status = BudgetMath.status(THREE_NINES, days(30), new Counts(999_500, 1_000_000, 8640), steady(1000, 0));
        assertThat(status.budgetTime()).isEqualTo(Duration.ofSeconds(2592));
        assertThat(status.budgetEvents()).isEqualByComparingTo("1000");
        assertThat(status.consumedEvents()).isEqualTo(500);
        assertThat(status.remainingEvents()).isEqualByComparingTo("500");
        assertThat(status.remainingShare()).isEqualByComparingTo("0.5");
        assertThat(status.remainingTime()).isEqualTo(Duration.ofSeconds(1296));
        assertThat(status.achieved()).isEqualByComparingTo("0.9995");
        assertThat(status.state()).isEqualTo(SloState.HEALTHY);
    }

    @Test
    void the_budget_is_exact_for_counts_that_do_not_divide_evenly() {
        SloStatus status = BudgetMath.status(THREE_NINES, days(28), new Counts(12_340, 12_345, 10), steady(10, 0));
        assertThat(status.budgetEvents()).isEqualByComparingTo("12.345");
        assertThat(status.remainingEvents()).isEqualByComparingTo("7.345");
    }

    @Test
    void the_remaining_budget_is_never_shown_below_zero_but_the_overspend_is_told() {
        SloStatus status = BudgetMath.status(THREE_NINES, days(30), new Counts(997_000, 1_000_000, 8640), steady(1000, 3));
        assertThat(status.remainingEvents()).isEqualByComparingTo("0");
        assertThat(status.remainingShare()).isEqualByComparingTo("0");
        assertThat(status.remainingTime()).isEqualTo(Duration.ZERO);
        assertThat(status.overspentEvents()).isEqualByComparingTo("2000");
        assertThat(status.state()).isEqualTo(SloState.SPENT);
        assertThat(status.exhaustedIn()).isNull();
    }

    @Test
    void remaining_budget_is_never_negative_for_any_counts() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            long total = 1 + random.nextInt(1_000_000);
            long good = random.nextLong(total + 1);
            BigDecimal objective = new BigDecimal(random.nextInt(1, 9999)).movePointLeft(4);
            SloStatus status = BudgetMath.status(objective, days(7), new Counts(good, total, 1), steady(total, total - good));
            assertThat(status.remainingEvents().signum()).isGreaterThanOrEqualTo(0);
            assertThat(status.remainingShare()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
            assertThat(status.remainingTime()).isBetween(Duration.ZERO, status.budgetTime());
        }
    }

    @Test
    void a_steady_burn_rate_of_one_spends_exactly_the_whole_budget_over_the_window() {
        // every 5-minute slice of 30 days has 1,000 events and 1 bad: exactly the 0.1% allowed
        long slices = 30 * 288;
        SloStatus status = BudgetMath.status(THREE_NINES, days(30), new Counts(slices * 999, slices * 1000, slices),
                steady(1000, 1));
        assertThat(status.burnRates().values()).allSatisfy(rate -> assertThat(rate).isEqualByComparingTo("1"));
        assertThat(status.consumedEvents()).isEqualTo(slices);
        assertThat(status.budgetEvents()).isEqualByComparingTo(BigDecimal.valueOf(slices));
        assertThat(status.remainingEvents()).isEqualByComparingTo("0");
        assertThat(status.overspentEvents()).isEqualByComparingTo("0");
        assertThat(status.state()).isEqualTo(SloState.SPENT);
    }

    @Test
    void at_half_the_budget_and_a_burn_rate_of_one_the_rest_lasts_half_the_window() {
        SloStatus status = BudgetMath.status(THREE_NINES, days(30), new Counts(999_500, 1_000_000, 8640), steady(1000, 1));
        assertThat(status.exhaustedIn()).isEqualTo(Duration.ofDays(15));
    }

    @Test
    void burn_rate_is_the_error_ratio_over_the_allowed_ratio() {
        assertThat(BudgetMath.burnRate(new Counts(9856, 10_000, 1), new BigDecimal("0.001"))).isEqualByComparingTo("14.4");
        assertThat(BudgetMath.burnRate(new Counts(0, 0, 0), new BigDecimal("0.001"))).isNull();
    }

    @Test
    void the_workbook_pages_when_one_hour_and_five_minutes_both_burn_above_14_4() {
        Map<BurnWindow, BigDecimal> rates = rates("0");
        rates.put(BurnWindow.H1, new BigDecimal("14.5"));
        rates.put(BurnWindow.M5, new BigDecimal("14.5"));
        assertThat(AlertLevel.of(rates)).isEqualTo(AlertLevel.PAGE);
        // exactly at the threshold does not fire ("above"), nor does the long window alone
        rates.put(BurnWindow.M5, new BigDecimal("14.4"));
        assertThat(AlertLevel.of(rates)).isEqualTo(AlertLevel.NONE);
        // a short window without data never fires
        rates.put(BurnWindow.M5, null);
        assertThat(AlertLevel.of(rates)).isEqualTo(AlertLevel.NONE);
    }

    @Test
    void the_workbook_pages_when_six_hours_and_thirty_minutes_both_burn_above_6() {
        Map<BurnWindow, BigDecimal> rates = rates("0");
        rates.put(BurnWindow.H6, new BigDecimal("6.1"));
        rates.put(BurnWindow.M30, new BigDecimal("7"));
        assertThat(AlertLevel.of(rates)).isEqualTo(AlertLevel.PAGE);
        rates.put(BurnWindow.M30, new BigDecimal("5.9"));
        assertThat(AlertLevel.of(rates)).isEqualTo(AlertLevel.NONE);
    }

    @Test
    void the_workbook_opens_a_ticket_for_one_day_and_two_hours_above_3_or_three_days_and_six_hours_above_1() {
        Map<BurnWindow, BigDecimal> rates = rates("0");
        rates.put(BurnWindow.D1, new BigDecimal("3.5"));
        rates.put(BurnWindow.H2, new BigDecimal("3.1"));
        assertThat(AlertLevel.of(rates)).isEqualTo(AlertLevel.TICKET);
        rates = rates("0");
        rates.put(BurnWindow.D3, new BigDecimal("1.01"));
        rates.put(BurnWindow.H6, new BigDecimal("1.2"));
        assertThat(AlertLevel.of(rates)).isEqualTo(AlertLevel.TICKET);
        rates.put(BurnWindow.H6, BigDecimal.ONE);
        assertThat(AlertLevel.of(rates)).isEqualTo(AlertLevel.NONE);
    }

    @Test
    void a_state_tells_its_reason_the_alarm_with_its_windows_or_the_little_budget_left() {
        Map<BurnWindow, Counts> burn = steady(1000, 0);
        burn.put(BurnWindow.H1, new Counts(980, 1000, 12));
        burn.put(BurnWindow.M5, new Counts(970, 1000, 1));
        SloStatus fast = BudgetMath.status(THREE_NINES, days(30), new Counts(999_800, 1_000_000, 8640), burn);
        AlertLevel.Firing firing = fast.firing().orElseThrow();
        assertThat(firing.longer()).isEqualTo(BurnWindow.H1);
        assertThat(firing.shorter()).isEqualTo(BurnWindow.M5);
        assertThat(firing.longerRate()).isEqualByComparingTo("20");
        assertThat(firing.shorterRate()).isEqualByComparingTo("30");
        assertThat(firing.limit()).isEqualByComparingTo("14.4");
        assertThat(fast.littleLeft()).isFalse();
        // at risk for one of two reasons, and it says which
        SloStatus low = BudgetMath.status(THREE_NINES, days(30), new Counts(999_200, 1_000_000, 8640), steady(1000, 0));
        assertThat(low.state()).isEqualTo(SloState.AT_RISK);
        assertThat(low.littleLeft()).isTrue();
        assertThat(low.firing()).isEmpty();
        Map<BurnWindow, Counts> ticket = steady(1000, 0);
        ticket.put(BurnWindow.D1, new Counts(995, 1000, 288));
        ticket.put(BurnWindow.H2, new Counts(995, 1000, 24));
        SloStatus spending = BudgetMath.status(THREE_NINES, days(30), new Counts(999_800, 1_000_000, 8640), ticket);
        assertThat(spending.state()).isEqualTo(SloState.AT_RISK);
        assertThat(spending.littleLeft()).isFalse();
        assertThat(spending.firing().orElseThrow().longer()).isEqualTo(BurnWindow.D1);
    }

    @Test
    void measurements_that_stopped_are_told_apart_from_a_quiet_healthy_service() {
        Map<BurnWindow, Counts> stopped = steady(1000, 0);
        stopped.put(BurnWindow.M5, Counts.NONE);
        assertThat(BudgetMath.status(THREE_NINES, days(30), new Counts(999_800, 1_000_000, 8640), stopped).silent()).isTrue();
        assertThat(BudgetMath.status(THREE_NINES, days(30), new Counts(999_800, 1_000_000, 8640), steady(1000, 0)).silent())
                .isFalse();
        // nothing ever measured is "no data", not "stopped"
        assertThat(BudgetMath.status(THREE_NINES, days(30), Counts.NONE, steady(0, 0)).silent()).isFalse();
    }

    @Test
    void states_read_from_the_budget_and_the_alert() {
        // healthy burn over the window, but a fast burn in the last hour: burning fast
        Map<BurnWindow, Counts> burn = steady(1000, 0);
        burn.put(BurnWindow.H1, new Counts(980, 1000, 12));
        burn.put(BurnWindow.M5, new Counts(980, 1000, 1));
        SloStatus fast = BudgetMath.status(THREE_NINES, days(30), new Counts(999_800, 1_000_000, 8640), burn);
        assertThat(fast.alert()).isEqualTo(AlertLevel.PAGE);
        assertThat(fast.state()).isEqualTo(SloState.BURNING_FAST);
        // a fifth of the budget left, no alert: at risk
        SloStatus low = BudgetMath.status(THREE_NINES, days(30), new Counts(999_200, 1_000_000, 8640), steady(1000, 0));
        assertThat(low.state()).isEqualTo(SloState.AT_RISK);
        // nothing measured: no data, not "all good"
        SloStatus none = BudgetMath.status(THREE_NINES, days(30), Counts.NONE, steady(0, 0));
        assertThat(none.state()).isEqualTo(SloState.NO_DATA);
        assertThat(none.achieved()).isNull();
    }

    @Test
    void a_calendar_month_counts_from_its_first_day_in_its_own_zone() {
        SloWindow window = SloWindow.of(new SloValues("x", null, null, "good", THREE_NINES, null, "Asia/Tokyo", null, null),
                Instant.parse("2026-11-30T16:00:00Z"));
        // 01:00 on 1 December in Tokyo: December has begun there
        assertThat(window.from()).isEqualTo(Instant.parse("2026-11-30T15:00:00Z"));
        assertThat(window.length()).isEqualTo(Duration.ofDays(31));
    }

    @Test
    void budget_marks_are_crossed_on_the_way_down() {
        assertThat(SloEvaluator.mark(share("0.6"))).isEqualTo(100);
        assertThat(SloEvaluator.mark(share("0.4999"))).isEqualTo(50);
        assertThat(SloEvaluator.mark(share("0.25"))).isEqualTo(50);
        assertThat(SloEvaluator.mark(share("0.2"))).isEqualTo(25);
        assertThat(SloEvaluator.mark(share("0"))).isEqualTo(0);
    }

    @Test
    void percentages_are_written_plainly() {
        assertThat(SloRules.percent(new BigDecimal("0.9")).toString()).isEqualTo("90");
        assertThat(SloRules.percent(new BigDecimal("0.99950")).toString()).isEqualTo("99.95");
    }

    private static SloStatus share(String share) {
        BigDecimal s = new BigDecimal(share);
        return new SloStatus(days(30), THREE_NINES, 0, 1, BigDecimal.ONE, BigDecimal.ONE, 0, s, BigDecimal.ZERO, s,
                Duration.ZERO, Duration.ZERO, Map.of(), AlertLevel.NONE, SloState.HEALTHY, null);
    }

    private static Map<BurnWindow, BigDecimal> rates(String value) {
        Map<BurnWindow, BigDecimal> rates = new EnumMap<>(BurnWindow.class);
        for (BurnWindow w : BurnWindow.values()) {
            rates.put(w, new BigDecimal(value));
        }
        return rates;
    }
}

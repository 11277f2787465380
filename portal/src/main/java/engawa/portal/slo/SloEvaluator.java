package engawa.portal.slo;

import engawa.db.slo.Counts;
import engawa.db.slo.Measurements;
import engawa.db.slo.SloRow;
import engawa.db.slo.Slos;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Works out an SLO's status from its measurements and, with the SLO's row locked, tells what
 * changed: a budget mark passed on the way down (50%, 25%, 0%) or another alert level. The marks
 * and level told are stored with the SLO, so an event goes out once per crossing, from whichever
 * instance holds the lock; the budget coming back above a mark (old errors leaving the window)
 * re-arms it silently.
 */
@Component
class SloEvaluator {

    static final int[] MARKS = {50, 25, 0};

    private final Slos slos;
    private final Measurements measurements;
    private final SloEvents events;
    private final ServiceSloFacts facts;

    SloEvaluator(Slos slos, Measurements measurements, SloEvents events, ServiceSloFacts facts) {
        this.slos = slos;
        this.measurements = measurements;
        this.events = events;
        this.facts = facts;
    }

    SloStatus compute(SloRow slo, Instant now) {
        SloWindow window = SloWindow.of(slo.values(), now);
        List<Instant> froms = new ArrayList<>();
        froms.add(window.from());
        for (BurnWindow w : BurnWindow.values()) {
            froms.add(now.minus(w.length));
        }
        List<Counts> sums = measurements.sums(slo.id(), froms, now);
        Map<BurnWindow, Counts> burn = new EnumMap<>(BurnWindow.class);
        for (BurnWindow w : BurnWindow.values()) {
            burn.put(w, sums.get(w.ordinal() + 1));
        }
        return BudgetMath.status(slo.values().objective(), window, sums.getFirst(), burn);
    }

    /** Call with {@code locked}'s row lock held. */
    SloStatus evaluateAndTell(SloRow locked, Instant now) {
        SloStatus status = compute(locked, now);
        int mark = locked.budgetMark();
        if (status.hasData()) {
            int reached = mark(status);
            if (reached < mark) {
                if (reached == 0) {
                    events.budgetExhausted(locked, status);
                } else {
                    events.budgetWarning(locked, status, reached);
                }
            }
            mark = reached;
        }
        AlertLevel before = AlertLevel.valueOf(locked.alertLevel());
        if (status.alert() != before) {
            events.alertChanged(locked, status, before);
        }
        slos.saveEvaluation(locked.id(), status.state().name(), status.alert().name(), mark,
                status.hasData() ? status.remainingShare() : null, status.achieved(), now);
        // the catalog's list and scorecard show the service's SLOs as they are now
        facts.refresh(locked.serviceId());
        return status;
    }

    /** The lowest mark the budget left is below: 100 (none), 50, 25 or 0 (spent). */
    static int mark(SloStatus status) {
        int reached = 100;
        for (int m : MARKS) {
            boolean below = m == 0 ? status.remainingShare().signum() == 0
                    : status.remainingPercent().compareTo(java.math.BigDecimal.valueOf(m)) < 0;
            if (below) {
                reached = m;
            }
        }
        return reached;
    }
}

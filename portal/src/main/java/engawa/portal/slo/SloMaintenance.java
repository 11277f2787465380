package engawa.portal.slo;

import engawa.db.slo.Measurements;
import engawa.db.slo.Slos;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps SLO states current while no data arrives: a rolling window moves on, old errors leave it,
 * a calendar month begins anew; each changes the state and may cross a budget mark. SLOs evaluated
 * longer ago than {@code engawa.slo.evaluate-every} are evaluated again, each instance taking
 * those no other holds. Measurements older than any window are dropped once a day.
 */
@Component
class SloMaintenance {

    /** The longest window is a 31-day month; a little more for the charts' first bucket. */
    static final Duration KEEP = Duration.ofDays(35);
    static final int BATCH = 100;

    private final Slos slos;
    private final Measurements measurements;
    private final SloEvaluator evaluator;
    private final Clock clock;
    private final Duration every;

    SloMaintenance(Slos slos, Measurements measurements, SloEvaluator evaluator, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${engawa.slo.evaluate-every:5m}") Duration every) {
        this.slos = slos;
        this.measurements = measurements;
        this.evaluator = evaluator;
        this.clock = clock;
        this.every = every;
    }

    @Scheduled(fixedDelayString = "${engawa.slo.evaluate-poll-interval:60s}", initialDelayString = "${engawa.slo.evaluate-poll-interval:60s}")
    @Transactional
    public int evaluateStale() {
        Instant now = clock.instant();
        List<Long> ids = slos.lockStale(now.minus(every), BATCH);
        for (long id : ids) {
            slos.find(id).ifPresent(row -> evaluator.evaluateAndTell(row, now));
        }
        return ids.size();
    }

    @Scheduled(fixedDelayString = "PT24H", initialDelayString = "PT10M")
    @Transactional
    public int prune() {
        return measurements.prune(clock.instant().minus(KEEP));
    }
}

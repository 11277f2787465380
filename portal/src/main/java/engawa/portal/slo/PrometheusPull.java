package engawa.portal.slo;

import engawa.db.slo.SloRow;
import engawa.db.slo.Slos;
import engawa.integrations.slo.PrometheusClient;
import engawa.integrations.slo.PrometheusClient.Sample;
import engawa.integrations.slo.PrometheusException;
import engawa.portal.shared.UserFacingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the SLOs that have Prometheus queries every few minutes, so that no team needs a cron
 * job to feed them. Each query is a counter of events (e.g.
 * {@code sum(http_server_requests_seconds_count{status!~"5.."})}); a slice's events are the
 * counter's increase over it (a counter that went down was restarted: the new value is the
 * increase). Where either counter has no value (a failed scrape marks its series stale), the
 * events are not dropped: the slice stretches from the last step with values to the next one, so
 * what happened in between is counted, as bad or good as it was; a gap longer than a day (the
 * longest slice) is left out, never counted as good.
 *
 * <p>Several instances share the work: each takes due SLOs with a lease ({@link Slos#claimPulls}),
 * reads Prometheus outside any transaction, and writes through {@link MeasurementIngest} under
 * the SLO's row lock. The outcome, and the error if any, is stored for the owners to see.
 */
@Component
class PrometheusPull {

    private static final Logger log = LoggerFactory.getLogger(PrometheusPull.class);
    /** A new SLO is read back this far; Prometheus keeps 15 days by default. */
    static final Duration BACKFILL = Duration.ofDays(3);
    /** Prometheus answers at most 11,000 points per series in one range query. */
    static final int MAX_POINTS = 10_000;
    static final int BATCH = 20;

    private final Slos slos;
    private final MeasurementIngest ingest;
    private final SloConfiguration.PrometheusSource source;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration slice;
    private final Duration interval;
    private final Duration lag;

    PrometheusPull(Slos slos, MeasurementIngest ingest, SloConfiguration.PrometheusSource source,
            PlatformTransactionManager transactions, Clock clock,
            @Value("${engawa.slo.prometheus-slice:5m}") Duration slice,
            @Value("${engawa.slo.prometheus-interval:5m}") Duration interval,
            @Value("${engawa.slo.prometheus-lag:1m}") Duration lag) {
        this.slos = slos;
        this.ingest = ingest;
        this.source = source;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.slice = slice;
        this.interval = interval;
        this.lag = lag;
    }

    @Scheduled(fixedDelayString = "${engawa.slo.pull-poll-interval:30s}", initialDelayString = "${engawa.slo.pull-poll-interval:30s}")
    public void scheduled() {
        try {
            pullDue();
        } catch (RuntimeException e) {
            log.warn("Pulling SLO measurements from Prometheus failed: {}", e.toString());
        }
    }

    /** @return how many SLOs were read */
    int pullDue() {
        Instant now = clock.instant();
        List<SloRow> due = transactions.execute(s -> slos.claimPulls(now, now.plus(Duration.ofMinutes(2)), BATCH));
        for (SloRow slo : due) {
            pull(slo, now);
        }
        return due.size();
    }

    private void pull(SloRow slo, Instant now) {
        Instant next = now.plus(interval);
        if (source.client().isEmpty()) {
            done(slo, now, null, "No Prometheus is configured: the portal's operator sets ENGAWA_PROMETHEUS_URL.", next);
            return;
        }
        long step = slice.toMillis();
        Instant end = Instant.ofEpochMilli(Math.floorDiv(now.minus(lag).toEpochMilli(), step) * step);
        Duration backfill = slice.multipliedBy(MAX_POINTS).compareTo(BACKFILL) < 0 ? slice.multipliedBy(MAX_POINTS) : BACKFILL;
        Instant oldest = end.minus(backfill);
        Instant start = slo.pulledUntil() != null && slo.pulledUntil().isAfter(oldest) ? slo.pulledUntil() : oldest;
        if (!start.isBefore(end)) {
            done(slo, now, null, null, next);
            return;
        }
        try {
            PrometheusClient client = source.client().get();
            Map<Instant, Double> good = values(client.range(slo.values().goodQuery(), start, end, slice), "good", start, end);
            Map<Instant, Double> total = values(client.range(slo.values().totalQuery(), start, end, slice), "total", start, end);
            List<SliceInput> slices = slices(good, total, start, end);
            if (slices.isEmpty()) {
                done(slo, now, null, "The queries have no values two steps apart between %s and %s yet.".formatted(start, end), next);
                return;
            }
            Instant until = Instant.parse(slices.getLast().end());
            String error = transactions.execute(s -> {
                try {
                    ingest.record(slo, slices);
                    return null;
                } catch (UserFacingException e) {
                    s.setRollbackOnly();
                    return "The values read do not fit the measurements stored: " + e.getMessage();
                }
            });
            done(slo, now, error == null ? until : null, error, next);
        } catch (PrometheusException e) {
            done(slo, now, null, e.getMessage(), next);
        }
    }

    private void done(SloRow slo, Instant at, Instant until, String error, Instant next) {
        // Prometheus's own messages can be long (a query echoed back); the column keeps 2,000 characters
        String kept = error == null || error.length() <= 2000 ? error : error.substring(0, 1997) + "...";
        transactions.executeWithoutResult(s -> slos.pulled(slo.id(), at, until, kept, next));
    }

    private static Map<Instant, Double> values(List<Sample> samples, String which, Instant start, Instant end) {
        if (samples.isEmpty()) {
            throw new PrometheusException("The query for %s events returned no data between %s and %s.".formatted(which,
                    start, end));
        }
        Map<Instant, Double> byTime = new HashMap<>();
        for (Sample s : samples) {
            if (!Double.isNaN(s.value())) {
                byTime.put(s.at(), s.value());
            }
        }
        return byTime;
    }

    /**
     * The increase of both counters from each step where both have values to the next such step:
     * one slice per step, or a longer one across a gap.
     */
    private List<SliceInput> slices(Map<Instant, Double> good, Map<Instant, Double> total, Instant start, Instant end) {
        List<SliceInput> slices = new ArrayList<>();
        Instant previous = null;
        for (Instant at = start; !at.isAfter(end); at = at.plus(slice)) {
            Double g = good.get(at);
            Double t = total.get(at);
            if (g == null || t == null) {
                continue;
            }
            if (previous != null && !Duration.between(previous, at).minus(MeasurementIngest.MAX_LENGTH).isPositive()) {
                long events = Math.round(increase(total.get(previous), t));
                // the two counters are read from the same scrapes; rounding must not make good exceed total
                long goodEvents = Math.min(events, Math.round(increase(good.get(previous), g)));
                slices.add(new SliceInput(previous.toString(), at.toString(), goodEvents, events));
            }
            previous = at;
        }
        return slices;
    }

    private static double increase(double before, double after) {
        return after >= before ? after - before : after;
    }
}

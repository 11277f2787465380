package engawa.portal.slo;

import engawa.portal.shared.DemoData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * SLOs on services of three teams with 5-minute measurements that show every state: healthy,
 * at risk, burning fast (a recent outage), spent, and one read from Prometheus on the portal's own
 * requests (no data until ENGAWA_PROMETHEUS_URL is set). Measurements cover the window before the
 * first start; later they age out like real data would.
 */
@Component
@Order(15)
class DemoSlos implements DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoSlos.class);
    static final Duration SLICE = Duration.ofMinutes(5);

    private final SloService slos;
    private final Clock clock;

    DemoSlos(SloService slos, Clock clock) {
        this.slos = slos;
        this.clock = clock;
    }

    /** @param recentBadRatio the error ratio of the last {@code recentMinutes}, an outage still going on */
    private record Shape(double badRatio, double recentBadRatio, int recentMinutes) {
    }

    @Override
    public void load() {
        slos.savePolicy("payments-api", "When an SLO's error budget is spent, we stop feature releases of the service until it has "
                + "met its SLO for 7 days in a row; fixes, rollbacks and security updates still ship. The on-call engineer and "
                + "the team lead decide together, and post the decision in #payments.");
        slos.savePolicy("search", "While the budget is below a quarter, every change to search needs a second reviewer from "
                + "the team. When it is spent, the next sprint goes to reliability work first.");
        int made = 0;
        made += demo("payments-api", new SloDraft("checkout-availability", "Checkout availability",
                "Counted at the API gateway for POST /checkout.", "A checkout request is answered without a server error (5xx).",
                new BigDecimal("99.9"), "28d", null, null, null), new Shape(0.0003, 0, 0), 28, 1_000);
        made += demo("payments-api", new SloDraft("payment-latency", "Payments answer within 300 ms", null,
                "A payment authorisation is answered within 300 milliseconds.", new BigDecimal("99"), "30d", null, null, null),
                new Shape(0.0082, 0, 0), 30, 2_000);
        made += demo("search", new SloDraft("search-availability", "Search works", null,
                "A search returns results without an error.", new BigDecimal("99.5"), "7d", null, null, null),
                new Shape(0.001, 0.1, 70), 7, 5_000);
        made += demo("listings", new SloDraft("listing-publish", "Listings publish", "Sellers press Publish; this counts how often it works.",
                "A listing a seller publishes is visible to buyers within a minute.", new BigDecimal("99.9"), "month", "Asia/Tokyo",
                null, null), new Shape(0.0012, 0, 0), 31, 400);
        made += demo("identity", new SloDraft("sign-in-success", "Sign-in works", null,
                "A sign-in with the right password succeeds on the first try.", new BigDecimal("99.95"), "30d", null, null, null),
                new Shape(0.0001, 0, 0), 30, 3_000);
        slos.create("engawa", new SloDraft("portal-requests", "Engawa answers", "Read from Prometheus, which scrapes the portal's own /actuator/prometheus.",
                "A request to the portal is answered without a server error (5xx).", new BigDecimal("99"), "28d", null,
                "sum(http_server_requests_seconds_count{status!~\"5..\"})", "sum(http_server_requests_seconds_count)"));
        log.info("Loaded the demo SLOs: {} with generated measurements and one read from Prometheus", made);
    }

    private int demo(String service, SloDraft draft, Shape shape, int days, int perSlice) {
        Slo slo = slos.create(service, draft);
        Instant end = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        end = end.minus(end.getEpochSecond() / 60 % 5, ChronoUnit.MINUTES);
        Instant start = draft.window().equals("month")
                ? end.atZone(ZoneId.of(draft.timeZone())).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).toInstant()
                : end.minus(Duration.ofDays(days));
        Random random = new Random(draft.name().hashCode());
        Instant recentFrom = end.minus(Duration.ofMinutes(shape.recentMinutes()));
        List<SliceInput> slices = new ArrayList<>();
        for (Instant t = start; t.isBefore(end); t = t.plus(SLICE)) {
            // traffic follows the day: a third at night, all of it in the afternoon (UTC)
            double daily = 0.65 - 0.35 * Math.cos(2 * Math.PI * t.atZone(ZoneId.of("UTC")).getHour() / 24.0);
            long total = Math.max(1, Math.round(perSlice * daily * (0.9 + 0.2 * random.nextDouble())));
            double ratio = t.isBefore(recentFrom) ? shape.badRatio() : shape.recentBadRatio();
            // rounded at random in proportion, so that small expected counts still add up over the window
            double expected = total * ratio * (0.5 + random.nextDouble());
            long bad = Math.min(total, (long) expected + (random.nextDouble() < expected - Math.floor(expected) ? 1 : 0));
            slices.add(new SliceInput(t.toString(), t.plus(SLICE).toString(), total - bad, total));
        }
        slos.record(slo.id(), slices);
        return 1;
    }
}

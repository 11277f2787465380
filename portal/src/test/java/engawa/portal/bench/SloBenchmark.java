package engawa.portal.bench;

import engawa.db.slo.Measurements;
import engawa.db.slo.Slice;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SLOs at scale, over real HTTP, each beside plain SQL in the same run. Run with bench/slo.sh;
 * prints a Markdown table.
 *
 * <ol>
 * <li>ingest: {@code slos} SLOs each sent 30 days of 5-minute slices (8,640 per request) by
 * {@code clients} clients at once; slices per second. Plain SQL: the same slices for
 * {@code plainSlos} more SLOs as one {@code INSERT ... SELECT FROM unnest} per SLO over JDBC;</li>
 * <li>status: {@code GET /slos/{id}/status} of random SLOs (budget window and seven burn windows
 * read from the slices); p50 / p95. Plain SQL: the sums query alone;</li>
 * <li>overview: all SLOs through {@code GET /slos} (pages of 200, worst first); p50 / p95 of the
 * whole overview. Plain SQL: the same list in one query.</li>
 * </ol>
 */
public final class SloBenchmark {

    static final String TOKEN = "bench-admin-token-0123456789abcdef";
    static final Pattern ID = Pattern.compile("\"id\":\\s*\"(\\d+)\"");
    static final Duration SLICE = Duration.ofMinutes(5);
    static final int SLICES = 30 * 288;

    public static void main(String[] args) throws Exception {
        int sloCount = Integer.parseInt(System.getProperty("slos", "1000"));
        int plainSlos = Integer.parseInt(System.getProperty("plainSlos", "200"));
        int clients = Integer.parseInt(System.getProperty("clients", "4"));
        int statusCalls = Integer.parseInt(System.getProperty("statusCalls", "1000"));
        int overviews = Integer.parseInt(System.getProperty("overviews", "20"));
        try (ConfigurableApplicationContext context = BenchPortal.start("slo", Map.of("engawa.admin-token", TOKEN,
                // the benchmark measures requests, not the background re-evaluation
                "engawa.slo.evaluate-poll-interval", "1h"))) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            String base = "http://127.0.0.1:" + port;
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            int services = Math.max(1, (sloCount + plainSlos) / 10);
            jdbc.update("INSERT INTO teams (slug, name, created_at) VALUES ('bench', 'Bench', now())");
            jdbc.update("""
                    INSERT INTO catalog_services (name, type, lifecycle, owner_team_id, created_at, updated_at)
                    SELECT 'bench-service-' || n, 'service', 'production', (SELECT id FROM teams WHERE slug = 'bench'), now(), now()
                    FROM generate_series(1, ?) AS n""", services);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < sloCount + plainSlos; i++) {
                HttpResponse<String> created = http.send(post(base + "/api/v1/services/bench-service-" + (i % services + 1)
                        + "/slos", """
                        {"name": "slo-%d", "goodMeans": "A request is answered.", "objectivePercent": 99.9, "window": "30d"}"""
                        .formatted(i)), HttpResponse.BodyHandlers.ofString());
                Matcher id = ID.matcher(created.body());
                if (created.statusCode() != 201 || !id.find()) {
                    throw new IllegalStateException(created.body());
                }
                ids.add(Long.parseLong(id.group(1)));
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            Instant end = now.minus(now.getEpochSecond() / 60 % 5, ChronoUnit.MINUTES);
            Instant start = end.minus(SLICE.multipliedBy(SLICES));
            List<Long> api = ids.subList(0, sloCount);
            List<Long> plain = ids.subList(sloCount, ids.size());

            // warm-up: one SLO's month through the API (JIT), not counted
            send(http, base, api.getFirst(), start, end);
            AtomicInteger next = new AtomicInteger(1);
            long ingestStarted = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
                List<Future<?>> workers = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    workers.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < api.size(); i = next.getAndIncrement()) {
                            send(http, base, api.get(i), start, end);
                        }
                        return null;
                    }));
                }
                for (Future<?> w : workers) {
                    w.get();
                }
            }
            double ingestSeconds = (System.nanoTime() - ingestStarted) / 1e9;
            double apiRate = (api.size() - 1) * (double) SLICES / ingestSeconds;

            Measurements measurements = context.getBean(Measurements.class);
            org.springframework.transaction.support.TransactionTemplate tx = new org.springframework.transaction.support.TransactionTemplate(
                    context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
            AtomicInteger plainNext = new AtomicInteger();
            long plainStarted = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
                List<Future<?>> workers = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    workers.add(pool.submit(() -> {
                        for (int i = plainNext.getAndIncrement(); i < plain.size(); i = plainNext.getAndIncrement()) {
                            List<Slice> slices = slices(plain.get(i), start, end);
                            long id = plain.get(i);
                            tx.executeWithoutResult(s -> measurements.upsert(id, slices));
                        }
                        return null;
                    }));
                }
                for (Future<?> w : workers) {
                    w.get();
                }
            }
            double plainRate = plain.size() * (double) SLICES / ((System.nanoTime() - plainStarted) / 1e9);
            long rows = jdbc.queryForObject("SELECT count(*) FROM slo_measurements", Long.class);
            jdbc.execute("VACUUM ANALYZE slo_measurements");

            Random random = new Random(1);
            List<Double> status = new ArrayList<>();
            List<Double> statusSql = new ArrayList<>();
            for (int i = 0; i < statusCalls + 50; i++) {
                long id = api.get(random.nextInt(api.size()));
                long t0 = System.nanoTime();
                HttpResponse<String> answer = http.send(get(base + "/api/v1/slos/" + id + "/status"), HttpResponse.BodyHandlers.ofString());
                double ms = (System.nanoTime() - t0) / 1e6;
                if (answer.statusCode() != 200 || answer.body().contains("\"state\":\"no-data\"")) {
                    throw new IllegalStateException("status of " + id + ": " + answer.body());
                }
                Instant at = Instant.now();
                List<Instant> froms = List.of(at.minus(Duration.ofDays(30)), at.minus(Duration.ofMinutes(5)),
                        at.minus(Duration.ofMinutes(30)), at.minus(Duration.ofHours(1)), at.minus(Duration.ofHours(2)),
                        at.minus(Duration.ofHours(6)), at.minus(Duration.ofDays(1)), at.minus(Duration.ofDays(3)));
                long t1 = System.nanoTime();
                measurements.sums(id, froms, at);
                double sqlMs = (System.nanoTime() - t1) / 1e6;
                if (i >= 50) {
                    status.add(ms);
                    statusSql.add(sqlMs);
                }
            }

            List<Double> overview = new ArrayList<>();
            List<Double> overviewSql = new ArrayList<>();
            for (int r = 0; r < overviews + 3; r++) {
                long t0 = System.nanoTime();
                int seen = 0;
                for (int page = 0; seen < ids.size(); page++) {
                    HttpResponse<String> answer = http.send(get(base + "/api/v1/slos?size=200&page=" + page),
                            HttpResponse.BodyHandlers.ofString());
                    int n = (int) ID.matcher(answer.body()).results().count();
                    if (n == 0) {
                        break;
                    }
                    seen += n;
                }
                double ms = (System.nanoTime() - t0) / 1e6;
                long t1 = System.nanoTime();
                List<Map<String, Object>> all = jdbc.queryForList("""
                        SELECT o.*, s.name AS service_name, t.slug FROM slos o JOIN catalog_services s ON s.id = o.service_id
                        LEFT JOIN teams t ON t.id = s.owner_team_id
                        ORDER BY CASE o.state WHEN 'SPENT' THEN 0 WHEN 'BURNING_FAST' THEN 1 WHEN 'AT_RISK' THEN 2
                        WHEN 'HEALTHY' THEN 3 ELSE 4 END, o.budget_remaining NULLS LAST, lower(s.name), o.name""");
                double sqlMs = (System.nanoTime() - t1) / 1e6;
                if (seen != ids.size() || all.size() != ids.size()) {
                    throw new IllegalStateException("overview saw " + seen + " of " + ids.size());
                }
                if (r >= 3) {
                    overview.add(ms);
                    overviewSql.add(sqlMs);
                }
            }
            long started = System.nanoTime();
            int evaluated = 0;
            Object maintenance = context.getBean("sloMaintenance");
            jdbc.update("UPDATE slos SET evaluated_at = NULL");
            for (int n = 1; n > 0; ) {
                n = (int) maintenance.getClass().getMethod("evaluateStale").invoke(maintenance);
                evaluated += n;
            }
            double evaluateSeconds = (System.nanoTime() - started) / 1e9;
            long bytes = jdbc.queryForObject("SELECT pg_total_relation_size('slo_measurements')", Long.class);

            System.out.println("| measure | Engawa | plain SQL, same run |");
            System.out.println("|---|---|---|");
            System.out.printf("| ingest, %d SLOs x 30 days of 5-minute slices (8,640 per request), %d clients | %,.0f slices/s (%.0f s) | %,.0f slices/s |%n",
                    sloCount, clients, apiRate, ingestSeconds, plainRate);
            System.out.printf("| status of one SLO (%s slices stored in all): p50 / p95 / max | %.1f / %.1f / %.1f ms | %.1f / %.1f ms |%n",
                    String.format("%,d", rows), pct(status, 50), pct(status, 95), Collections.max(status), pct(statusSql, 50),
                    pct(statusSql, 95));
            System.out.printf("| overview of all %d SLOs (5 pages of 200): p50 / p95 | %.1f / %.1f ms | %.1f / %.1f ms (one query) |%n",
                    ids.size(), pct(overview, 50), pct(overview, 95), pct(overviewSql, 50), pct(overviewSql, 95));
            System.out.printf("| re-evaluating every SLO in the background (states, events) | %d in %.1f s | |%n", evaluated,
                    evaluateSeconds);
            System.out.printf("| measurements on disk (table and index) | %,.0f MB for %,d slices | |%n", bytes / 1e6, rows);
        }
    }

    static List<Slice> slices(long seed, Instant start, Instant end) {
        Random random = new Random(seed);
        List<Slice> slices = new ArrayList<>(SLICES);
        for (Instant t = start; t.isBefore(end); t = t.plus(SLICE)) {
            long bad = random.nextInt(3);
            slices.add(new Slice(t, t.plus(SLICE), 1000 - bad, 1000));
        }
        return slices;
    }

    static void send(HttpClient http, String base, long id, Instant start, Instant end) throws Exception {
        StringBuilder body = new StringBuilder(SLICES * 100).append('[');
        for (Slice s : slices(id, start, end)) {
            if (body.length() > 1) {
                body.append(',');
            }
            body.append("{\"start\":\"").append(s.start()).append("\",\"end\":\"").append(s.end()).append("\",\"good\":")
                    .append(s.good()).append(",\"total\":").append(s.total()).append('}');
        }
        body.append(']');
        HttpResponse<String> answer = http.send(post(base + "/api/v1/slos/" + id + "/measurements", body.toString()),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("measurements of " + id + ": " + answer.body());
        }
    }

    static HttpRequest post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN).GET().build();
    }

    static double pct(List<Double> values, int p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}

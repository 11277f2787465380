package engawa.portal.bench;

import engawa.db.officehours.OfficeHours;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Office hours under load, over real HTTP, each beside plain SQL in the same run. Run with
 * bench/officehours.sh; prints a Markdown table.
 *
 * <ol>
 * <li>rush: {@code people} sign-ups for one {@code seats}-seat session released at the same moment
 * (a start gate), {@code rounds} times, each a fresh session: latency of each answer, and whether
 * exactly {@code seats} were confirmed and the rest waitlisted in the order served. Plain SQL: the
 * same rush as bare JDBC transactions (lock the row, count, insert) on the portal's pool;</li>
 * <li>upcoming: {@code sessions} dated sessions (weekly series expanded); p95 of the first page
 * of {@code GET /api/v1/sessions} and of a topic filter, beside the list query in plain SQL.</li>
 * </ol>
 */
public final class OfficeHoursBenchmark {

    static final String TOKEN = "bench-admin-token-0123456789abcdef";
    static final Pattern ID = Pattern.compile("\"id\":\\s*\"(\\d+)\"");
    static final Pattern STATUS = Pattern.compile("\"status\":\\s*\"(\\w+)\"");
    static final Pattern POSITION = Pattern.compile("\"position\":\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        int people = Integer.parseInt(System.getProperty("people", "500"));
        int seats = Integer.parseInt(System.getProperty("seats", "50"));
        int rounds = Integer.parseInt(System.getProperty("rounds", "5"));
        int sessions = Integer.parseInt(System.getProperty("sessions", "10000"));
        try (ConfigurableApplicationContext context = BenchPortal.start("officehours",
                Map.of("engawa.admin-token", TOKEN, "engawa.demo-data", "true"))) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            String base = "http://127.0.0.1:" + port;
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            jdbc.update("""
                    INSERT INTO users (username, display_name, role, created_at)
                    SELECT 'joiner-' || n, 'Joiner ' || n, 'MEMBER', now() FROM generate_series(1, ?) AS n""", people);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

            rush(http, base, people, seats, 1, jdbc); // warm-up
            List<Double> portal = new ArrayList<>();
            int exact = 0;
            for (int r = 0; r < rounds; r++) {
                Rush rush = rush(http, base, people, seats, r + 2, jdbc);
                portal.addAll(rush.latencies());
                exact += rush.exact() ? 1 : 0;
            }
            List<Double> sql = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                sql.addAll(plainRush(context, people, seats, base, http));
            }
            double[] p = sorted(portal);
            double[] s = sorted(sql);

            Upcoming upcoming = upcoming(context, http, base, sessions);
            System.out.println("| measure | Engawa | plain SQL, same run |");
            System.out.println("|---|---|---|");
            System.out.printf("| %d people joining a %d-seat session at once, %d rounds: p50 / p99 / max | %.1f / %.1f / %.1f ms | %.1f / %.1f / %.1f ms |%n",
                    people, seats, rounds, pct(p, 50), pct(p, 99), p[p.length - 1], pct(s, 50), pct(s, 99), s[s.length - 1]);
            System.out.printf("| rounds with exactly %d confirmed and %d waitlisted in the order served | %d of %d | |%n",
                    seats, people - seats, exact, rounds);
            System.out.printf("| upcoming list, %d sessions: first page p50 / p95 | %.1f / %.1f ms | %.1f / %.1f ms |%n",
                    upcoming.count(), upcoming.p50(), upcoming.p95(), upcoming.sqlP50(), upcoming.sqlP95());
            System.out.printf("| upcoming list filtered by topic: p50 / p95 | %.1f / %.1f ms | %.1f / %.1f ms |%n",
                    upcoming.topicP50(), upcoming.topicP95(), upcoming.sqlTopicP50(), upcoming.sqlTopicP95());
        }
    }

    record Rush(List<Double> latencies, boolean exact) {
    }

    static String newSession(HttpClient http, String base, int seats, int day) throws Exception {
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Asia/Tokyo")).plusDays(day).truncatedTo(ChronoUnit.HOURS);
        HttpResponse<String> created = http.send(request(base + "/api/v1/sessions", """
                {"title": "SLOs for service owners", "kind": "seated", "capacity": %d, "room": "Room Fuji",
                 "timeZone": "Asia/Tokyo", "hosts": ["yuki"], "start": "%s", "end": "%s"}"""
                .formatted(seats, start, start.plusHours(1))), HttpResponse.BodyHandlers.ofString());
        Matcher id = ID.matcher(created.body());
        if (created.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException(created.body());
        }
        return id.group(1);
    }

    static Rush rush(HttpClient http, String base, int people, int seats, int day, JdbcTemplate jdbc) throws Exception {
        String id = newSession(http, base, seats, day);
        Map<String, String[]> answers = new ConcurrentHashMap<>();
        List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<?>> calls = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int n = 1; n <= people; n++) {
                String who = "joiner-" + n;
                calls.add(pool.submit(() -> {
                    gate.await();
                    long started = System.nanoTime();
                    HttpResponse<String> answer = http.send(request(base + "/api/v1/sessions/" + id + "/signups",
                            "{\"username\": \"" + who + "\"}"), HttpResponse.BodyHandlers.ofString());
                    latencies.add((System.nanoTime() - started) / 1e6);
                    Matcher status = STATUS.matcher(answer.body());
                    Matcher position = POSITION.matcher(answer.body());
                    answers.put(who, new String[] {status.find() ? status.group(1) : "error " + answer.statusCode(),
                            position.find() ? position.group(1) : "0"});
                    return null;
                }));
            }
            gate.countDown();
            for (Future<?> call : calls) {
                call.get();
            }
        }
        List<String> order = jdbc.queryForList("SELECT u.username FROM office_signups g JOIN users u ON u.id = g.user_id"
                + " WHERE g.session_id = ? ORDER BY g.id", String.class, Long.valueOf(id));
        boolean exact = order.size() == people;
        for (int i = 0; exact && i < order.size(); i++) {
            String[] a = answers.get(order.get(i));
            exact = i < seats ? a[0].equals("confirmed") : a[0].equals("waitlisted") && Integer.parseInt(a[1]) == i - seats + 1;
        }
        return new Rush(latencies, exact);
    }

    /** The same rush as bare JDBC transactions: what the database alone costs for it. */
    static List<Double> plainRush(ConfigurableApplicationContext context, int people, int seats, String base, HttpClient http)
            throws Exception {
        String id = newSession(http, base, seats, 30);
        long session = Long.parseLong(id);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        TransactionTemplate tx = new TransactionTemplate(context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        List<Long> users = jdbc.queryForList("SELECT id FROM users WHERE username LIKE 'joiner-%' ORDER BY id LIMIT ?", Long.class, people);
        List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<?>> calls = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long user : users) {
                calls.add(pool.submit(() -> {
                    gate.await();
                    long started = System.nanoTime();
                    tx.executeWithoutResult(s -> {
                        int confirmed = jdbc.queryForObject("SELECT confirmed FROM office_sessions WHERE id = ? FOR UPDATE",
                                Integer.class, session);
                        String status = confirmed < seats ? "CONFIRMED" : "WAITLISTED";
                        jdbc.update("INSERT INTO office_signups (session_id, user_id, status, created_at) VALUES (?, ?, ?, now())",
                                session, user, status);
                        if (status.equals("CONFIRMED")) {
                            jdbc.update("UPDATE office_sessions SET confirmed = confirmed + 1 WHERE id = ?", session);
                        }
                    });
                    latencies.add((System.nanoTime() - started) / 1e6);
                    return null;
                }));
            }
            gate.countDown();
            for (Future<?> call : calls) {
                call.get();
            }
        }
        return latencies;
    }

    record Upcoming(long count, double p50, double p95, double sqlP50, double sqlP95, double topicP50, double topicP95,
            double sqlTopicP50, double sqlTopicP95) {
    }

    /** Weekly series of 20 dates each until there are {@code count} sessions, then the list's times. */
    static Upcoming upcoming(ConfigurableApplicationContext context, HttpClient http, String base, int count) throws Exception {
        OfficeHours store = context.getBean(OfficeHours.class);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        long yuki = jdbc.queryForObject("SELECT id FROM users WHERE username = 'yuki'", Long.class);
        String[] topics = {"Zapier", "spreadsheets", "SLOs", "reports", "chat", "expenses"};
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        Instant now = Instant.now();
        for (int series = 0; series < count / 20; series++) {
            LocalDateTime first = LocalDateTime.now(tokyo).plusDays(1 + series % 60).withHour(9 + series % 8).truncatedTo(ChronoUnit.HOURS);
            long id = store.insertSeries("bench-" + series + "@engawa", new engawa.db.officehours.SeriesValues("Open door " + series,
                    null, "", List.of(topics[series % topics.length]), engawa.db.officehours.SessionKind.DROP_IN, null, "Room " + series,
                    null, "Asia/Tokyo", first, 60, "FREQ=WEEKLY;INTERVAL=1;COUNT=20", 60, List.of(), List.of()), yuki, null, now);
            store.setHosts(id, List.of(yuki));
            List<OfficeHours.NewSession> dates = new ArrayList<>();
            for (int w = 0; w < 20; w++) {
                LocalDateTime local = first.plusWeeks(w);
                dates.add(new OfficeHours.NewSession(local, local.atZone(tokyo).toInstant(), local.plusHours(1).atZone(tokyo).toInstant()));
            }
            store.insertSessions(id, dates);
        }
        jdbc.execute("ANALYZE");
        long total = jdbc.queryForObject("SELECT count(*) FROM office_sessions", Long.class);
        String sql = """
                SELECT o.id, o.starts_at, o.ends_at, o.confirmed, s.title_en, s.kind, s.capacity, s.room, s.topics
                FROM office_sessions o JOIN office_series s ON s.id = o.series_id
                WHERE o.ends_at > now() AND o.cancelled_at IS NULL AND s.cancelled_at IS NULL %s
                ORDER BY o.starts_at, o.id LIMIT 50""";
        List<Double> page = new ArrayList<>();
        List<Double> topic = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        List<Double> plainTopic = new ArrayList<>();
        for (int round = -20; round < 200; round++) {
            double a = timed(() -> get(http, base + "/api/v1/sessions?size=50"));
            double b = timed(() -> get(http, base + "/api/v1/sessions?size=50&topic=SLOs"));
            double c = timed(() -> jdbc.queryForList(sql.formatted("")));
            double d = timed(() -> jdbc.queryForList(sql.formatted("AND 'SLOs' = ANY(s.topics)")));
            if (round >= 0) {
                page.add(a);
                topic.add(b);
                plain.add(c);
                plainTopic.add(d);
            }
        }
        double[] p = sorted(page);
        double[] t = sorted(topic);
        double[] q = sorted(plain);
        double[] r = sorted(plainTopic);
        return new Upcoming(total, pct(p, 50), pct(p, 95), pct(q, 50), pct(q, 95), pct(t, 50), pct(t, 95), pct(r, 50), pct(r, 95));
    }

    interface Work {
        void run() throws Exception;
    }

    static double timed(Work work) throws Exception {
        long started = System.nanoTime();
        work.run();
        return (System.nanoTime() - started) / 1e6;
    }

    static void get(HttpClient http, String url) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN)
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(answer.body());
        }
    }

    static HttpRequest request(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static double[] sorted(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    static double pct(double[] sorted, double p) {
        return WebhookBenchmark.percentile(sorted, p);
    }

    private OfficeHoursBenchmark() {
    }
}

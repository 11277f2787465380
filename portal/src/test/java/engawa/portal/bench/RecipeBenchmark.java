package engawa.portal.bench;

import engawa.db.people.Role;
import engawa.db.recipes.RecipeSort;
import engawa.portal.people.ApiTokenService;
import engawa.portal.people.NewUser;
import engawa.portal.people.TeamService;
import engawa.portal.people.UserAccountService;
import engawa.portal.people.NewTeam;
import engawa.portal.recipes.RecipeDraft;
import engawa.portal.recipes.RecipeInput;
import engawa.portal.recipes.RecipeService;
import engawa.portal.shared.SystemAuthentication;
import engawa.portal.webhooks.WebhookDispatcher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Recipe runs over real HTTP with a member's API token, next to a bare request through the same
 * server (the echo endpoint: no token, no database) in the same run; run-to-delivery through the
 * outbox to a loopback receiver; and the gallery search over 10,000 recipes next to plain SQL.
 * Run with bench/recipes.sh; prints a Markdown table.
 *
 * <ol>
 * <li>accepted: {@code clients} closed-loop clients post runs for {@code seconds}, dispatch off;</li>
 * <li>steady: 200 runs/s open loop for {@code seconds}: the Run answer's latency;</li>
 * <li>delivery: 100 runs/s with the dispatcher on, from the 202 answer to arrival at the receiver;</li>
 * <li>search: 10,000 recipes with English and Japanese titles; p95 of the gallery's first page.</li>
 * </ol>
 */
public final class RecipeBenchmark {

    public static void main(String[] args) throws Exception {
        int clients = Integer.parseInt(System.getProperty("clients", "32"));
        int seconds = Integer.parseInt(System.getProperty("seconds", "15"));
        int recipes = Integer.parseInt(System.getProperty("recipes", "10000"));
        try (WebhookBenchmark.Receiver receiver = new WebhookBenchmark.Receiver();
                ConfigurableApplicationContext context = BenchPortal.start("recipes",
                        Map.of("engawa.webhooks.allowed-hosts", "127.0.0.1"))) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            String base = "http://127.0.0.1:" + port;
            String token = setUp(context, receiver);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String runUrl = base + "/api/v1/recipes/bench-report/runs";
            String body = "{\"inputs\": {\"month\": \"2026-11\", \"note\": \"benchmark\"}}";

            // warm-up of both paths
            closedLoop(http, base + "/api/v1/recipes/echo", null, "{}", clients, 5);
            closedLoop(http, runUrl, token, body, clients, 5);
            double bare = closedLoop(http, base + "/api/v1/recipes/echo", null, "{}", clients, seconds);
            double accepted = closedLoop(http, runUrl, token, body, clients, seconds);
            closedLoop(http, base + "/api/v1/me", token, null, clients, 3);
            double me = closedLoop(http, base + "/api/v1/me", token, null, clients, seconds);
            Latency bareSteady = steady(http, base + "/api/v1/recipes/echo", null, "{}", 200, seconds, null);
            Latency runSteady = steady(http, runUrl, token, body, 200, seconds, null);

            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            jdbc.update("UPDATE webhook_deliveries SET status = 'DEAD', next_attempt_at = NULL WHERE status = 'PENDING'");
            context.getBean(WebhookDispatcher.class).start();
            Map<String, Long> answered = new ConcurrentHashMap<>();
            steady(http, runUrl, token, body, 100, seconds, answered);
            Map<String, String> eventOfRun = new ConcurrentHashMap<>();
            jdbc.query("SELECT id::text, event_id::text FROM recipe_runs",
                    (org.springframework.jdbc.core.RowCallbackHandler) rs -> eventOfRun.put(rs.getString(1), rs.getString(2)));
            if (!eventOfRun.keySet().containsAll(answered.keySet())) {
                throw new IllegalStateException("Runs answered but not stored: " + answered.size() + " vs " + eventOfRun.size());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline
                    && !answered.keySet().stream().map(eventOfRun::get).allMatch(receiver.arrivals::containsKey)) {
                Thread.sleep(100);
            }
            long missing = answered.keySet().stream().map(eventOfRun::get).filter(e -> !receiver.arrivals.containsKey(e)).count();
            if (missing > 0) {
                System.out.println("Not arrived: " + missing + "; deliveries by status: " + jdbc.queryForList(
                        "SELECT d.status, count(*), max(d.last_error) FROM webhook_deliveries d JOIN webhook_events e"
                                + " ON e.id = d.event_id WHERE e.type = 'recipe.run' GROUP BY d.status"));
            }
            double[] delivery = answered.entrySet().stream().mapToDouble(e ->
                    (receiver.arrivals.getOrDefault(eventOfRun.get(e.getKey()), Long.MAX_VALUE / 2) - e.getValue()) / 1e6)
                    .sorted().toArray();

            Search search = search(context, recipes);

            System.out.println();
            System.out.println("| measure | result |");
            System.out.println("|---|---|");
            System.out.printf("| bare HTTP through the same server (echo endpoint, no token, no database), %d clients | %,.0f requests/s |%n", clients, bare);
            System.out.printf("| an authenticated read through the same server (GET /api/v1/me, member token), %d clients | %,.0f requests/s |%n", clients, me);
            System.out.printf("| runs accepted (POST /runs, member token, run + outbox event in one transaction), %d clients | %,.0f runs/s |%n", clients, accepted);
            System.out.printf("| bare HTTP at a steady 200 requests/s for %d s | p50 %.1f ms, p99 %.1f ms |%n", seconds, bareSteady.p50, bareSteady.p99);
            System.out.printf("| Run answer at a steady 200 runs/s for %d s (%,d runs) | p50 %.1f ms, p99 %.1f ms, max %.1f ms |%n",
                    seconds, runSteady.count, runSteady.p50, runSteady.p99, runSteady.max);
            System.out.printf("| run to delivery at 100 runs/s for %d s (%,d runs), dispatcher on | p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms |%n",
                    seconds, delivery.length, WebhookBenchmark.percentile(delivery, 50), WebhookBenchmark.percentile(delivery, 95),
                    WebhookBenchmark.percentile(delivery, 99), delivery[delivery.length - 1]);
            System.out.printf("| gallery search, %,d recipes, first page of 24 with count (%d queries x %d) | p50 %.1f ms, p95 %.1f ms |%n",
                    recipes, search.queries, search.rounds, search.p50, search.p95);
            System.out.printf("| plain SQL LIKE '%%…%%' on the titles, same queries | p50 %.1f ms, p95 %.1f ms |%n", search.sqlP50, search.sqlP95);
        }
        System.exit(0);
    }

    static String setUp(ConfigurableApplicationContext context, WebhookBenchmark.Receiver receiver) {
        SystemAuthentication system = context.getBean(SystemAuthentication.class);
        system.runAsSystem(() -> {
            context.getBean(TeamService.class).create(new NewTeam("bench", "Bench", null, null));
            context.getBean(UserAccountService.class).create(new NewUser("runner", "Ren Runner", "runner@example.com",
                    Role.MEMBER, "a long enough password"));
            context.getBean(TeamService.class).addMember("bench", "runner");
            RecipeService recipes = context.getBean(RecipeService.class);
            recipes.create(new RecipeDraft("bench-report", "bench", "reports", null, "Send the benchmark report", null,
                    "A recipe that only sends.", null, null, null,
                    List.of(new RecipeInput("month", "text", "Month", null, null, null, true, null, "\\d{4}-\\d{2}", null),
                            new RecipeInput("note", "long-text", "Note", null, null, null, false, null, null, null),
                            new RecipeInput("email", "email", "E-mail", null, null, null, true, "{me.email}", null, null)),
                    10, false, 15, false, 7, receiver.url("/steady"), false));
            return recipes.publish("bench-report");
        });
        return as(context, "runner", () -> context.getBean(ApiTokenService.class).create("runner", "bench", null).token());
    }

    static double closedLoop(HttpClient http, String url, String token, String body, int clients, int seconds)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(clients);
        long started = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            Thread.ofVirtual().start(() -> {
                try {
                    while (System.nanoTime() < end) {
                        int status = http.send(request(url, token, body), HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status < 300 ? done : failed).incrementAndGet();
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                } finally {
                    finished.countDown();
                }
            });
        }
        finished.await();
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " requests to " + url + " failed");
        }
        return done.get() / ((System.nanoTime() - started) / 1e9);
    }

    record Latency(int count, double p50, double p99, double max) {
    }

    /** One request every 1/rate seconds whatever the answers take (open loop), latency of each. */
    static Latency steady(HttpClient http, String url, String token, String body, int rate, int seconds,
            Map<String, Long> answeredAt) throws InterruptedException {
        int total = rate * seconds;
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger sent = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(total);
        ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(() -> {
            if (sent.getAndIncrement() >= total) {
                return;
            }
            senders.submit(() -> {
                long started = System.nanoTime();
                try {
                    HttpResponse<String> response = http.send(request(url, token, body), HttpResponse.BodyHandlers.ofString());
                    long now = System.nanoTime();
                    latencies.add((now - started) / 1e6);
                    if (answeredAt != null) {
                        String id = response.body().replaceAll("^\\{\"id\":\"([^\"]+)\".*$", "$1");
                        answeredAt.put(id, now);
                    }
                } catch (Exception e) {
                    latencies.add(Double.MAX_VALUE);
                } finally {
                    all.countDown();
                }
            });
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        all.await();
        ticker.shutdownNow();
        senders.shutdown();
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Latency(sorted.length, WebhookBenchmark.percentile(sorted, 50), WebhookBenchmark.percentile(sorted, 99),
                sorted[sorted.length - 1]);
    }

    static HttpRequest request(String url, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (body != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    record Search(int queries, int rounds, double p50, double p95, double sqlP50, double sqlP95) {
    }

    static final String[] EN = {"expense", "report", "invoice", "meeting", "room", "access", "onboarding", "spreadsheet",
            "reminder", "weekly", "summary", "customer", "laptop", "holiday", "travel", "payroll", "contract", "ticket"};
    static final String[] JA = {"経費精算", "週次レポート", "請求書", "会議室", "権限申請", "入社手続き", "スプレッドシート",
            "リマインド", "顧客", "出張申請", "給与", "契約書", "休暇申請", "備品購入", "問い合わせ"};

    /** 10,000 recipes of two to three words each, in both languages, then the gallery's and plain SQL's times. */
    static Search search(ConfigurableApplicationContext context, int count) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        long team = jdbc.queryForObject("SELECT id FROM teams WHERE slug = 'bench'", Long.class);
        jdbc.update("""
                INSERT INTO recipes (slug, owner_team_id, status, category, title_en, title_ja, summary_en, summary_ja,
                    minutes_saved, published_version, run_count, created_at, updated_at, published_at)
                SELECT 'gen-' || i, ?, 'PUBLISHED', (ARRAY['reports','spreadsheets','access','meetings','expenses','onboarding','other'])[1 + i % 7],
                    initcap(en[1 + i % array_length(en, 1)]) || ' ' || en[1 + (i / 7) % array_length(en, 1)] || ' ' || i,
                    ja[1 + i % array_length(ja, 1)] || 'を' || ja[1 + (i / 11) % array_length(ja, 1)] || 'に送る',
                    'Sends the ' || en[1 + (i / 3) % array_length(en, 1)] || ' to the team.',
                    ja[1 + (i / 5) % array_length(ja, 1)] || 'をチームに共有します。', 10, 1, i % 500, now(), now(), now()
                FROM generate_series(1, ?) AS i, (SELECT CAST(? AS TEXT[]) AS en, CAST(? AS TEXT[]) AS ja) words""",
                team, count, EN, JA);
        jdbc.execute("ANALYZE recipes");
        SystemAuthentication system = context.getBean(SystemAuthentication.class);
        RecipeService recipes = context.getBean(RecipeService.class);
        String[] queries = {"expen", "weekly report", "経費", "精算", "会議", "顧客 請求", "invoice customer", "room"};
        int rounds = 50;
        List<Double> portal = new ArrayList<>();
        List<Double> sql = new ArrayList<>();
        system.runAsSystem(() -> {
            for (int round = -5; round < rounds; round++) {
                for (String q : queries) {
                    long started = System.nanoTime();
                    recipes.gallery(q, null, RecipeSort.MOST_USED, false, org.springframework.data.domain.PageRequest.of(0, 25));
                    recipes.count(q, null, false);
                    if (round >= 0) {
                        portal.add((System.nanoTime() - started) / 1e6);
                    }
                    String like = "%" + q.split(" ")[0] + "%";
                    started = System.nanoTime();
                    jdbc.queryForList("SELECT id, slug, title_en, title_ja, summary_en FROM recipes WHERE status = 'PUBLISHED'"
                            + " AND (title_en ILIKE ? OR title_ja LIKE ? OR summary_en ILIKE ? OR summary_ja LIKE ?)"
                            + " ORDER BY run_count DESC, id LIMIT 25", like, like, like, like);
                    jdbc.queryForObject("SELECT count(*) FROM recipes WHERE status = 'PUBLISHED' AND (title_en ILIKE ?"
                            + " OR title_ja LIKE ? OR summary_en ILIKE ? OR summary_ja LIKE ?)", Long.class, like, like, like, like);
                    if (round >= 0) {
                        sql.add((System.nanoTime() - started) / 1e6);
                    }
                }
            }
            return null;
        });
        double[] p = portal.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] s = sql.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Search(queries.length, rounds, WebhookBenchmark.percentile(p, 50), WebhookBenchmark.percentile(p, 95),
                WebhookBenchmark.percentile(s, 50), WebhookBenchmark.percentile(s, 95));
    }

    static <T> T as(ConfigurableApplicationContext context, String username, Supplier<T> work) {
        SecurityContextHolderStrategy contexts = context.getBean(SecurityContextHolderStrategy.class);
        SecurityContext security = contexts.createEmptyContext();
        security.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                List.of(new SimpleGrantedAuthority("ROLE_MEMBER"))));
        contexts.setContext(security);
        try {
            return work.get();
        } finally {
            contexts.clearContext();
        }
    }

    private RecipeBenchmark() {
    }
}

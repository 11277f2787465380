package engawa.portal.bench;

import engawa.db.people.Role;
import engawa.portal.catalog.CatalogFilter;
import engawa.portal.catalog.CatalogQuery;
import engawa.portal.catalog.CatalogService;
import engawa.portal.people.ApiTokenService;
import engawa.portal.people.NewUser;
import engawa.portal.people.UserAccountService;
import engawa.portal.shared.SystemAuthentication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The API's own overhead: at 22,200 catalog entities, each read as a client sees it (one keep-alive
 * connection, one request after the other, a member's API token), next to the floor of the same run:
 * a bare request through the same server (no token, no database), the same read with the admin
 * token (no token lookup), the service call inside the JVM (no HTTP) and the SQL under it.
 * Run with bench/api.sh; prints a Markdown table.
 */
public final class ApiBenchmark {

    public static void main(String[] args) throws Exception {
        Path small = Path.of(System.getProperty("small"));
        int warmup = Integer.parseInt(System.getProperty("warmup", "2000"));
        int runs = Integer.parseInt(System.getProperty("runs", "2000"));
        try (ConfigurableApplicationContext context = BenchPortal.start("api",
                Map.of("engawa.admin-token", CatalogBenchmark.TOKEN))) {
            CatalogBenchmark.Manifest manifest = CatalogBenchmark.Manifest.read(small);
            StringBuilder all = new StringBuilder();
            for (String file : manifest.files()) {
                all.append(Files.readString(small.resolve(file))).append("\n");
            }
            String report = CatalogBenchmark.post(context, all.toString(), "catalog-info.yaml");
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            jdbc.execute("VACUUM ANALYZE");
            String member = member(context);
            String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String one = manifest.sampleComponent();
            String team = "team-42";
            CatalogService catalog = context.getBean(CatalogService.class);
            SystemAuthentication system = context.getBean(SystemAuthentication.class);

            // every read is warmed up before any is measured: the JIT compiles the shared path (filters,
            // JSON, JDBC) while the first reads run, which would otherwise count against them alone
            Map<String, Read> reads = new LinkedHashMap<>();
            reads.put("bare: `POST /api/v1/recipes/echo` (no token, no database)",
                    new Read(() -> send(http, base + "/api/v1/recipes/echo", null, "{}"), ""));
            String byName = "/api/v1/services/" + one;
            reads.put("`GET " + byName + "`, member token", new Read(() -> send(http, base + byName, member, null), "target p95 < 2 ms"));
            reads.put("... the same with the admin token (no token lookup)",
                    new Read(() -> send(http, base + byName, CatalogBenchmark.TOKEN, null), ""));
            reads.put("... the service call in the JVM (no HTTP, no token)",
                    new Read(() -> system.runAsSystem(() -> catalog.get(one).version()), ""));
            reads.put("... the SQL under it (`WHERE lower(name) = lower(?)`)", new Read(() ->
                    jdbc.queryForList("SELECT * FROM catalog_services WHERE lower(name) = lower(?)", one).size(), ""));
            String byOwner = "/api/v1/services?owner=" + team;
            reads.put("`GET " + byOwner + "`, member token", new Read(() -> send(http, base + byOwner, member, null), "target p95 < 3 ms"));
            reads.put("... the same with the admin token (no token lookup) ",
                    new Read(() -> send(http, base + byOwner, CatalogBenchmark.TOKEN, null), ""));
            reads.put("... the service calls in the JVM (no HTTP, no token)", new Read(() -> system.runAsSystem(() -> {
                CatalogQuery q = catalog.query(null, new CatalogFilter(team, false, false, null, null, null, null));
                return catalog.list(q, engawa.db.catalog.CatalogServices.Sort.NAME, PageRequest.of(0, 20)).size() + catalog.count(q);
            }), ""));
            reads.put("... the SQL under it (first page of 20 and the total)", new Read(() -> {
                Long id = jdbc.queryForObject("SELECT id FROM teams WHERE slug = ?", Long.class, team);
                return jdbc.queryForList("SELECT * FROM catalog_services WHERE owner_team_id = ? ORDER BY lower(name) LIMIT 20", id).size()
                        + jdbc.queryForObject("SELECT count(*) FROM catalog_services WHERE owner_team_id = ?", Long.class, id);
            }, ""));
            // every other read a client makes often, with the member's token
            for (String path : List.of("/api/v1/me", "/api/v1/services", "/api/v1/services?q=" + manifest.ftsWord(),
                    "/api/v1/services/" + one + "/scorecard", "/api/v1/services/" + one + "/history",
                    "/api/v1/teams/" + team, "/api/v1/recipes", "/api/v1/sessions", "/api/v1/slos", "/api/v1/me/notifications")) {
                reads.put("`GET " + path + "`", new Read(() -> send(http, base + path, member, null), ""));
            }
            reads.values().forEach(read -> CatalogBenchmark.time(read.work(), warmup, 1));
            List<String> rows = new ArrayList<>();
            reads.forEach((name, read) -> rows.add(row(name, CatalogBenchmark.time(read.work(), 100, runs), read.target())));

            System.out.println();
            System.out.printf("%,d services (%s); every read %d times to warm up, then each %d times measured, one after the other%n",
                    jdbc.queryForObject("SELECT count(*) FROM catalog_services", Long.class), CatalogBenchmark.created(report),
                    warmup, runs);
            System.out.println();
            System.out.println("| read | p50 (ms) | p95 (ms) | p99 (ms) | |");
            System.out.println("|---|---|---|---|---|");
            rows.forEach(System.out::println);
        }
        System.exit(0);
    }

    private static String member(ConfigurableApplicationContext context) {
        context.getBean(SystemAuthentication.class).runAsSystem(() -> context.getBean(UserAccountService.class)
                .create(new NewUser("reader", "Rei Reader", "reader@example.com", Role.MEMBER, "a long enough password")));
        return RecipeBenchmark.as(context, "reader",
                () -> context.getBean(ApiTokenService.class).create("reader", "bench", null).token());
    }

    private record Read(Supplier<Object> work, String target) {
    }

    private static Object send(HttpClient http, String url, String token, String body) {
        try {
            HttpResponse<byte[]> response = http.send(RecipeBenchmark.request(url, token, body), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + new String(response.body()));
            }
            return response.body().length;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String row(String read, CatalogBenchmark.Stats stats, String target) {
        return String.format("| %s | %.2f | %.2f | %.2f | %s |", read, stats.p50(), stats.p95(), stats.p99(), target);
    }

    private ApiBenchmark() {
    }
}

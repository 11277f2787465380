package engawa.portal.bench;

import engawa.db.catalog.CatalogServices;
import engawa.portal.catalog.CatalogFilter;
import engawa.portal.catalog.CatalogQuery;
import engawa.portal.catalog.CatalogService;
import engawa.portal.shared.SystemAuthentication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The catalog at scale: importing the generated Backstage catalog through the import API, then
 * the queries a catalog page and a service page make, each next to the same query as plain SQL
 * on the same database in the same run. Run with bench/catalog.sh, which generates the data with
 * ../shared/tools/gen-backstage-catalog.mjs; prints a Markdown table.
 *
 * <ol>
 * <li>a portal on an empty database imports the default catalog (2,000 groups, 200 systems,
 * 20,000 components) in one request, as {@code POST /api/v1/catalog/import};</li>
 * <li>a second portal imports the large catalog ({@code --components 100000}, 102,200 entities) as
 * one {@code .tar.gz} in one request, then one service in a hundred gets a Japanese title, then each
 * query runs {@code warmup} times, then {@code runs} times measured.</li>
 * </ol>
 * Resident memory is read from {@code /proc/self/status} every 100 ms during each import.
 */
public final class CatalogBenchmark {

    static final String TOKEN = "bench-admin-token-0123456789abcdefghijklmnop";

    public static void main(String[] args) throws Exception {
        Path small = Path.of(System.getProperty("small"));
        Path large = Path.of(System.getProperty("large"));
        int warmup = Integer.parseInt(System.getProperty("warmup", "200"));
        int runs = Integer.parseInt(System.getProperty("runs", "1000"));

        // -Donly=small or -Donly=large: one import alone, in a JVM that imported nothing before, so that
        // its memory figures are its own; -Donly=large measures no queries
        String only = System.getProperty("only", "");

        List<String> rows = new ArrayList<>();
        if (!only.equals("large")) {
            importSmall(small, rows);
        }
        if (!only.equals("small")) {
            importLargeAndMeasure(large, only.equals("large"), warmup, runs, rows);
        }
        System.out.println();
        System.out.println("| measure | Engawa | plain SQL, same query | |");
        System.out.println("|---|---|---|---|");
        rows.forEach(System.out::println);
        System.exit(0);
    }

    private static void importSmall(Path small, List<String> rows) throws Exception {
        try (ConfigurableApplicationContext context = start("small")) {
            Manifest manifest = Manifest.read(small);
            StringBuilder all = new StringBuilder();
            for (String file : manifest.files) {
                all.append(Files.readString(small.resolve(file))).append("\n");
            }
            System.gc();
            long idle = rssMib();
            PeakRss peak = PeakRss.start();
            long started = System.nanoTime();
            String report = post(context, all.toString(), "catalog-info.yaml");
            double seconds = (System.nanoTime() - started) / 1e9;
            rows.add(String.format("| JVM while importing %,d entities: resident memory idle before, highest during; largest heap | %d MiB, %d MiB (+%d); %d MiB | target +200 MiB at most |",
                    manifest.totalEntities, idle, peak.stop(), peak.highest() - idle, peak.heapCommitted()));
            rows.add(String.format("| import %,d entities (%.1f MB) in one `POST /api/v1/catalog/import` | %.1f s (%s) | target < 30 s |",
                    manifest.totalEntities, all.length() / 1024.0 / 1024.0, seconds, created(report)));
            System.gc();
            rows.add(String.format("| JVM after that import: resident memory, heap used after GC | %d MiB, %d MiB | |",
                    rssMib(), heapMib()));
        }

    }

    private static void importLargeAndMeasure(Path large, boolean importOnly, int warmup, int runs, List<String> rows)
            throws Exception {
        try (ConfigurableApplicationContext context = start("large")) {
            Manifest manifest = Manifest.read(large);
            System.gc();
            long idle = rssMib();
            PeakRss peak = PeakRss.start();
            byte[] archive = tarGz(large, manifest.files);
            long started = System.nanoTime();
            String report = postArchive(context, archive, "catalog.tar.gz");
            double seconds = (System.nanoTime() - started) / 1e9;
            rows.add(String.format("| JVM while importing %,d entities: resident memory idle before, highest during; largest heap | %d MiB, %d MiB (+%d); %d MiB | target +200 MiB at most |",
                    manifest.totalEntities, idle, peak.stop(), peak.highest() - idle, peak.heapCommitted()));
            rows.add(String.format("| import %,d entities, %d files as one .tar.gz (%.1f MB) in one request | %.1f s (%s) | |",
                    manifest.totalEntities, manifest.files.size(), archive.length / 1024.0 / 1024.0, seconds, created(report)));
            System.gc();
            rows.add(String.format("| JVM after that import: resident memory, heap used after GC | %d MiB, %d MiB | |",
                    rssMib(), heapMib()));
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            jdbc.execute("VACUUM ANALYZE");
            CatalogService catalog = context.getBean(CatalogService.class);
            SystemAuthentication system = context.getBean(SystemAuthentication.class);
            String typo = mistype(manifest.ftsWord);
            String team = "team-42";
            String one = manifest.sampleComponent;

            // one service in a hundred gets a Japanese title, as a Japanese company's catalog would have
            jdbc.update("UPDATE catalog_services SET title = CASE id % 3 WHEN 0 THEN '決済ゲートウェイ ' WHEN 1"
                    + " THEN '経費精算を申請する ' ELSE '在庫引当サービス ' END || name WHERE id % 100 = 0");
            jdbc.execute("VACUUM ANALYZE catalog_services");
            Map<String, Measure> measures = new LinkedHashMap<>();
            measures.put("Japanese part of a title \"精算\" (1,000 of 100,000 have it): first page and the total", new Measure(30,
                    () -> search(catalog, "精算"),
                    () -> jdbc.queryForList("SELECT * FROM catalog_services WHERE title LIKE '%精算%' ORDER BY lower(name) LIMIT 50")
                            .size() + jdbc.queryForObject("SELECT count(*) FROM catalog_services WHERE title LIKE '%精算%'", Long.class)));
            measures.put("first page (50 by name) and the total", new Measure(30,
                    () -> {
                        CatalogQuery q = catalog.query(null, CatalogFilter.NONE);
                        return catalog.list(q, CatalogServices.Sort.NAME, org.springframework.data.domain.PageRequest.of(0, 50)).size() + catalog.count(q);
                    },
                    () -> jdbc.queryForList("SELECT * FROM catalog_services ORDER BY lower(name) LIMIT 50").size()
                            + jdbc.queryForObject("SELECT count(*) FROM catalog_services", Long.class)));
            measures.put("search \"" + manifest.ftsWord + "\": first page and the total", new Measure(30,
                    () -> search(catalog, manifest.ftsWord),
                    () -> plainSearch(jdbc, manifest.ftsWord)));
            measures.put("typo-tolerant search \"" + typo + "\" (corrected to \"" + manifest.ftsWord + "\"): first page and the total",
                    new Measure(30, () -> search(catalog, typo),
                            () -> jdbc.queryForList("SELECT word FROM catalog_search_words WHERE word % ? ORDER BY word <-> ?, word LIMIT 1",
                                    typo, typo).size() + plainSearch(jdbc, manifest.ftsWord)));
            measures.put("owner filter (" + team + "): first page and the total", new Measure(10,
                    () -> {
                        CatalogQuery q = catalog.query(null, new CatalogFilter(team, false, false, null, null, null, null));
                        return catalog.list(q, CatalogServices.Sort.NAME, org.springframework.data.domain.PageRequest.of(0, 50)).size() + catalog.count(q);
                    },
                    () -> {
                        Long id = jdbc.queryForObject("SELECT id FROM teams WHERE slug = ?", Long.class, team);
                        return jdbc.queryForList("SELECT * FROM catalog_services WHERE owner_team_id = ? ORDER BY lower(name) LIMIT 50", id).size()
                                + jdbc.queryForObject("SELECT count(*) FROM catalog_services WHERE owner_team_id = ?", Long.class, id);
                    }));
            measures.put("one service by name (" + one + ")", new Measure(5,
                    () -> catalog.get(one).version(),
                    () -> jdbc.queryForList("SELECT * FROM catalog_services WHERE lower(name) = lower(?)", one).size()));
            measures.put("one service's whole page: owner, contacts, relations both ways, system", new Measure(null,
                    () -> catalog.details(one).dependsOn().size(),
                    () -> jdbc.queryForList("SELECT * FROM catalog_services WHERE lower(name) = lower(?)", one).size()));
            measures.put("counts per lifecycle and per tier", new Measure(30,
                    () -> catalog.facets(catalog.query(null, CatalogFilter.NONE)).lifecycles().size(),
                    () -> jdbc.queryForList("SELECT lifecycle, count(*) FROM catalog_services GROUP BY lifecycle").size()
                            + jdbc.queryForList("SELECT tier, count(*) FROM catalog_services GROUP BY tier").size()));
            measures.put("the catalog view's first render: query, counts, summary, first grid page", new Measure(300,
                    () -> {
                        CatalogQuery q = catalog.query("", CatalogFilter.NONE);
                        catalog.facets(q);
                        catalog.count(q);
                        return catalog.list(q, CatalogServices.Sort.NAME, org.springframework.data.domain.PageRequest.of(0, 50)).size() + catalog.count(q);
                    }, null));

            if (importOnly) {
                measures.clear();
            }
            system.runAsSystem(() -> {
                measures.forEach((name, m) -> {
                    Stats engawa = time(m.engawa, warmup, runs);
                    Stats plain = m.plain == null ? null : time(m.plain, warmup, runs);
                    rows.add(String.format("| %s | p50 %.2f ms, p95 %.2f ms, p99 %.2f ms | %s| %s |", name, engawa.p50, engawa.p95,
                            engawa.p99, plain == null ? "" : String.format("p95 %.2f ms; Engawa / SQL %.2f ", plain.p95, engawa.p95 / plain.p95),
                            m.targetMillis == null ? "" : "target p95 < " + m.targetMillis + " ms"));
                });
                return null;
            });
            System.gc();
            rows.add(String.format("| JVM with %,d services loaded: resident memory, heap used after GC | %d MiB, %d MiB | |",
                    jdbc.queryForObject("SELECT count(*) FROM catalog_services", Long.class), rssMib(), heapMib()));
        }
    }

    private record Measure(Integer targetMillis, Supplier<Object> engawa, Supplier<Object> plain) {
    }

    record Stats(double p50, double p95, double p99) {
    }

    static Stats time(Supplier<Object> work, int warmup, int runs) {
        for (int i = 0; i < warmup; i++) {
            work.get();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            work.get();
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        return new Stats(millis[runs / 2], millis[(int) (runs * 0.95)], millis[(int) (runs * 0.99)]);
    }

    private static long search(CatalogService catalog, String text) {
        CatalogQuery q = catalog.query(text, CatalogFilter.NONE);
        return catalog.list(q, CatalogServices.Sort.NAME, org.springframework.data.domain.PageRequest.of(0, 50)).size() + catalog.count(q);
    }

    private static long plainSearch(JdbcTemplate jdbc, String word) {
        String query = word + ":*";
        return jdbc.queryForList("SELECT * FROM catalog_services WHERE search @@ to_tsquery('simple', ?)"
                        + " ORDER BY (lower(name) = ?) DESC, ts_rank(search, to_tsquery('simple', ?)) DESC, lower(name) LIMIT 50",
                query, word, query).size()
                + jdbc.queryForObject("SELECT count(*) FROM catalog_services WHERE search @@ to_tsquery('simple', ?)", Long.class, query);
    }

    /** Two letters swapped in the middle: "paymnets" for "payments". */
    static String mistype(String word) {
        int i = word.length() / 2;
        return word.substring(0, i - 1) + word.charAt(i) + word.charAt(i - 1) + word.substring(i + 1);
    }

    private static ConfigurableApplicationContext start(String name) throws IOException {
        return BenchPortal.start("catalog-" + name, Map.of("engawa.admin-token", TOKEN));
    }

    private static byte[] tarGz(Path folder, List<String> files) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (org.apache.commons.compress.archivers.tar.TarArchiveOutputStream tar =
                new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(new java.util.zip.GZIPOutputStream(bytes))) {
            for (String file : files) {
                byte[] content = Files.readAllBytes(folder.resolve(file));
                org.apache.commons.compress.archivers.tar.TarArchiveEntry entry =
                        new org.apache.commons.compress.archivers.tar.TarArchiveEntry("catalog/" + file);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static String post(ConfigurableApplicationContext context, String yaml, String file) throws Exception {
        return post(context, HttpRequest.BodyPublishers.ofString(yaml), "application/yaml", file);
    }

    private static String postArchive(ConfigurableApplicationContext context, byte[] archive, String file) throws Exception {
        return post(context, HttpRequest.BodyPublishers.ofByteArray(archive), "application/gzip", file);
    }

    private static String post(ConfigurableApplicationContext context, HttpRequest.BodyPublisher body, String mediaType,
            String file) throws Exception {
        String port = context.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/catalog/import?file=" + file))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", mediaType).POST(body).build();
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newHttpClient()) {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("import of " + file + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(2000, response.body().length())));
        }
        return response.body();
    }

    static String created(String report) {
        Matcher m = Pattern.compile("\"kind\"\\s*:\\s*\"(\\w+)\"\\s*,\\s*\"created\"\\s*:\\s*(\\d+)").matcher(report);
        List<String> parts = new ArrayList<>();
        while (m.find()) {
            parts.add(m.group(2) + " " + m.group(1));
        }
        return "created " + String.join(", ", parts);
    }

    /** The highest resident memory, and the largest heap the JVM held, seen while it runs, read every 100 ms. */
    static final class PeakRss {
        private volatile boolean running = true;
        private volatile long highest;
        private volatile long heapCommitted;
        private Thread thread;

        static PeakRss start() {
            PeakRss peak = new PeakRss();
            peak.thread = Thread.ofPlatform().daemon().start(() -> {
                while (peak.running) {
                    try {
                        peak.highest = Math.max(peak.highest, rssMib());
                        peak.heapCommitted = Math.max(peak.heapCommitted, Runtime.getRuntime().totalMemory() / 1024 / 1024);
                        Thread.sleep(100);
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            });
            return peak;
        }

        long stop() {
            running = false;
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return highest;
        }

        long highest() {
            return highest;
        }

        long heapCommitted() {
            return heapCommitted;
        }
    }

    private static long rssMib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static long heapMib() {
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) / 1024 / 1024;
    }

    /** What the generator wrote: its files in import order and the facts queries use. */
    record Manifest(List<String> files, int totalEntities, String ftsWord, String sampleComponent) {

        static Manifest read(Path dir) throws IOException {
            String json = Files.readString(dir.resolve("manifest.json"));
            List<String> files = new ArrayList<>();
            Matcher list = Pattern.compile("\"files\"\\s*:\\s*\\[([^]]*)]").matcher(json);
            if (list.find()) {
                Matcher name = Pattern.compile("\"([^\"]+)\"").matcher(list.group(1));
                while (name.find()) {
                    files.add(name.group(1));
                }
            }
            return new Manifest(files, Integer.parseInt(field(json, "totalEntities")), field(json, "ftsWord"),
                    field(json, "sampleComponent"));
        }

        private static String field(String json, String key) {
            Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\"?([^\",}]+)\"?").matcher(json);
            if (!m.find()) {
                throw new IllegalStateException("manifest.json has no " + key);
            }
            return m.group(1).strip();
        }
    }
}

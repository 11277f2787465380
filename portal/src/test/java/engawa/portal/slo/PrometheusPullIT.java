package engawa.portal.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus (Debian's, as CI installs it) scraping the portal's own /actuator/prometheus
 * with a bearer token, and the portal pulling its SLO from it: the 404s this test causes are
 * exactly the bad events measured; a query Prometheus refuses or one that matches nothing leaves
 * a message on the SLO and no measurement. Runs on the real clock (Prometheus does), so it has a
 * context of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "engawa.data-dir=target/it-data/${random.uuid}",
        "engawa.admin-token=" + PrometheusPullIT.ADMIN_TOKEN,
        "engawa.demo-data=true",
        // 5-second slices read every second in this test; the scheduler stays out of its way
        "engawa.slo.prometheus-slice=5s",
        "engawa.slo.prometheus-lag=5s",
        "engawa.slo.prometheus-interval=1s",
        "engawa.slo.pull-poll-interval=1h"})
class PrometheusPullIT {

    static final String ADMIN_TOKEN = "prometheus-it-admin-token-0123456789";
    static final int PORTAL_PORT = freePort();
    static final int PROMETHEUS_PORT = freePort();
    static final Process PROMETHEUS = startPrometheus();

    final HttpClient http = HttpClient.newHttpClient();
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PrometheusPull pull;

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORTAL_PORT);
        registry.add("engawa.prometheus-url", () -> "http://127.0.0.1:" + PROMETHEUS_PORT);
    }

    static String prometheusBinary() {
        String configured = System.getenv("ENGAWA_PROMETHEUS_BIN");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator)).map(d -> Path.of(d, "prometheus"))
                .filter(Files::isExecutable).findFirst().map(Path::toString)
                .orElseThrow(() -> new IllegalStateException("This test needs a Prometheus binary: on Debian or Ubuntu "
                        + "`apt-get install prometheus` (as .ci/run does), or set ENGAWA_PROMETHEUS_BIN to one."));
    }

    static Process startPrometheus() {
        try {
            Path dir = Files.createTempDirectory("engawa-prometheus");
            Path config = dir.resolve("prometheus.yml");
            Files.writeString(config, """
                    global:
                      # a busy machine (the whole suite) can take more than a second to answer a scrape
                      scrape_interval: 2s
                      scrape_timeout: 2s
                    scrape_configs:
                      - job_name: engawa
                        metrics_path: /actuator/prometheus
                        authorization:
                          type: Bearer
                          credentials: %s
                        static_configs:
                          - targets: ['127.0.0.1:%d']
                    """.formatted(ADMIN_TOKEN, PORTAL_PORT));
            return new ProcessBuilder(prometheusBinary(), "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + PROMETHEUS_PORT)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopPrometheus() {
        PROMETHEUS.destroy();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> portal(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORTAL_PORT + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode prometheus(String query) throws Exception {
        String url = "http://127.0.0.1:" + PROMETHEUS_PORT + "/api/v1/query?query=" + java.net.URLEncoder.encode(query,
                java.nio.charset.StandardCharsets.UTF_8);
        return json.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    String range(String query) {
        try {
            long now = java.time.Instant.now().getEpochSecond() / 5 * 5;
            String url = "http://127.0.0.1:" + PROMETHEUS_PORT + "/api/v1/query_range?step=5s&start=" + (now - 90) + "&end=" + now
                    + "&query=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8);
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** What Prometheus says about its scrapes, for a failure message. */
    String targets() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PROMETHEUS_PORT + "/api/v1/targets")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** When Prometheus last scraped the portal, in seconds since the epoch. */
    double lastScrape() throws Exception {
        JsonNode result = prometheus("timestamp(up{job=\"engawa\"})").path("data").path("result");
        return result.isEmpty() ? 0 : Double.parseDouble(result.get(0).path("value").get(1).asString());
    }

    long createSlo(String name, String good, String total) throws Exception {
        HttpResponse<String> created = portal("POST", "/api/v1/services/engawa/slos", """
                {"name": "%s", "goodMeans": "A request is answered without a client or server error.", "objectivePercent": 99,
                 "window": "7d", "goodQuery": %s, "totalQuery": %s}""".formatted(name, json.writeValueAsString(good),
                json.writeValueAsString(total)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asLong();
    }

    @Test
    void the_portal_reads_its_own_requests_from_prometheus_and_counts_exactly_the_failed_ones() throws Exception {
        try {
            // steady: every scrape of the last 10 seconds worked (a cold portal answers the first ones slowly)
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
                JsonNode up = prometheus("min_over_time(up{job=\"engawa\"}[10s]) * count_over_time(up{job=\"engawa\"}[10s])");
                return up.path("data").path("result").size() == 1
                        && Double.parseDouble(up.path("data").path("result").get(0).path("value").get(1).asString()) >= 4;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("Prometheus does not scrape the portal; its targets say: " + targets(), e);
        }
        long id = createSlo("answers", "sum(http_server_requests_seconds_count{status!~\"4..|5..\"})",
                "sum(http_server_requests_seconds_count)");
        // the counters are in Prometheus before the requests we count are made
        await().atMost(Duration.ofSeconds(30)).until(() -> prometheus("sum(http_server_requests_seconds_count)")
                .path("data").path("result").size() == 1);
        // and a scrape that began after this point has landed, so the requests below fall after it
        double before = lastScrape();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> lastScrape() > before);
        for (int i = 0; i < 20; i++) {
            assertThat(portal("GET", "/api/v1/slos/" + id, null).statusCode()).isEqualTo(200);
        }
        for (int i = 0; i < 5; i++) {
            assertThat(portal("GET", "/api/v1/no-such-thing", null).statusCode()).isEqualTo(404);
        }
        // pull until the slices cover the requests: their sums then no longer change
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                pull.pullDue();
                Long bad = jdbc.queryForObject("SELECT coalesce(sum(total - good), 0) FROM slo_measurements WHERE slo_id = ?",
                        Long.class, id);
                return bad != null && bad >= 5;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("The 404s were not measured. The SLO: " + jdbc.queryForMap(
                    "SELECT pulled_at, pulled_until, pull_error, pull_due_at, pull_lease_until FROM slos WHERE id = ?", id)
                    + "; measured: " + jdbc.queryForMap("SELECT count(*), sum(total), sum(total - good), max(end_at) FROM slo_measurements"
                    + " WHERE slo_id = ?", id) + "; Prometheus: " + prometheus("sum(http_server_requests_seconds_count)") + " "
                    + prometheus("sum(http_server_requests_seconds_count{status=\"404\"})") + "; slices: "
                    + jdbc.queryForList("SELECT start_at, good, total FROM slo_measurements WHERE slo_id = ? ORDER BY start_at", id)
                    + "; range: " + range("sum(http_server_requests_seconds_count)"), e);
        }
        // a few more pulls, each after a new scrape: nothing counted twice, nothing lost
        for (int i = 0; i < 3; i++) {
            double seen = lastScrape();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> lastScrape() > seen);
            pull.pullDue();
        }
        Map<String, Object> sums = jdbc.queryForMap(
                "SELECT sum(total - good) AS bad, sum(total) AS total, count(*) AS slices FROM slo_measurements WHERE slo_id = ?", id);
        assertThat(((Number) sums.get("bad")).longValue()).as("exactly the 404s this test made").isEqualTo(5);
        assertThat(((Number) sums.get("total")).longValue()).as("the 25 requests and the scrapes").isGreaterThanOrEqualTo(25);
        Map<String, Object> row = jdbc.queryForMap("SELECT pulled_at, pull_error, received_at FROM slos WHERE id = ?", id);
        assertThat(row.get("pull_error")).isNull();
        assertThat(row.get("received_at")).isNotNull();

        JsonNode status = json.readTree(portal("GET", "/api/v1/slos/" + id + "/status", null).body());
        assertThat(status.get("events").get("bad").asLong()).isEqualTo(5);
        assertThat(status.get("state").asString()).isNotEqualTo("no-data");
        JsonNode slo = json.readTree(portal("GET", "/api/v1/slos/" + id, null).body());
        assertThat(slo.get("source").asString()).isEqualTo("prometheus");
        assertThat(slo.get("pulledAt").isNull()).isFalse();
        // the demo's own SLO on the portal's requests is read as well
        Long demo = jdbc.queryForObject("SELECT count(*) FROM slo_measurements m JOIN slos o ON o.id = m.slo_id"
                + " WHERE o.name = 'portal-requests'", Long.class);
        assertThat(demo).isPositive();
    }

    @Test
    void a_query_that_fails_or_matches_nothing_leaves_a_message_and_no_measurement() throws Exception {
        long broken = createSlo("broken-query", "sum(rate(", "sum(http_server_requests_seconds_count)");
        long empty = createSlo("empty-query", "sum(no_such_metric_total)", "sum(http_server_requests_seconds_count)");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            pull.pullDue();
            return jdbc.queryForObject("SELECT count(*) FROM slos WHERE id IN (?, ?) AND pull_error IS NOT NULL", Long.class,
                    broken, empty) == 2;
        });
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT name, pull_error, state FROM slos WHERE id IN (?, ?) ORDER BY name",
                broken, empty);
        assertThat(rows.get(0).get("pull_error").toString()).startsWith("Prometheus refused the query").contains("parse error");
        assertThat(rows.get(1).get("pull_error").toString()).contains("returned no data");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("state")).isEqualTo("NO_DATA"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM slo_measurements WHERE slo_id IN (?, ?)", Long.class, broken, empty))
                .isZero();
        JsonNode slo = json.readTree(portal("GET", "/api/v1/slos/" + empty, null).body());
        assertThat(slo.get("pullError").asString()).contains("no data");
    }
}

package engawa.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded database's disk runs full: its data directory on a small tmpfs of its own (mounting
 * one needs root, which CI has). A catalog import that does not fit is refused, nothing of it is
 * written, the health report says why, and once the disk has room the portal starts its database
 * again by itself if it stopped, and finds every row that was committed. The figures printed are a row of docs/RESILIENCE.md.
 */
class DiskFullFaultsIT {

    static final String ADMIN_TOKEN = "disk-" + System.nanoTime();
    final HttpClient http = HttpClient.newHttpClient();
    Path dataDir;
    PortalProcess portal;

    @AfterEach
    void cleanUp() throws Exception {
        if (portal != null) {
            portal.close();
        }
        if (dataDir != null) {
            try {
                Commands.run(List.of("umount", "-l", dataDir.toString()));
            } finally {
                RunningPortal.deleteTree(dataDir);
            }
        }
    }

    @Test
    void a_full_disk_refuses_the_import_that_does_not_fit_says_why_and_loses_nothing_committed() throws Exception {
        assertThat(System.getProperty("user.name")).as("this test mounts a small tmpfs: run it as root (CI does)")
                .isEqualTo("root");
        dataDir = Files.createTempDirectory("engawa-disk-full-");
        Commands.run(List.of("mount", "-t", "tmpfs", "-o", "size=80m", "tmpfs", dataDir.toString()));
        portal = start();

        // a fresh portal takes about 45 MB; 3,000 services fit (about 5 KB each with their indexes and
        // log), 12,000 more do not
        HttpResponse<String> fits = importYaml(GeneratedCatalog.components("fits", 3_000));
        assertThat(fits.statusCode()).as(fits.body()).isEqualTo(200);
        long committed = count("fits");
        assertThat(committed).isEqualTo(3_000);

        long postmasterBefore = postmasterPid();
        long logBefore = Files.size(portal.log());
        HttpResponse<String> full = importYaml(GeneratedCatalog.components("too-many", 12_000));
        String health = get("/actuator/health");
        System.out.printf("RESILIENCE | disk full: the import answered %d %s; health: %s%n", full.statusCode(), full.body(), health);
        assertThat(full.statusCode()).isEqualTo(503);
        assertThat(full.body()).contains("database").contains("Try again");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("/actuator/health"))
                .contains("\"status\":\"DOWN\"").contains("databaseDisk").contains("make room"));

        // an admin makes room (here: a bigger tmpfs); the portal starts its database again by itself if it stopped
        long started = System.nanoTime();
        Commands.run(List.of("mount", "-o", "remount,size=200m", dataDir.toString()));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(get("/actuator/health")).contains("\"status\":\"UP\""));
        Duration recovered = Duration.ofNanos(System.nanoTime() - started);
        assertThat(portal.isAlive()).as("the same portal process, not restarted").isTrue();
        // Unable to write its log, PostgreSQL either stops (the portal then starts it again, and says
        // so) or, when its crash recovery found room, resets its sessions and runs on by itself:
        // which of the two depends on the moment the disk ran full, so both are right.
        boolean restartedByPortal = postmasterPid() != postmasterBefore;
        if (restartedByPortal) {
            assertThat(newLog(logBefore)).as("a new PostgreSQL server: the portal's log since the disk ran full")
                    .contains("Embedded PostgreSQL is up again");
        }
        assertThat(count("fits")).as("the services committed before the disk ran full").isEqualTo(committed);
        assertThat(count("too-many")).as("the import that did not fit left nothing").isZero();
        HttpResponse<String> again = importYaml(GeneratedCatalog.components("too-many", 12_000));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(count("too-many")).isEqualTo(12_000);
        System.out.printf("RESILIENCE | disk full: after making room, up again in %.1f s with all %d committed services,"
                + " none of the refused import, without restarting the portal (%s); the import sent again took all 12000%n",
                recovered.toMillis() / 1e3, committed, restartedByPortal ? "the portal started PostgreSQL again"
                        : "PostgreSQL had recovered by itself");
    }

    /** The PostgreSQL server's process, as its {@code postmaster.pid} names it. */
    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).getFirst().trim());
    }

    private String newLog(long from) throws IOException {
        byte[] all = Files.readAllBytes(portal.log());
        return new String(all, (int) from, all.length - (int) from, java.nio.charset.StandardCharsets.UTF_8);
    }

    private PortalProcess start() {
        return PortalProcess.start(Map.of("ENGAWA_DATA_DIR", dataDir.toString(), "ENGAWA_ADMIN_TOKEN", ADMIN_TOKEN,
                "ENGAWA_DEMO_DATA", "true"), "portal-disk-full.log");
    }

    private long count(String prefix) throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(portal.baseUrl()
                + "/api/v1/services?size=1&tag=" + prefix)).GET());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        java.util.regex.Matcher total = java.util.regex.Pattern.compile("\"total\":(\\d+)").matcher(page.body());
        assertThat(total.find()).as(page.body()).isTrue();
        return Long.parseLong(total.group(1));
    }

    private String get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(portal.baseUrl() + path)).GET()).body();
    }

    private HttpResponse<String> importYaml(String yaml) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(portal.baseUrl() + "/api/v1/catalog/import"))
                .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(yaml)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofMinutes(3)).header("Authorization", "Bearer " + ADMIN_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

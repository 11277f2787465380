package engawa.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged portal jar, started once for all journeys on a free port with its own temporary
 * data directory and demo data, exactly as a person would start it; stopped when the JVM exits.
 */
public final class RunningPortal {

    private static RunningPortal instance;

    private final Process process;
    private final int port;
    private final Path dataDir;
    private final String adminToken;
    private final Path log;

    private RunningPortal(Process process, int port, Path dataDir, String adminToken, Path log) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
        this.adminToken = adminToken;
        this.log = log;
    }

    public static synchronized RunningPortal get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "stop-portal"));
        }
        return instance;
    }

    private static RunningPortal start() {
        Path jar = Paths.get(System.getProperty("engawa.portal.jar", "../portal/target/engawa-portal.jar")).toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("No portal jar at " + jar + ": build it first (./mvnw verify builds it before the journeys)");
        }
        try {
            int port = freePort();
            Path dataDir = Files.createTempDirectory("engawa-e2e-");
            Path log = Paths.get("target", "portal-e2e.log").toAbsolutePath();
            Files.createDirectories(log.getParent());
            String adminToken = "e2e-" + UUID.randomUUID();
            ProcessBuilder builder = new ProcessBuilder(
                    Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("SERVER_PORT", Integer.toString(port));
            builder.environment().put("ENGAWA_DATA_DIR", dataDir.toString());
            builder.environment().put("ENGAWA_DEMO_DATA", "true");
            builder.environment().put("ENGAWA_ADMIN_TOKEN", adminToken);
            builder.environment().remove("ENGAWA_DB_URL");
            Process process = builder.start();
            RunningPortal portal = new RunningPortal(process, port, dataDir, adminToken, log);
            portal.awaitHealthy(Duration.ofSeconds(180));
            return portal;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the portal", e);
        }
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The portal exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        stop();
        throw new IllegalStateException("The portal did not answer within " + timeout + "; see " + log);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public String adminToken() {
        return adminToken;
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

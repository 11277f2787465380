package engawa.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The packaged portal, started once for all journeys with its own temporary data directory and
 * demo data; stopped when the JVM exits. Webhooks may go to receivers on this machine.
 */
public final class RunningPortal {

    private static RunningPortal instance;

    private final PortalProcess process;
    private final Path dataDir;
    private final String adminToken;

    private RunningPortal(PortalProcess process, Path dataDir, String adminToken) {
        this.process = process;
        this.dataDir = dataDir;
        this.adminToken = adminToken;
    }

    public static synchronized RunningPortal get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "stop-portal"));
        }
        return instance;
    }

    private static RunningPortal start() {
        try {
            Path dataDir = Files.createTempDirectory("engawa-e2e-");
            String adminToken = "e2e-" + UUID.randomUUID();
            PortalProcess process = PortalProcess.start(Map.of(
                    "ENGAWA_DATA_DIR", dataDir.toString(),
                    "ENGAWA_DEMO_DATA", "true",
                    "ENGAWA_ADMIN_TOKEN", adminToken,
                    "ENGAWA_WEBHOOKS_ALLOWED_HOSTS", "localhost,127.0.0.1"), "portal-e2e.log");
            return new RunningPortal(process, dataDir, adminToken);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the portal", e);
        }
    }

    public String baseUrl() {
        return process.baseUrl();
    }

    public String adminToken() {
        return adminToken;
    }

    private void stop() {
        process.close();
        deleteTree(dataDir);
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}

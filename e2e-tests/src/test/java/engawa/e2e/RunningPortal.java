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
    private final com.icegreen.greenmail.util.GreenMail mail;

    private RunningPortal(PortalProcess process, Path dataDir, String adminToken, com.icegreen.greenmail.util.GreenMail mail) {
        this.process = process;
        this.dataDir = dataDir;
        this.adminToken = adminToken;
        this.mail = mail;
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
            // a real SMTP server for the portal's e-mails, which journeys read
            com.icegreen.greenmail.util.GreenMail mail = new com.icegreen.greenmail.util.GreenMail(
                    new com.icegreen.greenmail.util.ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
            mail.start();
            PortalProcess process = PortalProcess.start(Map.of(
                    "ENGAWA_DATA_DIR", dataDir.toString(),
                    "ENGAWA_DEMO_DATA", "true",
                    "ENGAWA_ADMIN_TOKEN", adminToken,
                    "ENGAWA_WEBHOOKS_ALLOWED_HOSTS", "localhost,127.0.0.1",
                    "SPRING_MAIL_HOST", "127.0.0.1",
                    "SPRING_MAIL_PORT", String.valueOf(mail.getSmtp().getPort()),
                    "ENGAWA_NOTIFICATIONS_POLL_INTERVAL", "500ms"), "portal-e2e.log");
            return new RunningPortal(process, dataDir, adminToken, mail);
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

    /** The e-mails the portal sent, as its SMTP server received them. */
    public com.icegreen.greenmail.util.GreenMail mail() {
        return mail;
    }

    private void stop() {
        process.close();
        mail.stop();
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

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged portal running as its own process, started exactly as a person would start it
 * (java -jar with environment variables), which tests may stop or kill like any process.
 */
public final class PortalProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private PortalProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the jar on a free port and waits until it serves the login page.
     *
     * @param environment ENGAWA_* settings; ENGAWA_DB_URL is removed unless given here
     * @param logName file name under target/ for the portal's output
     */
    public static PortalProcess start(Map<String, String> environment, String logName) {
        Path jar = Paths.get(System.getProperty("engawa.portal.jar", "../portal/target/engawa-portal.jar")).toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("No portal jar at " + jar + ": build it first (./mvnw verify builds it before the journeys)");
        }
        return start(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()),
                System.getenv(), environment, logName);
    }

    /**
     * Starts a command that runs the portal, on a free port, and waits until it serves the login page.
     *
     * @param inherited the environment the command starts from (ENGAWA_DB_URL and SERVER_PORT removed)
     * @param environment settings on top; a SERVER_PORT here is kept (a restart behind a balancer), else a free port
     */
    static PortalProcess start(List<String> command, Map<String, String> inherited, Map<String, String> environment,
            String logName) {
        try {
            int port = environment.containsKey("SERVER_PORT") ? Integer.parseInt(environment.get("SERVER_PORT")) : freePort();
            Path log = Paths.get("target", logName).toAbsolutePath();
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().clear();
            builder.environment().putAll(inherited);
            builder.environment().remove("ENGAWA_DB_URL");
            builder.environment().put("SERVER_PORT", Integer.toString(port));
            builder.environment().putAll(environment);
            PortalProcess portal = new PortalProcess(builder.start(), port, log);
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
        close();
        throw new IllegalStateException("The portal did not answer within " + timeout + "; see " + log);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** The file the portal writes its output to (appended to across starts). */
    public Path log() {
        return log;
    }

    /** The operating system's id of the portal's JVM (for jcmd), when the command ran Java itself. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no graceful stop, as when a machine dies. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

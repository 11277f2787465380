package engawa.e2e;

import java.io.IOException;
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
 * Debian's HAProxy in front of portals, as ingress-nginx is in deploy/kubernetes: a cookie
 * (ENGAWA_ROUTE) keeps a browser on the portal that holds its Vaadin session, health checks on the
 * readiness endpoint take a stopped portal out, and a browser whose portal is gone goes to another.
 */
final class LoadBalancer implements AutoCloseable {

    static final String ROUTE_COOKIE = "ENGAWA_ROUTE";

    private final Process process;
    private final int port;

    private LoadBalancer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param port where the balancer listens: known before the portals start, as their public address
     * @param backends the portals' ports by the name the cookie carries
     */
    static LoadBalancer start(int port, Map<String, Integer> backends, Path directory) throws IOException {
        String haproxy = List.of("/usr/sbin/haproxy", "/usr/bin/haproxy").stream().filter(p -> Files.isExecutable(Paths.get(p)))
                .findFirst().orElseThrow(() -> new IllegalStateException(
                        "No HAProxy: install Debian's (apt-get install haproxy); .ci/run does"));
        StringBuilder servers = new StringBuilder();
        backends.forEach((name, backendPort) -> servers.append("  server %s 127.0.0.1:%d cookie %s check inter 500ms fall 2 rise 2%n"
                .formatted(name, backendPort, name)));
        Path config = directory.resolve("haproxy.cfg");
        Files.writeString(config, """
                global
                  maxconn 2000
                defaults
                  mode http
                  option forwardfor
                  option redispatch
                  retries 2
                  timeout connect 2s
                  timeout client 1h
                  timeout server 1h
                  timeout tunnel 1h
                frontend portal
                  bind 127.0.0.1:%d
                  default_backend portals
                backend portals
                  balance roundrobin
                  cookie %s insert indirect nocache httponly
                  option httpchk GET /actuator/health/readiness
                  http-check expect status 200
                %s""".formatted(port, ROUTE_COOKIE, servers));
        Path log = Paths.get("target", "haproxy.log").toAbsolutePath();
        Process process = new ProcessBuilder(haproxy, "-db", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        LoadBalancer balancer = new LoadBalancer(process, port);
        balancer.awaitServing();
        return balancer;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitServing() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("HAProxy exited with " + process.exitValue() + "; see target/haproxy.log");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            PortalProcess.sleep(200);
        }
        throw new IllegalStateException("HAProxy did not serve the login page within 30 s; see target/haproxy.log");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}

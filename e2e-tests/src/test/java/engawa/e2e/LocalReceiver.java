package engawa.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A small real HTTP server on loopback that receives webhooks and answers with a chosen status. */
public final class LocalReceiver implements AutoCloseable {

    /** What arrived: the webhook-id header and the body. */
    public record Received(String webhookId, String path, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile long delayMillis;

    public LocalReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (delayMillis > 0) {
                    PortalProcess.sleep(delayMillis);
                }
                int answer = status;
                if (answer >= 200 && answer < 300) {
                    received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                            exchange.getRequestURI().getPath(), body));
                }
                byte[] reply = ("{\"status\":" + answer + "}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer, reply.length);
                exchange.getResponseBody().write(reply);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The status to answer from now on; only 2xx answers count as received. */
    public void answer(int status) {
        this.status = status;
    }

    /** Slows every answer, so that a test can catch the portal in the middle of sending. */
    public void delay(long millis) {
        this.delayMillis = millis;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

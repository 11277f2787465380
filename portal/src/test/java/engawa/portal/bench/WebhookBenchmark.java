package engawa.portal.bench;

import engawa.integrations.webhooks.WebhookSecret;
import engawa.integrations.webhooks.WebhookSigner;
import engawa.portal.shared.SystemAuthentication;
import engawa.portal.support.TestEvents;
import engawa.portal.webhooks.EventJson;
import engawa.portal.webhooks.WebhookDispatcher;
import engawa.portal.webhooks.WebhookSubscriptionService;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhook delivery throughput and delay, next to a bare OkHttp loop in the same run against the
 * same loopback receiver. Run with bench/webhooks.sh; prints a Markdown table.
 *
 * <ol>
 * <li>bare: OkHttp posts with per-request HMAC signing, {@code inFlight} at a time, nothing stored;</li>
 * <li>throughput: the outbox filled with N events while dispatch is off, then the portal's own
 * dispatcher started and timed until every delivery is recorded as delivered (fsync on);</li>
 * <li>delay: one event per transaction at a steady 100 per second, from commit to arrival.</li>
 * </ol>
 */
public final class WebhookBenchmark {

    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    public static void main(String[] args) throws Exception {
        int events = Integer.parseInt(System.getProperty("events", "50000"));
        int inFlight = Integer.parseInt(System.getProperty("inFlight", "32"));
        int rateSeconds = Integer.parseInt(System.getProperty("rateSeconds", "30"));
        String workers = System.getProperty("workers", "4");
        String batch = System.getProperty("batch", "250");
        String maxInFlight = System.getProperty("maxInFlight", "64");

        try (Receiver receiver = new Receiver()) {
            double bare = bareOkHttp(receiver, events, inFlight);
            Map<String, String> settings = Map.of(
                    "engawa.webhooks.allowed-hosts", "127.0.0.1",
                    "engawa.webhooks.workers", workers,
                    "engawa.webhooks.batch-size", batch,
                    "engawa.webhooks.max-in-flight", maxInFlight);
            try (ConfigurableApplicationContext context = BenchPortal.start("webhooks", settings)) {
                Result durable = durableThroughput(context, receiver, events);
                Delay delay = steadyDelay(context, receiver, rateSeconds);
                System.out.println();
                System.out.println("| measure | result |");
                System.out.println("|---|---|");
                System.out.printf("| bare OkHttp + HMAC, %d in flight, %,d requests | %,.0f requests/s |%n", inFlight, events, bare);
                System.out.printf("| Engawa dispatcher, %s workers x batches of %s, %s in flight, %,d events from the outbox | %,.0f deliveries/s (%.1f s; fill %.1f s) |%n",
                        workers, batch, maxInFlight, events, durable.perSecond, durable.seconds, durable.fillSeconds);
                System.out.printf("| Engawa / bare | %.2f |%n", durable.perSecond / bare);
                System.out.printf("| delay commit -> arrival at 100 events/s for %d s (%,d events) | p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms |%n",
                        rateSeconds, delay.count, delay.p50, delay.p95, delay.p99, delay.max);
                System.out.printf("| JVM heap used after the run | %d MB |%n",
                        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1024 / 1024);
            }
        }
        System.exit(0);
    }

    static double bareOkHttp(Receiver receiver, int requests, int inFlight) throws Exception {
        OkHttpClient client = new OkHttpClient.Builder().connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
                .followRedirects(false).build();
        WebhookSecret secret = WebhookSecret.generate();
        String url = receiver.url("/bare");
        // warm-up, then the measured run
        runBare(client, secret, url, Math.min(5_000, requests), inFlight);
        long started = System.nanoTime();
        runBare(client, secret, url, requests, inFlight);
        double seconds = (System.nanoTime() - started) / 1e9;
        client.connectionPool().evictAll();
        return requests / seconds;
    }

    private static void runBare(OkHttpClient client, WebhookSecret secret, String url, int requests, int inFlight)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(inFlight);
        for (int t = 0; t < inFlight; t++) {
            Thread.ofVirtual().start(() -> {
                try {
                    while (next.getAndIncrement() < requests) {
                        String id = UUID.randomUUID().toString();
                        long timestamp = Instant.now().getEpochSecond();
                        byte[] body = envelope(id);
                        Request request = new Request.Builder().url(url).header("webhook-id", id)
                                .header("webhook-timestamp", Long.toString(timestamp))
                                .header("webhook-signature", WebhookSigner.sign(secret, id, timestamp, body))
                                .post(RequestBody.create(body, JSON)).build();
                        try (Response response = client.newCall(request).execute()) {
                            response.body().source().request(1024);
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
    }

    static byte[] envelope(String id) {
        return ("{\"id\":\"" + id + "\",\"type\":\"service.updated\",\"timestamp\":\"" + Instant.now() + "\",\"data\":"
                + "{\"service\": {\"name\": \"payments-api\", \"tier\": 1, \"owner\": \"payments\"}, \"changed_fields\": \"tier\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    record Result(double perSecond, double seconds, double fillSeconds) {
    }

    static Result durableThroughput(ConfigurableApplicationContext context, Receiver receiver, int events) throws Exception {
        SystemAuthentication system = context.getBean(SystemAuthentication.class);
        WebhookSubscriptionService subscriptions = context.getBean(WebhookSubscriptionService.class);
        TransactionTemplate transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        system.runAsSystem(() -> subscriptions.subscribe("service.updated", receiver.url("/durable")));

        long fillStarted = System.nanoTime();
        for (int done = 0; done < events; done += 1000) {
            int size = Math.min(1000, events - done);
            transactions.executeWithoutResult(s -> {
                for (int i = 0; i < size; i++) {
                    context.publishEvent(TestEvents.serviceUpdated("payments-api"));
                }
            });
        }
        double fillSeconds = (System.nanoTime() - fillStarted) / 1e9;
        jdbc.execute("CHECKPOINT");
        long before = receiver.count("/durable");

        long started = System.nanoTime();
        context.getBean(WebhookDispatcher.class).start();
        while (jdbc.queryForObject("SELECT count(*) FROM webhook_deliveries WHERE status <> 'DELIVERED'", Long.class) > 0) {
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (receiver.count("/durable") - before < events) {
            throw new IllegalStateException("Only " + (receiver.count("/durable") - before) + " of " + events + " arrived");
        }
        return new Result(events / seconds, seconds, fillSeconds);
    }

    record Delay(int count, double p50, double p95, double p99, double max) {
    }

    static Delay steadyDelay(ConfigurableApplicationContext context, Receiver receiver, int seconds) throws Exception {
        SystemAuthentication system = context.getBean(SystemAuthentication.class);
        WebhookSubscriptionService subscriptions = context.getBean(WebhookSubscriptionService.class);
        TestEvents events = new TestEvents(context, context.getBean(PlatformTransactionManager.class),
                context.getBean(JdbcTemplate.class), context.getBean(EventJson.class));
        system.runAsSystem(() -> subscriptions.subscribe("service.created", receiver.url("/steady")));
        Map<String, Long> committed = new ConcurrentHashMap<>();
        int total = seconds * 100;
        AtomicInteger published = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(total);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ExecutorService publishers = Executors.newVirtualThreadPerTaskExecutor();
        ticker.scheduleAtFixedRate(() -> {
            if (published.getAndIncrement() >= total) {
                return;
            }
            int n = published.get();
            publishers.submit(() -> {
                UUID id = events.publish(TestEvents.serviceCreated("billing-" + n));
                committed.put(id.toString(), System.nanoTime());
                all.countDown();
            });
        }, 0, 10, TimeUnit.MILLISECONDS);
        all.await();
        ticker.shutdownNow();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (receiver.arrivals.keySet().stream().filter(committed::containsKey).count() < total && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        double[] delays = committed.entrySet().stream()
                .mapToDouble(e -> (receiver.arrivals.getOrDefault(e.getKey(), Long.MAX_VALUE / 2) - e.getValue()) / 1e6)
                .sorted().toArray();
        return new Delay(delays.length, percentile(delays, 50), percentile(delays, 95), percentile(delays, 99),
                delays[delays.length - 1]);
    }

    static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /**
     * A loopback receiver that does the least an HTTP/1.1 server can (keep-alive, Content-Length
     * bodies, 204 answers), so that it measures the sender, not itself. Counts requests per path
     * and notes when each webhook-id arrived.
     */
    static final class Receiver implements AutoCloseable {
        final java.net.ServerSocket server;
        final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
        final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        private static final byte[] NO_CONTENT = "HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

        Receiver() throws Exception {
            server = new java.net.ServerSocket(0, 1024, java.net.InetAddress.getLoopbackAddress());
            Thread.ofPlatform().daemon().name("receiver-accept").start(() -> {
                while (!server.isClosed()) {
                    try {
                        java.net.Socket socket = server.accept();
                        socket.setTcpNoDelay(true);
                        Thread.ofVirtual().start(() -> serve(socket));
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            });
        }

        private void serve(java.net.Socket socket) {
            try (socket; var in = new java.io.BufferedInputStream(socket.getInputStream(), 16384);
                    var out = socket.getOutputStream()) {
                while (true) {
                    String requestLine = line(in);
                    if (requestLine == null) {
                        return;
                    }
                    long now = System.nanoTime();
                    String path = requestLine.split(" ")[1];
                    int length = 0;
                    String id = null;
                    for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                        int colon = header.indexOf(':');
                        String name = header.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
                        if (name.equals("content-length")) {
                            length = Integer.parseInt(header.substring(colon + 1).trim());
                        } else if (name.equals("webhook-id")) {
                            id = header.substring(colon + 1).trim();
                        }
                    }
                    in.readNBytes(length);
                    counts.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
                    if (id != null && path.equals("/steady")) {
                        arrivals.putIfAbsent(id, now);
                    }
                    out.write(NO_CONTENT);
                    out.flush();
                }
            } catch (java.io.IOException e) {
                // the sender closed the connection
            }
        }

        private static String line(InputStream in) throws java.io.IOException {
            StringBuilder line = new StringBuilder(64);
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) c);
            }
            return line.isEmpty() ? null : line.toString();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getLocalPort() + path;
        }

        long count(String path) {
            return counts.getOrDefault(path, new AtomicLong()).get();
        }

        @Override
        public void close() throws java.io.IOException {
            server.close();
        }
    }
}

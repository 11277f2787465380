package engawa.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Four API clients that keep going while something breaks: two read the catalog, two write webhook
 * test events. They count every answer by status, keep the delivery of every write the portal
 * acknowledged (to look for afterwards), and keep any refusal that does not say the database is away.
 */
final class OutageLoad {

    private static final Pattern DELIVERY_ID = Pattern.compile("\"delivery_id\":(\\d+)");

    final AtomicInteger acknowledged = new AtomicInteger();
    final List<Long> deliveryIds = new CopyOnWriteArrayList<>();
    final AtomicInteger refused = new AtomicInteger();
    final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    final List<String> unclear = new CopyOnWriteArrayList<>();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;
    private final String hook;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> clients = new ArrayList<>();

    OutageLoad(String baseUrl, String token, String hook) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.hook = hook;
    }

    void start() {
        for (int i = 0; i < 4; i++) {
            boolean writes = i % 2 == 0;
            clients.add(Thread.ofPlatform().name("load-" + i).start(() -> {
                while (running.get()) {
                    try {
                        count(writes ? send("POST", "/api/v1/hooks/" + hook + "/test") : send("GET", "/api/v1/services?size=5"));
                    } catch (IOException e) {
                        statuses.merge(0, 1, Integer::sum);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
    }

    private void count(HttpResponse<String> answer) {
        statuses.merge(answer.statusCode(), 1, Integer::sum);
        if (answer.statusCode() == 202) {
            Matcher delivery = DELIVERY_ID.matcher(answer.body());
            if (delivery.find()) {
                deliveryIds.add(Long.parseLong(delivery.group(1)));
                acknowledged.incrementAndGet();
            } else {
                unclear.add("202 without a delivery id: " + answer.body());
            }
        } else if (answer.statusCode() >= 500) {
            refused.incrementAndGet();
            if (!answer.body().contains("database") && unclear.size() < 5) {
                unclear.add(answer.statusCode() + " " + answer.body());
            }
            PortalProcess.sleep(100);
        }
    }

    private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    void stop() throws InterruptedException {
        running.set(false);
        for (Thread client : clients) {
            client.join(Duration.ofSeconds(70));
        }
    }
}

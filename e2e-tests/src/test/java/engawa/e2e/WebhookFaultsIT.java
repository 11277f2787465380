package engawa.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook delivery when the receiver is away for a while, with the packaged portal as a separate
 * process. (A portal killed while sending, and two instances on one database:
 * {@link MultiInstanceFaultsIT}.) Events are made through the API's "send test event", which
 * writes the outbox like any feature does. Duplicates are counted and printed for the closing note.
 */
class WebhookFaultsIT {

    static final String ADMIN_TOKEN = "faults-" + System.nanoTime();
    static final Pattern SUBSCRIPTION_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    final HttpClient http = HttpClient.newHttpClient();
    final LocalReceiver receiver = new LocalReceiver();
    final List<AutoCloseable> cleanUp = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        receiver.close();
        for (AutoCloseable c : cleanUp.reversed()) {
            c.close();
        }
    }

    @Test
    void the_receiver_away_for_a_while_then_back_gets_every_event() throws Exception {
        PortalProcess portal = start(embedded(temporaryDirectory()), "portal-faults-down.log");
        String hook = subscribe(portal, "/down-then-up");
        receiver.answer(503);

        sendTestEvents(List.of(portal), hook, 50);
        Set<String> sent = eventIds(portal, hook);
        assertThat(sent).hasSize(50);
        PortalProcess.sleep(3_000);
        assertThat(receiver.received()).isEmpty();
        receiver.answer(200);

        // at 1/1000 the schedule's next tries come within seconds
        awaitAll(sent, Duration.ofSeconds(60));
        assertThat(idsReceived()).containsAll(sent);
        report("receiver down 3 s then back", sent.size(), receiver.received().size());
    }

    private Map<String, String> embedded(Path dataDir) {
        return Map.of("ENGAWA_DATA_DIR", dataDir.toString(), "ENGAWA_ADMIN_TOKEN", ADMIN_TOKEN,
                "ENGAWA_WEBHOOKS_ALLOWED_HOSTS", "127.0.0.1", "ENGAWA_WEBHOOKS_RETRY_SCALE", "0.001",
                "ENGAWA_DEMO_DATA", "true");
    }

    private PortalProcess start(Map<String, String> environment, String log) {
        PortalProcess portal = PortalProcess.start(environment, log);
        cleanUp.add(portal);
        return portal;
    }

    private Path temporaryDirectory() throws IOException {
        Path dir = Files.createTempDirectory("engawa-faults-");
        cleanUp.add(() -> RunningPortal.deleteTree(dir));
        return dir;
    }

    private String subscribe(PortalProcess portal, String path) throws Exception {
        HttpResponse<String> created = call(portal, "POST", "/api/v1/hooks",
                "{\"event\": \"service.updated\", \"target_url\": \"" + receiver.url(path) + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher id = SUBSCRIPTION_ID.matcher(created.body());
        assertThat(id.find()).isTrue();
        return id.group(1);
    }

    /** Test events through the API, 8 at a time, spread over the given instances. */
    private void sendTestEvents(List<PortalProcess> portals, String hook, int count) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                PortalProcess portal = portals.get(i % portals.size());
                calls.add(pool.submit(() -> {
                    HttpResponse<String> response = call(portal, "POST", "/api/v1/hooks/" + hook + "/test", null);
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
                    return null;
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        }
    }

    /** Every event the subscription has a delivery for, as the delivery log lists them: the ids receivers must see. */
    private Set<String> eventIds(PortalProcess portal, String hook) throws Exception {
        Set<String> ids = new java.util.HashSet<>();
        Pattern eventId = Pattern.compile("\"event_id\":\"([0-9a-f-]{36})\"");
        for (int page = 0; ; page++) {
            HttpResponse<String> response = call(portal, "GET", "/api/v1/deliveries?size=200&page=" + page + "&subscription=" + hook, null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            Matcher m = eventId.matcher(response.body());
            int found = 0;
            while (m.find()) {
                ids.add(m.group(1));
                found++;
            }
            if (found < 200) {
                return ids;
            }
        }
    }

    private void awaitAll(Set<String> ids, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!idsReceived().containsAll(ids) && System.nanoTime() < deadline) {
            PortalProcess.sleep(100);
        }
        Set<String> missing = ids.stream().filter(id -> !idsReceived().contains(id)).collect(Collectors.toSet());
        assertThat(missing).as("events that never arrived").isEmpty();
    }

    private Set<String> idsReceived() {
        return receiver.received().stream().map(LocalReceiver.Received::webhookId).collect(Collectors.toSet());
    }

    private static void report(String scenario, int events, int received) {
        System.out.printf("WEBHOOK FAULTS | %s: %d events, %d deliveries received, %d duplicates%n", scenario, events,
                received, received - events);
    }

    private HttpResponse<String> call(PortalProcess portal, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal.baseUrl() + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

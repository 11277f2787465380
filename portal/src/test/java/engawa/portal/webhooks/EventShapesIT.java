package engawa.portal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import engawa.portal.officehours.DueReminders;
import engawa.portal.people.ApiTokenService;
import engawa.portal.support.ApiClient;
import engawa.portal.support.MutableClock;
import engawa.portal.support.PortalTest;
import engawa.portal.support.Receiver;
import engawa.portal.support.SignedIn;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a Zap is built on is what it later gets: for every event type, a real event made through
 * the API has exactly the fields of the type's sample, and "Send test" delivers those fields too.
 * A new event type fails this test until a flow here produces one.
 */
@PortalTest
class EventShapesIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    SignedIn signedIn;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    EventTypes types;
    @Autowired
    ApplicationContext context;

    final Receiver subscriber = new Receiver();
    final Receiver workflow = new Receiver();
    ApiClient api;
    String kenji;
    String yuki;
    String hana;
    String sam;

    @BeforeEach
    void tokens() {
        api = new ApiClient(port);
        kenji = token("kenji");
        yuki = token("yuki");
        hana = token("hana");
        sam = token("sam");
    }

    String token(String who) {
        return signedIn.as(who, "MEMBER", () -> tokens.create(who, "event-shapes-it", null)).token();
    }

    @AfterEach
    void stop() {
        subscriber.close();
        workflow.close();
        jdbc.update("UPDATE webhook_subscriptions SET deleted_at = now() WHERE target_url LIKE ? OR target_url LIKE ?",
                subscriber.url("") + "%", workflow.url("") + "%");
    }

    @Test
    void every_event_type_goes_out_with_its_samples_fields_and_send_test_delivers_the_same() throws Exception {
        Map<String, JsonNode> real = new TreeMap<>();
        real.putAll(catalogEvents());
        real.putAll(sloEvents());
        real.putAll(officeHoursEvents());
        real.putAll(recipeEvents());
        assertThat(real.keySet()).as("a flow here makes an event of every type")
                .containsExactlyInAnyOrderElementsOf(types.all().stream().map(EventType::id).toList());

        SoftAssertions soft = new SoftAssertions();
        for (EventType type : types.all()) {
            Set<String> realFields = EventContractTest.fields(real.get(type.id()));
            assertThat(realFields).as(type.id() + " carries more than the test marker").hasSizeGreaterThan(3);
            soft.assertThat(EventContractTest.fields(new EventJson().data(type.sampleEvent(), true)))
                    .as("the sample of %s", type.id()).isEqualTo(realFields);
            soft.assertThat(EventContractTest.fields(sendTest(type.id()))).as("what Send test delivers for %s", type.id())
                    .isEqualTo(realFields);
        }
        soft.assertAll();
    }

    /** The data a subscriber of the type receives when its owner presses "Send test". */
    private JsonNode sendTest(String type) throws Exception {
        String path = "/" + type;
        HttpResponse<String> hook = api.send("POST", "/api/v1/hooks", PortalTest.ADMIN_TOKEN,
                "{\"event\": \"" + type + "\", \"target_url\": \"" + subscriber.url(path) + "\"}");
        assertThat(hook.statusCode()).as(hook.body()).isEqualTo(201);
        String id = json.readTree(hook.body()).get("id").asString();
        HttpResponse<String> test = api.send("POST", "/api/v1/hooks/" + id + "/test", PortalTest.ADMIN_TOKEN, null);
        assertThat(test.statusCode()).as(test.body()).isEqualTo(202);
        await().atMost(WAIT).until(() -> subscriber.received().stream().anyMatch(r -> r.getTarget().equals(path)));
        JsonNode delivered = subscriber.received().stream().filter(r -> r.getTarget().equals(path)).findFirst()
                .map(r -> json.readTree(r.getBody().utf8())).orElseThrow();
        assertThat(delivered.get("data").get("test").asBoolean()).isTrue();
        return delivered.get("data");
    }

    private Map<String, JsonNode> catalogEvents() throws Exception {
        send("POST", "/api/v1/services", kenji, """
                {"name": "shapes-ledger", "title": "Ledger", "type": "service", "lifecycle": "production",
                 "tier": 1, "owner": "payments", "system": "payments"}""", 201);
        send("PATCH", "/api/v1/services/shapes-ledger", kenji, "{\"tier\": 2}", 200);
        return Map.of("service.created", latest("service.created", "{service,name}", "shapes-ledger"),
                "service.updated", latest("service.updated", "{service,name}", "shapes-ledger"));
    }

    private Map<String, JsonNode> sloEvents() throws Exception {
        String id = send("POST", "/api/v1/services/refunds/slos", kenji, """
                {"name": "shapes-refunds", "goodMeans": "A refund request is answered without a server error.",
                 "objectivePercent": 99, "window": "7d"}""", 201).get("id").asString();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Instant end = now.minus(now.getEpochSecond() / 60 % 5, ChronoUnit.MINUTES);
        // a calm week, then an hour at 20% errors: below half the budget and paging; then two hours all bad: none left
        send("POST", "/api/v1/slos/" + id + "/measurements", kenji, slices(end.minus(Duration.ofHours(1)), 2_004, 996), 200);
        send("POST", "/api/v1/slos/" + id + "/measurements", kenji, slices(end, 12, 800), 200);
        send("POST", "/api/v1/slos/" + id + "/measurements", kenji, slices(end, 24, 0), 200);
        return Map.of("slo.budget.warning", latest("slo.budget.warning", "{slo,id}", id),
                "slo.budget.exhausted", latest("slo.budget.exhausted", "{slo,id}", id),
                "slo.alert.changed", latest("slo.alert.changed", "{slo,id}", id));
    }

    private Map<String, JsonNode> officeHoursEvents() throws Exception {
        // one seat, starting inside the reminder time: sam takes it, hana waits, sam leaves and hana moves up
        LocalDateTime start = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofMinutes(30)), ZoneId.of("Asia/Tokyo"))
                .truncatedTo(ChronoUnit.MINUTES);
        DateTimeFormatter local = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
        String id = send("POST", "/api/v1/sessions", yuki, """
                {"title": "Shapes check", "room": "Room Sakura", "timeZone": "Asia/Tokyo", "start": "%s", "end": "%s",
                 "kind": "seated", "capacity": 1}""".formatted(local.format(start), local.format(start.plusHours(1))), 201)
                .get("id").asString();
        send("POST", "/api/v1/sessions/" + id + "/signups", sam, "{\"wish\": \"Expense reports\"}", 201);
        send("POST", "/api/v1/sessions/" + id + "/signups", hana, "{}", 201);
        send("DELETE", "/api/v1/sessions/" + id + "/signups/me", sam, null, 204);
        DueReminders.sendNow(context);
        return Map.of("session.signup.created", latest("session.signup.created", "{session,id}", id),
                "session.signup.cancelled", latest("session.signup.cancelled", "{session,id}", id),
                "session.waitlist.promoted", latest("session.waitlist.promoted", "{session,id}", id),
                "session.reminder", latest("session.reminder", "{session,id}", id));
    }

    private Map<String, JsonNode> recipeEvents() throws Exception {
        send("POST", "/api/v1/recipes", yuki, """
                {"slug": "shapes-report", "owner": "sre", "category": "reports", "title": "Send the shapes report",
                 "summary": "Sends it.", "callsBack": true, "targetUrl": "%s",
                 "inputs": [{"key": "month", "kind": "text", "label": "Month"}]}""".formatted(workflow.url("/flow")), 201);
        send("POST", "/api/v1/recipes/shapes-report/publish", yuki, null, 200);
        // three failures in a row: each run requested and completed, and the recipe turns broken
        for (int i = 0; i < 3; i++) {
            String run = send("POST", "/api/v1/recipes/shapes-report/runs", hana, "{\"inputs\": {\"month\": \"2026-11\"}}", 202)
                    .get("id").asString();
            await().atMost(WAIT).until(() -> workflow.received().stream().anyMatch(r -> r.getBody().utf8().contains(run)));
            String callback = workflow.received().stream().map(r -> json.readTree(r.getBody().utf8()))
                    .filter(n -> n.at("/data/run/id").asString().equals(run)).findFirst().orElseThrow()
                    .at("/data/callback_url").asString();
            send("POST", callback.substring(callback.indexOf("/api/v1/")), null, "{\"status\": \"failed\"}", 200);
        }
        return Map.of("recipe.run.requested", latest("recipe.run.requested", "{recipe,slug}", "shapes-report"),
                "recipe.run.completed", latest("recipe.run.completed", "{recipe,slug}", "shapes-report"),
                "recipe.health.changed", latest("recipe.health.changed", "{recipe,slug}", "shapes-report"));
    }

    /** The newest real event of the type whose field at {@code path} (a PostgreSQL text array) has the value. */
    private JsonNode latest(String type, String path, String value) {
        List<String> data = jdbc.queryForList("SELECT data::text FROM webhook_events WHERE type = ? AND NOT test"
                + " AND data #>> CAST(? AS TEXT[]) = ? ORDER BY id DESC LIMIT 1", String.class, type, path, value);
        assertThat(data).as("a %s event for %s", type, value).hasSize(1);
        return json.readTree(data.getFirst());
    }

    private JsonNode send(String method, String path, String token, String body, int status) throws Exception {
        HttpResponse<String> answer = api.send(method, path, token, body);
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isEqualTo(status);
        return answer.body().isEmpty() ? null : json.readTree(answer.body());
    }

    /** {@code n} 5-minute slices of 1,000 events ending at {@code end}. */
    private static String slices(Instant end, int n, long good) {
        List<String> rows = new ArrayList<>();
        for (int i = n; i > 0; i--) {
            Instant start = end.minus(Duration.ofMinutes(5L * i));
            rows.add("{\"start\": \"%s\", \"end\": \"%s\", \"good\": %d, \"total\": 1000}".formatted(start,
                    start.plus(Duration.ofMinutes(5)), good));
        }
        return "[" + String.join(", ", rows) + "]";
    }
}

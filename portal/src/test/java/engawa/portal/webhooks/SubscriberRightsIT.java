package engawa.portal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import engawa.portal.people.ApiTokenService;
import engawa.portal.support.ApiClient;
import engawa.portal.support.PortalTest;
import engawa.portal.support.Receiver;
import engawa.portal.support.SignedIn;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A subscription acts with its maker's rights of the moment an event goes out, not of the moment
 * it was made: someone who lost a recipe, or their account, gets none of its events any more, and
 * their subscription says why it stopped.
 */
@PortalTest
class SubscriberRightsIT {

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

    final Receiver workflow = new Receiver();
    final Receiver watcher = new Receiver();
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @AfterEach
    void stop() {
        workflow.close();
        watcher.close();
        jdbc.update("UPDATE webhook_subscriptions SET deleted_at = now() WHERE target_url LIKE ?", watcher.url("") + "%");
    }

    String token(String who) {
        return signedIn.as(who, "MEMBER", () -> tokens.create(who, "subscriber-rights-it", null)).token();
    }

    @Test
    void someone_who_no_longer_owns_a_recipe_gets_none_of_its_run_inputs() throws Exception {
        String yuki = token("yuki");
        String hana = token("hana");
        send("POST", "/api/v1/recipes", yuki, """
                {"slug": "it-rights-report", "owner": "sre", "category": "reports", "title": "Rights report",
                 "summary": "Sends it.", "targetUrl": "%s", "inputs": [{"key": "note", "kind": "text", "label": "Note"}]}"""
                .formatted(workflow.url("/flow")), 201);
        send("POST", "/api/v1/recipes/it-rights-report/publish", yuki, null, 200);
        String hook = send("POST", "/api/v1/hooks", yuki, "{\"event\": \"recipe.run.requested\", \"target_url\": \""
                + watcher.url("/runs") + "\", \"recipe\": \"it-rights-report\"}", 201).get("id").asString();

        send("POST", "/api/v1/recipes/it-rights-report/runs", hana, "{\"inputs\": {\"note\": \"first, while yuki owns it\"}}", 202);
        await().atMost(WAIT).until(() -> watcher.received().size() == 1);

        // the recipe moves to another team; yuki's subscription was made when it was hers
        send("PUT", "/api/v1/recipes/it-rights-report", PortalTest.ADMIN_TOKEN, """
                {"owner": "payments", "category": "reports", "title": "Rights report", "summary": "Sends it.",
                 "inputs": [{"key": "note", "kind": "text", "label": "Note"}]}""", 200);
        send("POST", "/api/v1/recipes/it-rights-report/runs", hana, "{\"inputs\": {\"note\": \"second, private to payments\"}}", 202);

        await().atMost(WAIT).until(() -> !Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT enabled FROM webhook_subscriptions WHERE id = CAST(? AS UUID)", Boolean.class, hook)));
        JsonNode stopped = send("GET", "/api/v1/hooks/" + hook, yuki, null, 200);
        assertThat(stopped.toString()).contains("no longer owns the recipe it-rights-report");
        assertThat(watcher.received()).hasSize(1);
        assertThat(watcher.received().getFirst().getBody().utf8()).contains("first, while yuki owns it");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id"
                + " WHERE d.subscription_id = CAST(? AS UUID) AND d.status = 'DEAD' AND e.data::text LIKE '%second%'",
                Long.class, hook)).as("the second run's event stayed with us").isOne();
    }

    @Test
    void a_disabled_persons_subscriptions_stop() throws Exception {
        String sam = token("sam");
        String hook = send("POST", "/api/v1/hooks", sam, "{\"event\": \"service.created\", \"target_url\": \""
                + watcher.url("/services") + "\"}", 201).get("id").asString();
        try {
            send("PATCH", "/api/v1/users/sam", PortalTest.ADMIN_TOKEN, "{\"enabled\": false}", 200);
            send("POST", "/api/v1/services", token("kenji"), """
                    {"name": "it-rights-ledger", "type": "service", "lifecycle": "production", "owner": "payments"}""", 201);
            await().atMost(WAIT).until(() -> !Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT enabled FROM webhook_subscriptions WHERE id = CAST(? AS UUID)", Boolean.class, hook)));
            assertThat(jdbc.queryForObject("SELECT disabled_reason FROM webhook_subscriptions WHERE id = CAST(? AS UUID)",
                    String.class, hook)).contains("can no longer sign in");
            assertThat(watcher.received()).isEmpty();
        } finally {
            send("PATCH", "/api/v1/users/sam", PortalTest.ADMIN_TOKEN, "{\"enabled\": true}", 200);
        }
    }

    private JsonNode send(String method, String path, String token, String body, int status) throws Exception {
        HttpResponse<String> answer = api.send(method, path, token, body, Map.of());
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isEqualTo(status);
        return answer.body().isEmpty() ? null : json.readTree(answer.body());
    }
}

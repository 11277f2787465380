package engawa.portal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import engawa.portal.people.ApiTokenService;
import engawa.portal.support.ApiClient;
import engawa.portal.support.PortalTest;
import engawa.portal.support.Receiver;
import engawa.portal.support.SignedIn;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Zapier's REST hook contract and the delivery log over real HTTP, with member and admin tokens. */
@PortalTest
class WebhooksApiIT {

    @Value("${local.server.port}")
    int port;
    ApiClient api;
    @Autowired
    SignedIn signedIn;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    engawa.portal.support.TestEvents events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    engawa.portal.support.MutableClock clock;

    final Receiver receiver = new Receiver();
    String hana;
    String kenji;
    String admin;

    @BeforeEach
    void tokens() {
        api = new ApiClient(port);
        hana = signedIn.as("hana", "MEMBER", () -> tokens.create("hana", "webhooks-it", null)).token();
        kenji = signedIn.as("kenji", "MEMBER", () -> tokens.create("kenji", "webhooks-it", null)).token();
        admin = PortalTest.ADMIN_TOKEN;
    }

    @AfterEach
    void forgetSubscriptions() {
        receiver.close();
        jdbc.update("UPDATE webhook_subscriptions SET enabled = FALSE, disabled_reason = 'test over', deleted_at = now()"
                + " WHERE deleted_at IS NULL");
        jdbc.update("UPDATE webhook_deliveries SET status = 'DEAD', next_attempt_at = NULL WHERE status IN ('PENDING', 'FAILED')");
    }

    @Test
    void zapier_subscribes_with_target_url_lists_and_unsubscribes() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/hooks", hana,
                "{\"target_url\": \"" + receiver.url("/catch/1") + "\", \"event\": \"service.created\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(created.body());
        String id = body.get("id").asString();
        assertThat(body.get("event").asString()).isEqualTo("service.created");
        assertThat(body.get("target_url").asString()).isEqualTo(receiver.url("/catch/1"));
        assertThat(body.get("secret").asString()).startsWith("whsec_");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/hooks/" + id);

        JsonNode listed = json.readTree(send("GET", "/api/v1/hooks", hana, null).body());
        assertThat(listed.get("items")).singleElement().satisfies(s -> {
            assertThat(s.get("id").asString()).isEqualTo(id);
            assertThat(s.get("enabled").asBoolean()).isTrue();
            assertThat(s.get("owner").asString()).isEqualTo("hana");
            assertThat(s.has("secret")).isFalse();
        });

        assertThat(send("DELETE", "/api/v1/hooks/" + id, hana, null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/v1/hooks/" + id, hana, null).statusCode()).isEqualTo(404);
        assertThat(json.readTree(send("GET", "/api/v1/hooks", hana, null).body()).get("items")).isEmpty();
    }

    @Test
    void camel_case_target_url_is_accepted_too() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/hooks", hana,
                "{\"targetUrl\": \"" + receiver.url("/catch/2") + "\", \"event\": \"service.updated\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json.readTree(created.body()).get("target_url").asString()).isEqualTo(receiver.url("/catch/2"));
    }

    @Test
    void bad_subscriptions_get_422_saying_what_is_allowed_and_nothing_is_stored() throws Exception {
        Map<String, String> refusals = Map.of(
                "{\"target_url\": \"https://example.com/x\", \"event\": \"service.deleted\"}", "Allowed: recipe.health.changed, recipe.run.completed",
                "{\"target_url\": \"not a url\", \"event\": \"service.created\"}", "is not a complete URL",
                "{\"event\": \"service.created\"}", "Give \\\"target_url\\\"",
                "{\"target_url\": \"https://169.254.169.254/latest/meta-data\", \"event\": \"service.created\"}", "internal address",
                "{\"target_url\": \"https://10.1.2.3/hook\", \"event\": \"service.created\"}", "internal address",
                "{\"target_url\": \"https://[::1]:8443/hook\", \"event\": \"service.created\"}", "internal address",
                "{\"target_url\": \"http://example.com/hook\", \"event\": \"service.created\"}", "Use https://",
                "{\"target_url\": \"ftp://example.com/hook\", \"event\": \"service.created\"}", "Only https://",
                "[\"service.created\"]", "Write this as an object");
        for (var refusal : refusals.entrySet()) {
            HttpResponse<String> response = send("POST", "/api/v1/hooks", hana, refusal.getKey());
            assertThat(response.statusCode()).as(refusal.getKey()).isEqualTo(422);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).as(refusal.getKey()).contains(refusal.getValue());
        }
        HttpResponse<String> form = send("POST", "/api/v1/hooks", hana, "event=service.created&target_url=https://example.com");
        assertThat(form.statusCode()).as("a form is not JSON").isEqualTo(415);
        assertThat(form.body()).contains("Content-Type: application/json");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_subscriptions WHERE deleted_at IS NULL", Long.class)).isZero();
    }

    @Test
    void members_subscribe_to_catalog_events_and_their_own_session_events_but_only_admins_to_everyones_runs() throws Exception {
        String run = "{\"target_url\": \"" + receiver.url("/r") + "\", \"event\": \"recipe.run.requested\"}";
        HttpResponse<String> member = send("POST", "/api/v1/hooks", hana, run);
        HttpResponse<String> byAdmin = send("POST", "/api/v1/hooks", admin, run);
        assertThat(member.statusCode()).isEqualTo(403);
        assertThat(member.body()).contains("Only admins can subscribe to \\\"recipe.run.requested\\\"");
        assertThat(byAdmin.statusCode()).isEqualTo(201);

        // office-hours events name people: a member's subscription is kept to their own (person scope)
        String signup = "{\"target_url\": \"" + receiver.url("/s") + "\", \"event\": \"session.signup.created\"}";
        assertThat(send("POST", "/api/v1/hooks", hana, signup).statusCode()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT scope FROM webhook_subscriptions WHERE target_url = ?", String.class,
                receiver.url("/s"))).startsWith("person:");

        JsonNode types = json.readTree(send("GET", "/api/v1/events", hana, null).body());
        // every type the features declare, by name
        assertThat(types).extracting(t -> t.get("type").asString()).containsExactly("recipe.health.changed",
                "recipe.run.completed", "recipe.run.requested", "service.created", "service.updated", "session.reminder",
                "session.signup.cancelled", "session.signup.created", "session.waitlist.promoted", "slo.alert.changed",
                "slo.budget.exhausted", "slo.budget.warning");
        java.util.Map<String, JsonNode> byType = new java.util.HashMap<>();
        types.forEach(t -> byType.put(t.get("type").asString(), t));
        assertThat(byType.get("slo.alert.changed").get("may_subscribe").asBoolean()).isTrue();
        assertThat(byType.get("service.created").get("may_subscribe").asBoolean()).isTrue();
        assertThat(byType.get("service.created").at("/sample/service/name").asString()).isEqualTo("payments-api");
        assertThat(byType.get("session.signup.created").get("may_subscribe").asBoolean()).as("their own").isTrue();
        assertThat(byType.get("recipe.run.requested").get("may_subscribe").asBoolean()).isFalse();
        assertThat(send("GET", "/api/v1/events/session.signup.created/recent", hana, null).statusCode()).isEqualTo(403);
    }

    @Test
    void nobody_sees_or_deletes_another_persons_subscription_but_admins_see_all() throws Exception {
        String id = json.readTree(send("POST", "/api/v1/hooks", hana,
                "{\"target_url\": \"" + receiver.url("/h") + "\", \"event\": \"service.created\"}").body()).get("id").asString();

        assertThat(send("GET", "/api/v1/hooks/" + id, kenji, null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/v1/hooks/" + id, kenji, null).statusCode()).isEqualTo(404);
        assertThat(json.readTree(send("GET", "/api/v1/hooks", kenji, null).body()).get("items")).isEmpty();
        assertThat(json.readTree(send("GET", "/api/v1/hooks?size=100", admin, null).body()).get("items"))
                .extracting(item -> item.get("id").asString()).contains(id);
        assertThat(send("GET", "/api/v1/hooks/" + id, hana, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/hooks/no-such-id", hana, null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/v1/hooks", null, "{}").statusCode()).isEqualTo(401);
    }

    @Test
    void recent_events_feed_zapiers_polling_trigger_newest_first() throws Exception {
        for (String name : new String[] {"first", "second", "third"}) {
            events.publish(engawa.portal.support.TestEvents.serviceCreated(name));
            clock.advance(Duration.ofMillis(1));
        }

        HttpResponse<String> response = send("GET", "/api/v1/events/service.created/recent?limit=2", hana, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode recent = json.readTree(response.body());
        assertThat(recent.isArray()).isTrue();
        assertThat(recent).hasSize(2);
        assertThat(recent.get(0).at("/data/service/name").asString()).isEqualTo("third");
        assertThat(recent.get(1).at("/data/service/name").asString()).isEqualTo("second");
        assertThat(recent.get(0).get("id").asString()).isNotBlank();
        assertThat(send("GET", "/api/v1/events/service.deleted/recent", hana, null).statusCode()).isEqualTo(422);
        HttpResponse<String> tooMany = send("GET", "/api/v1/events/service.created/recent?limit=1000", hana, null);
        assertThat(tooMany.statusCode()).isEqualTo(422);
        assertThat(tooMany.body()).contains("limit must be between 1 and 100");
    }

    @Test
    void the_delivery_log_filters_by_status_shows_attempts_and_redelivers() throws Exception {
        receiver.answer(500);
        String id = json.readTree(send("POST", "/api/v1/hooks", hana,
                "{\"target_url\": \"" + receiver.url("/h") + "\", \"event\": \"service.updated\"}").body()).get("id").asString();
        long delivery = json.readTree(send("POST", "/api/v1/hooks/" + id + "/test", hana, null).body()).get("delivery_id").asLong();

        await().atMost(Duration.ofSeconds(20)).until(() -> json.readTree(
                send("GET", "/api/v1/deliveries?status=failed", hana, null).body()).get("total").asLong() == 1);
        JsonNode failed = json.readTree(send("GET", "/api/v1/deliveries/" + delivery, hana, null).body());
        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.get("test").asBoolean()).isTrue();
        assertThat(failed.get("attempt_log")).singleElement().satisfies(a -> {
            assertThat(a.get("status_code").asInt()).isEqualTo(500);
            assertThat(a.get("error").asString()).contains("answered 500");
            assertThat(a.has("latency_ms")).isTrue();
        });
        assertThat(json.readTree(send("GET", "/api/v1/deliveries?status=delivered", hana, null).body()).get("total").asLong()).isZero();
        HttpResponse<String> all = send("GET", "/api/v1/deliveries?subscription=" + id + "&page=0&size=10", hana, null);
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        assertThat(json.readTree(all.body()).get("total").asLong()).isEqualTo(1);
        assertThat(json.readTree(all.body()).get("items").get(0).get("id").asLong()).isEqualTo(delivery);
        assertThat(json.readTree(send("GET", "/api/v1/deliveries", kenji, null).body()).get("total").asLong()).isZero();
        assertThat(send("GET", "/api/v1/deliveries/" + delivery, kenji, null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/v1/deliveries/" + delivery + "/redeliver", kenji, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/deliveries?status=lost", hana, null).statusCode()).isEqualTo(422);

        receiver.answer(200);
        assertThat(send("POST", "/api/v1/deliveries/" + delivery + "/redeliver", hana, null).statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(20)).until(() -> json.readTree(
                send("GET", "/api/v1/deliveries/" + delivery, hana, null).body()).get("status").asString().equals("delivered"));
        assertThat(json.readTree(send("GET", "/api/v1/deliveries/" + delivery, hana, null).body()).get("attempt_log")).hasSize(2);
    }

    @Test
    void a_subscription_turned_off_by_its_receiver_can_be_turned_on_again() throws Exception {
        receiver.answer(410);
        String id = json.readTree(send("POST", "/api/v1/hooks", hana,
                "{\"target_url\": \"" + receiver.url("/h") + "\", \"event\": \"service.updated\"}").body()).get("id").asString();
        long delivery = json.readTree(send("POST", "/api/v1/hooks/" + id + "/test", hana, null).body()).get("delivery_id").asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> !json.readTree(send("GET", "/api/v1/hooks/" + id, hana, null).body())
                .get("enabled").asBoolean());
        assertThat(json.readTree(send("GET", "/api/v1/hooks/" + id, hana, null).body()).get("disabled_reason").asString())
                .contains("410 Gone");
        HttpResponse<String> refused = send("POST", "/api/v1/deliveries/" + delivery + "/redeliver", hana, null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Turn the subscription on again first");

        JsonNode enabled = json.readTree(send("POST", "/api/v1/hooks/" + id + "/enable", hana, null).body());

        assertThat(enabled.get("enabled").asBoolean()).isTrue();
        assertThat(enabled.get("disabled_reason").isNull()).isTrue();
    }

    @Test
    void a_member_cannot_make_engawa_flood_a_receiver_with_test_events() throws Exception {
        String id = json.readTree(send("POST", "/api/v1/hooks", hana,
                "{\"target_url\": \"" + receiver.url("/h") + "\", \"event\": \"service.created\"}").body()).get("id").asString();
        for (int i = 0; i < 10; i++) {
            assertThat(send("POST", "/api/v1/hooks/" + id + "/test", hana, null).statusCode()).isEqualTo(202);
        }

        HttpResponse<String> refused = send("POST", "/api/v1/hooks/" + id + "/test", hana, null);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("At most 10 test events a minute");
        clock.advance(Duration.ofMinutes(1));
        assertThat(send("POST", "/api/v1/hooks/" + id + "/test", hana, null).statusCode()).isEqualTo(202);
    }

    private HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        return api.send(method, path, token, body);
    }
}

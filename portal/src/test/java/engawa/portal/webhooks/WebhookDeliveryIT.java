package engawa.portal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import engawa.db.webhooks.AttemptRow;
import engawa.db.webhooks.DeliveryRow;
import engawa.db.webhooks.DeliveryStatus;
import engawa.portal.shared.EngawaProperties;
import engawa.portal.support.MutableClock;
import engawa.portal.support.PortalTest;
import engawa.portal.support.Receiver;
import engawa.portal.support.SignedIn;
import engawa.portal.support.TestEvents;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Events from the outbox to a real local receiver: signing, retries, giving up, turning off. */
@PortalTest
class WebhookDeliveryIT {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    WebhookSubscriptionService subscriptions;
    @Autowired
    DeliveryLog log;
    @Autowired
    TestEvents events;
    @Autowired
    org.springframework.context.ApplicationEventPublisher publisher;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SignedIn signedIn;
    @Autowired
    MutableClock clock;
    @Autowired
    JsonMapper json;
    @Autowired
    EngawaProperties properties;
    @Autowired
    WebhookRetention retention;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    final Receiver receiver = new Receiver();

    @AfterEach
    void stopReceivingAndForgetSubscriptions() {
        receiver.close();
        jdbc.update("UPDATE webhook_subscriptions SET enabled = FALSE, disabled_reason = 'test over', deleted_at = now()"
                + " WHERE deleted_at IS NULL");
        jdbc.update("UPDATE webhook_deliveries SET status = 'DEAD', next_attempt_at = NULL WHERE status IN ('PENDING', 'FAILED')");
    }

    @Test
    void an_event_arrives_once_with_a_signature_the_reference_library_computes_too() throws Exception {
        NewSubscription subscription = subscribe("service.created", "/zap");

        UUID eventId = publish(TestEvents.serviceCreated("billing", 2));

        DeliveryRow delivery = awaitStatus(eventId, DeliveryStatus.DELIVERED);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.lastStatusCode()).isEqualTo(200);
        RecordedRequest request = receiver.received().getFirst();
        String body = request.getBody().utf8();
        assertThat(request.getHeaders().get("webhook-id")).isEqualTo(eventId.toString());
        long timestamp = Long.parseLong(request.getHeaders().get("webhook-timestamp"));
        assertThat(request.getHeaders().get("webhook-signature"))
                .isEqualTo(new Webhook(subscription.secret()).sign(eventId.toString(), timestamp, body));
        JsonNode sent = json.readTree(body);
        assertThat(sent.get("id").asString()).isEqualTo(eventId.toString());
        assertThat(sent.get("type").asString()).isEqualTo("service.created");
        assertThat(sent.get("timestamp").asString()).endsWith("Z");
        assertThat(sent.at("/data/service/name").asString()).isEqualTo("billing");
        assertThat(sent.at("/data/service/tier").asInt()).isEqualTo(2);
        assertThat(meters.get("engawa.webhooks.attempts").tag("result", "delivered").counter().count()).isPositive();
        List<AttemptRow> attempts = asAdmin(() -> log.details(delivery.id()).attempts());
        assertThat(attempts).singleElement().satisfies(a -> {
            assertThat(a.statusCode()).isEqualTo(200);
            assertThat(a.latencyMs()).isLessThan((int) WAIT.toMillis());
            assertThat(a.error()).isNull();
        });
    }

    @Test
    void the_event_of_a_change_that_rolled_back_is_neither_stored_nor_sent() throws Exception {
        subscribe("service.created", "/zap");

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            publisher.publishEvent(TestEvents.serviceCreated("never"));
            status.setRollbackOnly();
        });
        UUID committed = publish(TestEvents.serviceCreated("later"));
        awaitStatus(committed, DeliveryStatus.DELIVERED);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_events WHERE data -> 'service' ->> 'name' = 'never'",
                Long.class)).isZero();
        assertThat(receiver.received()).extracting(r -> r.getHeaders().get("webhook-id")).containsExactly(committed.toString());
    }

    @Test
    void publishing_outside_a_transaction_is_refused_because_the_event_could_outlive_a_failed_change() {
        assertThatThrownBy(() -> publisher.publishEvent(TestEvents.serviceCreated("outside")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("inside the transaction");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_events WHERE data -> 'service' ->> 'name' = 'outside'",
                Long.class)).isZero();
    }

    @Test
    void a_failing_receiver_is_tried_again_on_the_schedule_until_it_answers() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(r -> new MockResponse.Builder().code(calls.incrementAndGet() <= 2 ? 500 : 200).body("calls " + calls.get()).build());
        subscribe("service.updated", "/flaky");

        UUID eventId = publish(TestEvents.serviceUpdated("billing"));

        DeliveryRow first = awaitAttempts(eventId, 1);
        assertThat(first.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(first.lastError()).contains("500");
        // 5 s, +-20 %, at the tests' scale of 1/1000
        assertThat(Duration.between(first.lastAttemptAt(), first.nextAttemptAt())).isBetween(Duration.ofMillis(4), Duration.ofMillis(6));
        clock.advance(Duration.ofMillis(10));
        DeliveryRow second = awaitAttempts(eventId, 2);
        // 5 min, +-20 %
        assertThat(Duration.between(second.lastAttemptAt(), second.nextAttemptAt()))
                .isBetween(Duration.ofMillis(240), Duration.ofMillis(360));
        clock.advance(Duration.ofMillis(400));
        DeliveryRow third = awaitStatus(eventId, DeliveryStatus.DELIVERED);

        assertThat(third.attempts()).isEqualTo(3);
        assertThat(asAdmin(() -> log.details(third.id()).attempts())).extracting(AttemptRow::statusCode).containsExactly(500, 500, 200);
        assertThat(asAdmin(() -> log.details(third.id()).attempts()).getFirst().responseExcerpt()).isEqualTo("calls 1");
        assertThat(receiver.received()).extracting(r -> r.getHeaders().get("webhook-id")).containsOnly(eventId.toString()).hasSize(3);
    }

    @Test
    void after_eight_failed_attempts_the_delivery_is_dead() throws Exception {
        receiver.answer(503);
        subscribe("service.updated", "/down");
        UUID eventId = publish(TestEvents.serviceUpdated("billing"));

        for (int attempt = 1; attempt <= 8; attempt++) {
            awaitAttempts(eventId, attempt);
            clock.advance(Duration.ofMinutes(1)); // more than 10 h at 1/1000 scale
        }

        DeliveryRow dead = awaitStatus(eventId, DeliveryStatus.DEAD);
        assertThat(dead.attempts()).isEqualTo(8);
        assertThat(dead.lastError()).contains("503");
        assertThat(dead.stoppedReason()).contains("Gave up after 8 attempts");
        assertThat(asAdmin(() -> log.details(dead.id()).attempts())).hasSize(8).allMatch(a -> a.statusCode() == 503);
        assertThat(dead.nextAttemptAt()).isNull();
        assertThat(receiver.received()).hasSize(8);
    }

    @Test
    void retry_after_is_honoured_when_the_receiver_asks_for_longer() throws Exception {
        receiver.answer(r -> new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build());
        subscribe("service.updated", "/busy");

        UUID eventId = publish(TestEvents.serviceUpdated("billing"));

        DeliveryRow failed = awaitAttempts(eventId, 1);
        // an hour at 1/1000 scale, instead of the schedule's 5 s
        assertThat(Duration.between(failed.lastAttemptAt(), failed.nextAttemptAt())).isEqualTo(Duration.ofMillis(3600));
    }

    @Test
    void gone_turns_the_subscription_off_with_a_reason_and_stops_its_deliveries() throws Exception {
        receiver.answer(410);
        NewSubscription subscription = subscribe("slo.budget.warning", "/gone");

        UUID eventId = publish(TestEvents.budgetWarning("availability"));

        DeliveryRow dead = awaitStatus(eventId, DeliveryStatus.DEAD);
        assertThat(dead.attempts()).isEqualTo(1);
        assertThat(dead.stoppedReason()).contains("410 Gone");
        Subscription off = await().atMost(WAIT).until(() -> asAdmin(() -> subscriptions.get(subscription.subscription().id())),
                s -> !s.enabled());
        assertThat(off.disabledReason()).contains("410 Gone");
        UUID later = publish(TestEvents.budgetWarning("availability"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_deliveries WHERE event_id = ?", Long.class, later)).isZero();
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void a_receiver_failing_for_five_days_is_turned_off_and_its_open_deliveries_given_up() throws Exception {
        receiver.answer(500);
        NewSubscription subscription = subscribe("slo.budget.exhausted", "/broken");
        UUID first = publish(TestEvents.budgetExhausted("latency"));
        awaitAttempts(first, 1);
        assertThat(asAdmin(() -> subscriptions.get(subscription.subscription().id())).failingSince()).isNotNull();

        clock.advance(Duration.ofDays(5).dividedBy(1000).plusSeconds(1));
        UUID second = publish(TestEvents.budgetExhausted("latency"));

        awaitStatus(second, DeliveryStatus.DEAD);
        Subscription off = asAdmin(() -> subscriptions.get(subscription.subscription().id()));
        assertThat(off.enabled()).isFalse();
        assertThat(off.disabledReason()).contains("Every delivery failed since").contains("5 days");
        assertThat(awaitStatus(first, DeliveryStatus.DEAD).stoppedReason()).contains("turned off");
    }

    @Test
    void redeliver_sends_the_same_event_again_with_the_same_id() throws Exception {
        subscribe("service.created", "/zap");
        UUID eventId = publish(TestEvents.serviceCreated("billing"));
        DeliveryRow delivered = awaitStatus(eventId, DeliveryStatus.DELIVERED);

        asAdmin(() -> log.redeliver(delivered.id()));

        await().atMost(WAIT).until(() -> receiver.received().size() == 2);
        assertThat(receiver.received()).extracting(r -> r.getHeaders().get("webhook-id")).containsOnly(eventId.toString());
        await().atMost(WAIT).until(() -> asAdmin(() -> log.details(delivered.id()).attempts()).size() == 2);
        assertThat(awaitStatus(eventId, DeliveryStatus.DELIVERED).attempts()).isEqualTo(1);
    }

    @Test
    void a_test_event_goes_to_that_subscription_only_and_is_marked_as_a_test() throws Exception {
        NewSubscription mine = subscribe("service.created", "/mine");
        subscribe("service.created", "/other");

        long deliveryId = asAdmin(() -> subscriptions.sendTest(mine.subscription().id()));

        await().atMost(WAIT).until(() -> asAdmin(() -> log.get(deliveryId)).status() == DeliveryStatus.DELIVERED);
        assertThat(receiver.received()).singleElement().satisfies(r -> {
            assertThat(r.getTarget()).isEqualTo("/mine");
            assertThat(json.readTree(r.getBody().utf8()).at("/data/test").asBoolean()).isTrue();
            assertThat(json.readTree(r.getBody().utf8()).at("/data/service/name").asString()).isEqualTo("payments-api");
        });
        // the test event is not among the real ones Zapier polls, and every real one says it is not a test
        assertThat(asAdmin(() -> subscriptions.recentEvents("service.created", 100)))
                .isNotEmpty()
                .allMatch(e -> e.dataJson().contains("\"test\": false"));
    }

    @Test
    void deleting_a_subscription_gives_up_its_open_deliveries_and_keeps_the_log() throws Exception {
        receiver.answer(500);
        NewSubscription subscription = subscribe("service.updated", "/leaving");
        UUID eventId = publish(TestEvents.serviceUpdated("billing"));
        awaitAttempts(eventId, 1);

        signedIn.run("admin", "ADMIN", () -> subscriptions.unsubscribe(subscription.subscription().id()));

        DeliveryRow dead = awaitStatus(eventId, DeliveryStatus.DEAD);
        assertThat(dead.stoppedReason()).contains("deleted");
        assertThat(dead.lastError()).as("the attempt's own error stays").contains("500");
        assertThat(dead.targetUrl()).endsWith("/leaving");
    }

    @Test
    void many_events_with_four_competing_workers_arrive_exactly_once_each() throws Exception {
        subscribe("service.updated", "/bulk");

        List<UUID> ids = IntStream.range(0, 600)
                .mapToObj(i -> publish(TestEvents.serviceUpdated("svc-" + i)))
                .toList();

        String[] eventIds = ids.stream().map(UUID::toString).toArray(String[]::new);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("SELECT count(*) FROM webhook_deliveries"
                + " WHERE status = 'DELIVERED' AND event_id = ANY(CAST(? AS UUID[]))", Long.class, (Object) eventIds) == ids.size());
        // every send is counted on its delivery in the transaction that claimed it: a delivery sent
        // twice (by two workers, or by one twice) would count two
        assertThat(jdbc.queryForObject("SELECT sum(attempts) FROM webhook_deliveries WHERE event_id = ANY(CAST(? AS UUID[]))",
                Long.class, (Object) eventIds)).isEqualTo(ids.size());
        List<String> received = receiver.received().stream().map(r -> r.getHeaders().get("webhook-id")).toList();
        assertThat(received).hasSize(ids.size()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(ids.stream().map(UUID::toString).toList());
    }

    @Test
    void signing_secrets_are_stored_encrypted_under_a_key_only_the_owner_can_read() throws Exception {
        NewSubscription subscription = subscribe("service.created", "/zap");

        byte[] stored = jdbc.queryForObject("SELECT secret_encrypted FROM webhook_subscriptions WHERE id = ?", byte[].class,
                subscription.subscription().id());
        String storedText = new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1);
        String secretKey = subscription.secret().substring("whsec_".length());
        assertThat(storedText).doesNotContain(secretKey).doesNotContain("whsec_");
        assertThat(Base64.getEncoder().encodeToString(stored)).doesNotContain(secretKey);
        var keyFile = properties.dataDir().resolve("secret.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(subscription.toString()).doesNotContain(secretKey);
    }

    @Test
    void finished_events_leave_the_log_after_the_retention_time_and_open_ones_stay() throws Exception {
        receiver.answer(r -> new MockResponse.Builder().code(r.getTarget().equals("/ok") ? 200 : 500).build());
        subscribe("service.created", "/ok");
        subscribe("service.updated", "/failing");
        UUID finished = publish(TestEvents.serviceCreated("old"));
        UUID open = publish(TestEvents.serviceUpdated("old"));
        awaitStatus(finished, DeliveryStatus.DELIVERED);
        awaitAttempts(open, 1);

        retention.purge(); // 30 days: both are younger
        assertThat(delivery(finished)).isNotNull();

        int purged = retention.purge(clock.instant().plusMillis(1));

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_events WHERE id = ?", Long.class, finished)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_deliveries WHERE event_id = ?", Long.class, finished)).isZero();
        assertThat(delivery(open)).as("still being retried").isNotNull();
        assertThat(delivery(open).status()).isEqualTo(DeliveryStatus.FAILED);
    }

    private NewSubscription subscribe(String type, String path) {
        return asAdmin(() -> subscriptions.subscribe(type, receiver.url(path)));
    }

    private UUID publish(WebhookEvent event) {
        return events.publish(event);
    }

    private DeliveryRow awaitStatus(UUID eventId, DeliveryStatus status) {
        return await().atMost(WAIT).until(() -> delivery(eventId), d -> d != null && d.status() == status);
    }

    private DeliveryRow awaitAttempts(UUID eventId, int attempts) {
        return await().atMost(WAIT).until(() -> delivery(eventId), d -> d != null && d.attempts() >= attempts
                && (d.status() != DeliveryStatus.PENDING));
    }

    private DeliveryRow delivery(UUID eventId) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM webhook_deliveries WHERE event_id = ?", Long.class, eventId);
        return ids.isEmpty() ? null : asAdmin(() -> log.get(ids.getFirst()));
    }

    private <T> T asAdmin(java.util.function.Supplier<T> work) {
        return signedIn.as("admin", "ADMIN", work);
    }
}

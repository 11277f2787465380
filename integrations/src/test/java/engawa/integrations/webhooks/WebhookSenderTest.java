package engawa.integrations.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server on loopback, allowed through ENGAWA_WEBHOOKS_ALLOWED_HOSTS as in a test setup. */
class WebhookSenderTest {

    @StartStop
    final MockWebServer receiver = new MockWebServer();

    final Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    final WebhookSecret secret = WebhookSecret.generate();
    final byte[] body = "{\"id\":\"evt_1\",\"type\":\"service.created\",\"data\":{\"name\":\"checkout\"}}"
            .getBytes(StandardCharsets.UTF_8);

    WebhookSender sender() {
        return new WebhookSender(new TargetGuard(Set.of("localhost:" + receiver.getPort()), HostResolver.SYSTEM), clock,
                Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    WebhookRequest request() {
        return new WebhookRequest(URI.create(receiver.url("/hooks/engawa").toString()), "evt_1", clock.instant(), body, secret);
    }

    @Test
    void a_delivery_carries_the_standard_webhooks_headers_and_the_reference_library_accepts_its_signature() throws Exception {
        receiver.enqueue(new MockResponse.Builder().code(204).build());
        WebhookSender sender = new WebhookSender(new TargetGuard(Set.of("localhost:" + receiver.getPort()), HostResolver.SYSTEM),
                Clock.systemUTC());

        // the reference verifier also checks the timestamp against its own clock: send one from now
        DeliveryResult result = sender.send(new WebhookRequest(request().target(), "evt_1", Instant.now(), body, secret));

        assertThat(result.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
        assertThat(result.statusCode()).isEqualTo(204);
        RecordedRequest recorded = receiver.takeRequest();
        assertThat(recorded.getHeaders().get("webhook-id")).isEqualTo("evt_1");
        assertThat(recorded.getHeaders().get("webhook-signature")).startsWith("v1,");
        assertThat(recorded.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(recorded.getBody().utf8()).isEqualTo(new String(body, StandardCharsets.UTF_8));

        new Webhook(secret.encoded()).verify(recorded.getBody().utf8(), standardHeaders(recorded));
    }

    @Test
    void our_signature_is_the_reference_signature_for_the_same_message() throws Exception {
        long timestamp = clock.instant().getEpochSecond();
        String reference = new Webhook(secret.encoded()).sign("evt_1", timestamp, new String(body, StandardCharsets.UTF_8));
        assertThat(WebhookSigner.sign(secret, "evt_1", timestamp, body)).isEqualTo(reference);
        assertThat(WebhookSecret.parse(secret.encoded())).isEqualTo(secret);
        assertThat(secret.encoded()).startsWith("whsec_");
        assertThat(secret.key()).hasSize(32);
        assertThat(secret.toString()).doesNotContain(secret.encoded().substring(6));
    }

    @Test
    void a_tampered_body_fails_the_reference_verification() throws Exception {
        receiver.enqueue(new MockResponse.Builder().code(200).build());
        new WebhookSender(new TargetGuard(Set.of("localhost:" + receiver.getPort()), HostResolver.SYSTEM), Clock.systemUTC())
                .send(new WebhookRequest(request().target(), "evt_3", Instant.now(), body, secret));
        RecordedRequest recorded = receiver.takeRequest();

        assertThatThrownBy(() -> new Webhook(secret.encoded())
                .verify(recorded.getBody().utf8().replace("checkout", "payments"), standardHeaders(recorded)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    private static Map<String, List<String>> standardHeaders(RecordedRequest recorded) {
        return Map.of(
                "webhook-id", List.of(recorded.getHeaders().get("webhook-id")),
                "webhook-timestamp", List.of(recorded.getHeaders().get("webhook-timestamp")),
                "webhook-signature", List.of(recorded.getHeaders().get("webhook-signature")));
    }

    @Test
    void gone_means_the_subscriber_wants_no_more_events() {
        receiver.enqueue(new MockResponse.Builder().code(410).body("unsubscribed").build());

        DeliveryResult result = sender().send(request());

        assertThat(result.outcome()).isEqualTo(DeliveryOutcome.GONE);
        assertThat(result.error()).contains("410");
        assertThat(result.responseExcerpt()).isEqualTo("unsubscribed");
    }

    @Test
    void too_many_requests_is_retried_honouring_retry_after_in_seconds_or_as_a_date() {
        receiver.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "120").build());
        DeliveryResult seconds = sender().send(request());
        assertThat(seconds.outcome()).isEqualTo(DeliveryOutcome.RETRY);
        assertThat(seconds.retryAfter()).contains(Duration.ofSeconds(120));

        receiver.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "Wed, 25 Nov 2026 12:05:00 GMT").build());
        DeliveryResult date = sender().send(request());
        assertThat(date.outcome()).isEqualTo(DeliveryOutcome.RETRY);
        assertThat(date.statusCode()).isEqualTo(503);
        assertThat(date.retryAfter()).contains(Duration.ofMinutes(5));
    }

    @Test
    void a_redirect_is_not_followed() throws Exception {
        receiver.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "http://169.254.169.254/latest/meta-data").build());

        DeliveryResult result = sender().send(request());

        assertThat(result.outcome()).isEqualTo(DeliveryOutcome.RETRY);
        assertThat(result.error()).contains("redirects are not followed");
        assertThat(receiver.getRequestCount()).isEqualTo(1);
    }

    @Test
    void only_the_start_of_a_huge_response_is_read() {
        receiver.enqueue(new MockResponse.Builder().code(500).body("x".repeat(5_000_000)).build());

        DeliveryResult result = sender().send(request());

        assertThat(result.outcome()).isEqualTo(DeliveryOutcome.RETRY);
        assertThat(result.responseExcerpt()).hasSize(WebhookSender.RESPONSE_EXCERPT_BYTES);
    }

    @Test
    void a_receiver_that_does_not_answer_in_time_is_retried() {
        receiver.enqueue(new MockResponse.Builder().code(200).headersDelay(5, TimeUnit.SECONDS).build());

        DeliveryResult result = sender().send(request());

        assertThat(result.outcome()).isEqualTo(DeliveryOutcome.RETRY);
        assertThat(result.statusCode()).isZero();
        assertThat(result.error()).contains("No answer within the time limit");
        assertThat(result.latency()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void a_receiver_that_is_down_is_retried() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        WebhookSender sender = new WebhookSender(new TargetGuard(Set.of("localhost:" + closedPort), HostResolver.SYSTEM), clock);

        DeliveryResult result = sender.send(new WebhookRequest(URI.create("http://localhost:" + closedPort + "/"), "evt_9",
                clock.instant(), body, secret));

        assertThat(result.outcome()).isEqualTo(DeliveryOutcome.RETRY);
        assertThat(result.error()).contains("Could not connect");
    }

    @Test
    void an_internal_target_is_refused_without_any_request() {
        WebhookSender guarded = new WebhookSender(new TargetGuard(Set.of(), HostResolver.SYSTEM), clock);

        DeliveryResult result = guarded.send(request());

        assertThat(result.outcome()).isEqualTo(DeliveryOutcome.REFUSED_TARGET);
        assertThat(receiver.getRequestCount()).isZero();
    }

    @Test
    void dns_rebinding_is_caught_when_connecting() {
        // public when the URL is checked, loopback when OkHttp connects
        java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
        HostResolver rebinding = host -> List.of(InetAddress.getByAddress(host,
                lookups.getAndIncrement() == 0 ? new byte[] {93, (byte) 184, (byte) 215, 14} : new byte[] {127, 0, 0, 1}));
        TargetGuard guard = new TargetGuard(Set.of(), rebinding);
        WebhookSender sender = new WebhookSender(guard, clock, Duration.ofSeconds(2), Duration.ofSeconds(2));

        DeliveryResult result = sender.send(new WebhookRequest(
                URI.create("https://rebind.example:" + receiver.getPort() + "/"), "evt_4", clock.instant(), body, secret));

        assertThat(lookups.get()).isEqualTo(2);
        assertThat(result.outcome()).isEqualTo(DeliveryOutcome.RETRY);
        assertThat(result.error()).contains("internal address (127.0.0.1)");
        assertThat(receiver.getRequestCount()).isZero();
    }

    @Test
    void retry_after_that_is_neither_seconds_nor_a_date_is_ignored() {
        assertThat(sender().retryAfter("soon")).isEqualTo(Optional.empty());
        assertThat(sender().retryAfter("-5")).isEqualTo(Optional.empty());
    }
}

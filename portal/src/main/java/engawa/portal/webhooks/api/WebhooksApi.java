package engawa.portal.webhooks.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import engawa.db.webhooks.AttemptRow;
import engawa.db.webhooks.DeliveryRow;
import engawa.db.webhooks.DeliveryStatus;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.api.PageRequests;
import engawa.portal.shared.api.PageResponse;
import engawa.portal.webhooks.DeliveryDetails;
import engawa.portal.webhooks.DeliveryLog;
import engawa.portal.webhooks.EventJson;
import engawa.portal.webhooks.EventType;
import engawa.portal.webhooks.NewSubscription;
import engawa.portal.webhooks.Subscription;
import engawa.portal.webhooks.WebhookSubscriptionService;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Zapier's REST hook contract and the delivery log. Field names are snake_case here, as in the
 * contract ({@code target_url}) and in the webhook tools people compare us with.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
class WebhooksApi {

    static final int MAX_RECENT = 100;

    private final WebhookSubscriptionService subscriptions;
    private final DeliveryLog log;
    private final JsonMapper json;
    private final EventJson eventJson;

    WebhooksApi(WebhookSubscriptionService subscriptions, DeliveryLog log, JsonMapper json, EventJson eventJson) {
        this.subscriptions = subscriptions;
        this.log = log;
        this.json = json;
        this.eventJson = eventJson;
    }

    record CreatedJson(String id, String event, @JsonProperty("target_url") String targetUrl, String secret) {
    }

    record SubscriptionJson(String id, String event, @JsonProperty("target_url") String targetUrl, boolean enabled,
            @JsonProperty("disabled_reason") String disabledReason, @JsonProperty("disabled_at") Instant disabledAt,
            @JsonProperty("failing_since") Instant failingSince, String owner, @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("zapier_catch_hook") boolean zapierCatchHook, String recipe) {
        static SubscriptionJson of(Subscription s) {
            return new SubscriptionJson(s.id().toString(), s.event(), s.targetUrl(), s.enabled(), s.disabledReason(),
                    s.disabledAt(), s.failingSince(), s.owner(), s.createdAt(), s.zapier(), s.recipe());
        }
    }

    record EventTypeJson(String type, String description, @JsonProperty("may_subscribe") boolean maySubscribe,
            JsonNode sample) {
    }

    record RecentEventJson(String id, String type, Instant timestamp, JsonNode data) {
    }

    record DeliveryJson(long id, @JsonProperty("event_id") String eventId, @JsonProperty("event_type") String eventType,
            boolean test, @JsonProperty("subscription_id") String subscriptionId, @JsonProperty("target_url") String targetUrl,
            String status, int attempts, @JsonProperty("next_attempt_at") Instant nextAttemptAt,
            @JsonProperty("created_at") Instant createdAt, @JsonProperty("last_attempt_at") Instant lastAttemptAt,
            @JsonProperty("last_status_code") Integer lastStatusCode, @JsonProperty("last_error") String lastError,
            @JsonProperty("stopped_reason") String stoppedReason, @JsonProperty("attempt_log") List<AttemptJson> attemptLog) {
        static DeliveryJson of(DeliveryRow d, List<AttemptJson> attempts) {
            return new DeliveryJson(d.id(), d.eventId().toString(), d.eventType(), d.test(), d.subscriptionId().toString(),
                    d.targetUrl(), d.status().name().toLowerCase(Locale.ROOT), d.attempts(), d.nextAttemptAt(),
                    d.createdAt(), d.lastAttemptAt(), d.lastStatusCode(), d.lastError(), d.stoppedReason(), attempts);
        }
    }

    record AttemptJson(@JsonProperty("attempted_at") Instant attemptedAt, @JsonProperty("status_code") int statusCode,
            @JsonProperty("latency_ms") int latencyMs, String error, @JsonProperty("response_excerpt") String responseExcerpt) {
        static AttemptJson of(AttemptRow a) {
            return new AttemptJson(a.attemptedAt(), a.statusCode(), a.latencyMs(), a.error(), a.responseExcerpt());
        }
    }

    record TestJson(@JsonProperty("delivery_id") long deliveryId) {
    }

    /**
     * Zapier's subscribe call: {@code target_url} (or {@code targetUrl}) and {@code event}; with
     * {@code recipe}, a recipe's owners watch its runs and health without seeing everyone's.
     */
    record SubscribeBody(@JsonProperty("target_url") @JsonAlias("targetUrl") String targetUrl, String event,
            String recipe) {
    }

    @PostMapping("/hooks")
    ResponseEntity<CreatedJson> subscribe(@RequestBody SubscribeBody body) {
        NewSubscription created = subscriptions.subscribe(body.event(), body.targetUrl(), body.recipe());
        Subscription s = created.subscription();
        return ResponseEntity.created(URI.create("/api/v1/hooks/" + s.id()))
                .body(new CreatedJson(s.id().toString(), s.event(), s.targetUrl(), created.secret()));
    }

    @GetMapping("/hooks")
    PageResponse<SubscriptionJson> hooks(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Pageable pageable = PageRequests.of(page, size);
        List<SubscriptionJson> items = subscriptions.list(pageable).stream()
                .map(SubscriptionJson::of).toList();
        return new PageResponse<>(items, pageable.getPageNumber(), pageable.getPageSize(), subscriptions.count());
    }

    @GetMapping("/hooks/{id}")
    SubscriptionJson hook(@PathVariable String id) {
        return SubscriptionJson.of(subscriptions.get(subscriptionId(id)));
    }

    @DeleteMapping("/hooks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unsubscribe(@PathVariable String id) {
        subscriptions.unsubscribe(subscriptionId(id));
    }

    @PostMapping("/hooks/{id}/enable")
    SubscriptionJson enable(@PathVariable String id) {
        return SubscriptionJson.of(subscriptions.enable(subscriptionId(id)));
    }

    @PostMapping("/hooks/{id}/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    TestJson test(@PathVariable String id) {
        return new TestJson(subscriptions.sendTest(subscriptionId(id)));
    }

    @GetMapping("/events")
    List<EventTypeJson> events() {
        Set<EventType> subscribable = subscriptions.subscribableTypes();
        return subscriptions.allTypes().stream()
                .map(t -> new EventTypeJson(t.id(), t.description(), subscribable.contains(t), eventJson.data(t.sampleEvent(), true)))
                .toList();
    }

    /** Zapier's polling trigger and sample data: a plain array, newest first, each with an {@code id}. */
    @GetMapping("/events/{type}/recent")
    List<RecentEventJson> recent(@PathVariable String type, @RequestParam(required = false) Integer limit) {
        int n = limit == null ? 25 : limit;
        if (n < 1 || n > MAX_RECENT) {
            throw UserFacingException.invalid("webhooks.limit.range", MAX_RECENT);
        }
        return subscriptions.recentEvents(type, n).stream()
                .map(e -> new RecentEventJson(e.id().toString(), e.type(), e.occurredAt(), json.readTree(e.dataJson())))
                .toList();
    }

    @GetMapping("/deliveries")
    PageResponse<DeliveryJson> deliveries(@RequestParam(required = false) String status,
            @RequestParam(required = false) String subscription, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Pageable pageable = PageRequests.of(page, size);
        DeliveryStatus wanted = status(status);
        UUID subscriptionId = subscription == null || subscription.isBlank() ? null : subscriptionId(subscription);
        List<DeliveryJson> items = log.list(wanted, subscriptionId, pageable)
                .stream().map(d -> DeliveryJson.of(d, null)).toList();
        return new PageResponse<>(items, pageable.getPageNumber(), pageable.getPageSize(), log.count(wanted, subscriptionId));
    }

    @GetMapping("/deliveries/{id}")
    DeliveryJson delivery(@PathVariable long id) {
        DeliveryDetails details = log.details(id);
        return DeliveryJson.of(details.delivery(), details.attempts().stream().map(AttemptJson::of).toList());
    }

    @PostMapping("/deliveries/{id}/redeliver")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DeliveryJson redeliver(@PathVariable long id) {
        return DeliveryJson.of(log.redeliver(id), null);
    }

    private static UUID subscriptionId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw UserFacingException.notFound("webhooks.subscription.notFound", id);
        }
    }

    private static DeliveryStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw UserFacingException.invalid("webhooks.status.unknown", status);
        }
    }
}

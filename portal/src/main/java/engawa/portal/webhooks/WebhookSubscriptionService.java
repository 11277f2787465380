package engawa.portal.webhooks;

import engawa.portal.shared.TimeOrderedIds;
import engawa.db.webhooks.WebhookDeliveries;
import engawa.db.webhooks.WebhookOutbox;
import engawa.db.webhooks.WebhookSubscriptionRow;
import engawa.db.webhooks.WebhookSubscriptions;
import engawa.integrations.webhooks.WebhookSecret;
import engawa.portal.people.Callers;
import engawa.portal.people.Callers.Caller;
import engawa.portal.shared.SecretBox;
import engawa.portal.shared.UserFacingException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscriptions per Zapier's REST hook contract. Members subscribe to what they may read
 * ({@link EventType.Audience}); everyone manages their own subscriptions, admins all of them.
 * Someone else's subscription is "not found", so ids reveal nothing.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class WebhookSubscriptionService {

    static final int MAX_PER_PERSON = 100;
    /** Test events a member may send to one subscription per minute: enough to try, too few to flood someone. */
    static final int TESTS_PER_MINUTE = 10;

    private final WebhookSubscriptions subscriptions;
    private final WebhookOutbox outbox;
    private final WebhookDeliveries deliveries;
    private final WebhookDispatcher dispatcher;
    private final WebhookTargets targets;
    private final SecretBox secrets;
    private final Callers callers;
    private final Clock clock;
    private final EventScopes scopes;
    private final EventTypes types;
    private final EventJson eventJson;

    WebhookSubscriptionService(WebhookSubscriptions subscriptions, WebhookOutbox outbox, WebhookDeliveries deliveries,
            WebhookDispatcher dispatcher, WebhookTargets targets, SecretBox secrets, Callers callers, Clock clock,
            EventScopes scopes, EventTypes types, EventJson eventJson) {
        this.scopes = scopes;
        this.types = types;
        this.eventJson = eventJson;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.targets = targets;
        this.secrets = secrets;
        this.callers = callers;
        this.clock = clock;
    }

    @Transactional
    public NewSubscription subscribe(String event, String targetUrl) {
        return subscribe(event, targetUrl, null);
    }

    /**
     * @param recipe null for every event of the type; a recipe's slug to watch that recipe's
     *        events only, which its owners may do for the recipe events
     */
    @Transactional
    public NewSubscription subscribe(String event, String targetUrl, String recipe) {
        Caller caller = callers.current();
        EventType type = eventType(event);
        String scope = null;
        if (recipe != null && !recipe.isBlank()) {
            if (type.scoping() != EventType.Scoping.RECIPE) {
                throw UserFacingException.invalidField("recipe", "webhooks.recipe.notRecipeEvent", type.id());
            }
            scope = scopes.recipeScope(caller, recipe.trim());
        } else if (type.scoping() == EventType.Scoping.PERSON && !caller.admin() && caller.userId() != null) {
            // a member's subscription to office-hours events watches their own sign-ups and hosted sessions
            scope = WebhookEvent.personScope(caller.userId());
        } else {
            checkAudience(caller, type);
        }
        URI target = target(targetUrl);
        if (caller.userId() != null && subscriptions.count(caller.userId()) >= MAX_PER_PERSON) {
            throw UserFacingException.invalid("webhooks.tooMany", MAX_PER_PERSON);
        }
        WebhookSecret secret = WebhookSecret.generate();
        UUID id = TimeOrderedIds.next(clock);
        subscriptions.insert(id, type.id(), target.toString(),
                secrets.seal(secret.key()), caller.userId(), clock.instant(), scope);
        return new NewSubscription(Subscription.of(subscriptions.find(id).orElseThrow()), secret.encoded());
    }

    @Transactional(readOnly = true)
    public List<Subscription> list(Pageable pageable) {
        Caller caller = callers.current();
        return subscriptions.list(scope(caller), (int) pageable.getOffset(), pageable.getPageSize()).stream().map(Subscription::of).toList();
    }

    @Transactional(readOnly = true)
    public long count() {
        return subscriptions.count(scope(callers.current()));
    }

    @Transactional(readOnly = true)
    public Subscription get(UUID id) {
        return Subscription.of(manageable(id));
    }

    /** Unsubscribes; deliveries not yet made are given up. The delivery log keeps what was sent. */
    @Transactional
    public void unsubscribe(UUID id) {
        manageable(id);
        subscriptions.markDeleted(id, clock.instant());
        deliveries.buryOpen(id, "Not sent: the subscription was deleted.");
    }

    /** Turns a subscription that was turned off (410 Gone, days of failures) on again. */
    @Transactional
    public Subscription enable(UUID id) {
        manageable(id);
        subscriptions.enable(id);
        return Subscription.of(subscriptions.find(id).orElseThrow());
    }

    /**
     * Sends the event type's sample, marked as a test, to this subscription only: how someone
     * checks a new Zap or receiver without waiting for a real event.
     *
     * @return the delivery's id, to follow it in the log
     */
    @Transactional
    public long sendTest(UUID id) {
        Caller caller = callers.current();
        WebhookSubscriptionRow row = manageable(caller, id);
        if (!row.enabled()) {
            throw UserFacingException.conflict("webhooks.subscription.off");
        }
        // the target is any public URL a member chose: without a limit, Engawa could be made to flood it
        if (!caller.admin()
                && outbox.testsSince(id, clock.instant().minus(Duration.ofMinutes(1))) >= TESTS_PER_MINUTE) {
            throw UserFacingException.tooMany("webhooks.test.tooMany", TESTS_PER_MINUTE);
        }
        EventType type = types.byId(row.eventType()).orElseThrow();
        // the sample is a real event record of the type: a Zap built on it gets every field the real ones carry
        long delivery = outbox.appendTest(TimeOrderedIds.next(clock), type.id(), clock.instant(),
                eventJson.write(type.sampleEvent(), true), id);
        dispatcher.wakeAfterCommit();
        return delivery;
    }

    /** The latest real events of a type, for Zapier's polling fallback and sample data. */
    @Transactional(readOnly = true)
    public List<WebhookOutboxEvent> recentEvents(String event, int limit) {
        EventType type = eventType(event);
        checkAudience(callers.current(), type);
        return outbox.recent(type.id(), limit).stream()
                .map(e -> new WebhookOutboxEvent(e.id(), e.type(), e.occurredAt(), e.dataJson())).toList();
    }

    /** The event types the caller may subscribe to, in their order; the API and the page offer only those. */
    @Transactional(readOnly = true)
    public Set<EventType> subscribableTypes() {
        Caller caller = callers.current();
        boolean admin = caller.admin();
        Set<EventType> allowed = new LinkedHashSet<>();
        for (EventType type : types.all()) {
            // a member's office-hours subscription watches their own sign-ups and hosted sessions
            if (admin || type.audience() == EventType.Audience.MEMBERS
                    || type.scoping() == EventType.Scoping.PERSON && caller.userId() != null) {
                allowed.add(type);
            }
        }
        return allowed;
    }

    /** Every event type, with its description and sample: what the API lists and the page explains. */
    public List<EventType> allTypes() {
        return types.all();
    }

    private WebhookSubscriptionRow manageable(UUID id) {
        return manageable(callers.current(), id);
    }

    private WebhookSubscriptionRow manageable(Caller caller, UUID id) {
        // a recipe's target belongs to the recipe: its owners change it on the recipe, nobody here
        return subscriptions.find(id).filter(s -> !WebhookSubscriptions.RECIPE_TARGET_TYPE.equals(s.eventType()))
                .filter(s -> caller.mayManage(s.ownerId()))
                .orElseThrow(() -> UserFacingException.notFound("webhooks.subscription.notFound", id));
    }

    static Long scope(Caller caller) {
        return caller.admin() ? null : caller.userId() == null ? -1L : caller.userId();
    }

    private void checkAudience(Caller caller, EventType type) {
        if (type.audience() == EventType.Audience.ADMINS && !caller.admin()) {
            throw UserFacingException.forbidden("webhooks.event.adminsOnly", type.id());
        }
    }

    private EventType eventType(String event) {
        if (event == null || event.isBlank()) {
            throw UserFacingException.invalid("webhooks.event.missing", types.allIds());
        }
        return types.byId(event.trim())
                .orElseThrow(() -> UserFacingException.invalid("webhooks.event.unknown", event.trim(), types.allIds()));
    }

    private URI target(String targetUrl) {
        return targets.check(targetUrl, null);
    }
}

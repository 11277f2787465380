package engawa.portal.webhooks;

import engawa.db.webhooks.WebhookOutbox;
import engawa.db.webhooks.WebhookSubscriptions;
import engawa.integrations.webhooks.WebhookSecret;
import engawa.portal.shared.SecretBox;
import engawa.portal.shared.TimeOrderedIds;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Targets that receive only what is addressed to them, such as a recipe's workflow: signed with
 * their own secret, sent, retried and logged like every delivery, but never listed among
 * subscriptions nor reached by published events. The caller checks who may create one.
 */
@Component
public class PrivateTargets {

    /** The event type of every target's deliveries: the delivery log shows it, receivers see it as {@code type}. */
    public static final String TYPE = WebhookSubscriptions.RECIPE_TARGET_TYPE;

    private final WebhookSubscriptions subscriptions;
    private final WebhookOutbox outbox;
    private final WebhookDispatcher dispatcher;
    private final SecretBox secrets;
    private final JsonMapper json;
    private final Clock clock;

    PrivateTargets(WebhookSubscriptions subscriptions, WebhookOutbox outbox, WebhookDispatcher dispatcher,
            SecretBox secrets, JsonMapper json, Clock clock) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.secrets = secrets;
        this.json = json;
        this.clock = clock;
    }

    /** A target just made, with its signing secret ({@code whsec_…}): the only time it is shown. */
    public record NewTarget(UUID id, String secret) {

        @Override
        public String toString() {
            return "NewTarget[" + id + ", secret=redacted]";
        }
    }

    /**
     * @param scope what it belongs to, e.g. {@code recipe:expense-reminder}, kept for the delivery log
     * @param url an address the caller has checked with {@link WebhookTargets}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public NewTarget create(String scope, URI url) {
        WebhookSecret secret = WebhookSecret.generate();
        UUID id = TimeOrderedIds.next(clock);
        subscriptions.insert(id, TYPE, url.toString(), secrets.seal(secret.key()), null, clock.instant(), scope);
        return new NewTarget(id, secret.encoded());
    }

    /** No more deliveries to it; those already queued still go, signed as they were queued. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void retire(UUID id) {
        subscriptions.markDeleted(id, clock.instant());
    }

    /**
     * Queues {@code data} (a map or record that serialises to a JSON object) for one target.
     *
     * @param eventId the {@code webhook-id} the receiver sees
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(UUID targetId, UUID eventId, Object data, Instant at) {
        outbox.appendTo(eventId, TYPE, at, json.writeValueAsString(data), targetId);
        dispatcher.wakeAfterCommit();
    }
}

package engawa.portal.webhooks;

import engawa.db.webhooks.WebhookDeliveries;
import engawa.db.webhooks.WebhookSubscriptions;
import engawa.integrations.webhooks.DeliveryOutcome;
import engawa.integrations.webhooks.DeliveryResult;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether a subscription's receiver still works: a delivery clears its failing mark; the first
 * failure sets one; failing for 5 days or answering 410 Gone
 * turns the subscription off ({@code engawa.webhooks.disable-after-failing}), with a reason people can read, and gives up its open deliveries.
 */
@Component
class ReceiverHealth {

    private static final Logger log = LoggerFactory.getLogger(ReceiverHealth.class);

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final WebhookProperties properties;
    private final Clock clock;

    ReceiverHealth(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries, WebhookProperties properties,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.properties = properties;
        this.clock = clock;
    }

    /** What the receiver's answers in one batch mean for its subscription: healthy, failing, or turned off. */
    void update(Batch health) {
        Instant now = clock.instant();
        if (health.gone != null) {
            turnOff(health.subscription, "The receiver answered 410 Gone on "
                    + DateTimeFormatter.ISO_INSTANT.format(health.gone) + ": it asked not to get these events any more.");
        } else if (health.anyDelivered) {
            if (health.failingSince != null) {
                subscriptions.clearFailing(health.subscription);
            }
        } else if (health.failingSince == null) {
            subscriptions.markFailingSince(health.subscription, health.firstFailure);
        } else if (!health.failingSince.plus(properties.scaledDisableAfterFailing()).isAfter(now)) {
            turnOff(health.subscription, "Every delivery failed since "
                    + DateTimeFormatter.ISO_INSTANT.format(health.failingSince) + "; turned off after "
                    + properties.disableAfterFailing().toDays() + " days of failures. Fix the receiver, then turn it on again.");
        }
    }

    private void turnOff(UUID subscription, String reason) {
        boolean turnedOff = subscriptions.disable(subscription, reason, clock.instant());
        // also when another worker turned it off first: this batch's own retries are ours to bury
        int buried = deliveries.buryOpen(subscription, "Not sent: the subscription was turned off. " + reason);
        if (turnedOff) {
            log.info("Webhook subscription {} turned off ({} open deliveries given up): {}", subscription, buried, reason);
        }
    }

    /** What one batch says about a subscription's receiver. */
    static final class Batch {
        final UUID subscription;
        final Instant failingSince;
        boolean anyDelivered;
        Instant firstFailure;
        Instant gone;

        Batch(UUID subscription, Instant failingSince) {
            this.subscription = subscription;
            this.failingSince = failingSince;
        }

        UUID subscription() {
            return subscription;
        }

        void add(Instant attemptedAt, DeliveryResult result) {
            if (result.delivered()) {
                anyDelivered = true;
            } else {
                if (firstFailure == null || attemptedAt.isBefore(firstFailure)) {
                    firstFailure = attemptedAt;
                }
                if (result.outcome() == DeliveryOutcome.GONE && gone == null) {
                    gone = attemptedAt;
                }
            }
        }
    }
}

package engawa.integrations.webhooks;

import java.time.Duration;
import java.util.Optional;

/**
 * What happened on one attempt, in the words a delivery log shows a person.
 *
 * @param statusCode the HTTP status, or 0 when no response came
 * @param latency time from sending to the response (or the failure)
 * @param error why it failed, when it did (no secrets in it)
 * @param responseExcerpt the start of the response body, at most {@link WebhookSender#RESPONSE_EXCERPT_BYTES}
 * @param retryAfter the receiver's {@code Retry-After}, when it sent one
 */
public record DeliveryResult(DeliveryOutcome outcome, int statusCode, Duration latency, String error,
        String responseExcerpt, Optional<Duration> retryAfter) {

    public boolean delivered() {
        return outcome == DeliveryOutcome.DELIVERED;
    }
}

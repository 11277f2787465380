package engawa.integrations.webhooks;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One delivery attempt to make: the event id doubles as {@code webhook-id}, so a receiver can drop
 * the duplicates that at-least-once delivery allows.
 */
public record WebhookRequest(URI target, String eventId, Instant timestamp, byte[] jsonBody, WebhookSecret secret) {

    public WebhookRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(jsonBody, "jsonBody");
        Objects.requireNonNull(secret, "secret");
    }
}

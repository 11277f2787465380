package engawa.portal.webhooks;

import java.time.Instant;
import java.util.UUID;

/** An event as it was sent: {@code dataJson} is its {@code data} object. */
public record WebhookOutboxEvent(UUID id, String type, Instant occurredAt, String dataJson) {
}

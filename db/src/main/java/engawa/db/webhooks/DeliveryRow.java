package engawa.db.webhooks;

import java.time.Instant;
import java.util.UUID;

/** A delivery as the log shows it. */
public record DeliveryRow(long id, UUID eventId, String eventType, Instant occurredAt, boolean test, UUID subscriptionId,
        String targetUrl, Long ownerId, DeliveryStatus status, int attempts, Instant nextAttemptAt, Instant createdAt,
        Instant lastAttemptAt, Integer lastStatusCode, String lastError) {
}

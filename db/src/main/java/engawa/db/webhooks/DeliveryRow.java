package engawa.db.webhooks;

import java.time.Instant;
import java.util.UUID;

/** A delivery as the log shows it, with its latest attempt. */
public record DeliveryRow(long id, UUID eventId, String eventType, Instant occurredAt, boolean test, UUID subscriptionId,
        String targetUrl, Long ownerId, DeliveryStatus status, int attempts, Instant nextAttemptAt, Instant createdAt,
        Instant lastAttemptAt, Integer lastStatusCode, Integer lastLatencyMs, String lastError, String lastResponseExcerpt,
        String stoppedReason) {

    /** The latest attempt, which the delivery row itself holds; empty before the first. */
    public java.util.Optional<AttemptRow> lastAttempt() {
        return lastAttemptAt == null ? java.util.Optional.empty()
                : java.util.Optional.of(new AttemptRow(0, lastAttemptAt, lastStatusCode == null ? 0 : lastStatusCode,
                        lastLatencyMs == null ? 0 : lastLatencyMs, lastError, lastResponseExcerpt));
    }
}

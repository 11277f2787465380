package engawa.db.webhooks;

import java.time.Instant;

/**
 * One attempt's result and what it means for the delivery: its new status, the attempts made in
 * this round, when to try next (null once delivered or dead) and, when it is dead, why.
 */
public record AttemptRecord(long deliveryId, Instant attemptedAt, int statusCode, int latencyMs, String error,
        String responseExcerpt, DeliveryStatus newStatus, int attempts, Instant nextAttemptAt, String stoppedReason) {
}

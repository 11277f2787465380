package engawa.portal.webhooks;

import engawa.db.webhooks.DeliveryStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Hears what became of the deliveries of one event type, inside the dispatcher's transaction, so
 * that a feature's own state (a recipe run's "sent") is stored exactly when the delivery's is.
 * Must not throw for bad data: an exception rolls back the batch and the deliveries go out again.
 */
public interface DeliveryListener {

    /** The event type listened to, e.g. {@code recipe.run}. */
    String eventType();

    void settled(List<Settled> deliveries);

    /**
     * One attempt's result.
     *
     * @param status {@code DELIVERED}, {@code FAILED} (another attempt is scheduled) or {@code DEAD}
     * @param reason for {@code DEAD}: why the outbox gave up; otherwise the attempt's error or null
     */
    record Settled(UUID eventId, DeliveryStatus status, int statusCode, String reason, Instant at) {
    }
}

package engawa.portal.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Hears what became of the deliveries to {@link PrivateTargets}, inside the dispatcher's
 * transaction, so that a feature's own state (a recipe run's "sent") is stored exactly when the
 * delivery's is. Must not throw for bad data: an exception rolls back the batch and the deliveries
 * go out again.
 */
public interface DeliveryListener {

    void settled(List<Settled> deliveries);

    /** What one attempt came to. */
    enum Outcome {
        DELIVERED,
        /** Failed; another attempt is scheduled. */
        WILL_RETRY,
        /** The outbox gave up (retries spent, the target switched off or retired). */
        GAVE_UP
    }

    /**
     * @param reason for {@link Outcome#GAVE_UP}: why; otherwise the attempt's error or null
     */
    record Settled(UUID eventId, Outcome outcome, int statusCode, String reason, Instant at) {
    }
}

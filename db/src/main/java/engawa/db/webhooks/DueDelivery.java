package engawa.db.webhooks;

import java.time.Instant;
import java.util.UUID;

/**
 * A claimed delivery with everything needed to send it, read in one query.
 *
 * @param ownerId who made the subscription (null: the admin token), whose rights are checked again before sending
 * @param scope what the subscription watches within its type ({@code recipe:<slug>}, {@code person:<id>}), or null
 */
public record DueDelivery(long id, int attempts, UUID eventId, String eventType, Instant occurredAt, String dataJson,
        UUID subscriptionId, String targetUrl, byte[] secretEncrypted, boolean subscriptionLive, String disabledReason,
        Instant failingSince, Long ownerId, String scope) {
}

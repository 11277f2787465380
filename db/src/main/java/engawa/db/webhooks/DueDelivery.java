package engawa.db.webhooks;

import java.time.Instant;
import java.util.UUID;

/** A claimed delivery with everything needed to send it, read in one query. */
public record DueDelivery(long id, int attempts, UUID eventId, String eventType, Instant occurredAt, String dataJson,
        UUID subscriptionId, String targetUrl, byte[] secretEncrypted, boolean subscriptionLive, String disabledReason,
        Instant failingSince) {
}

package engawa.db.webhooks;

import java.time.Instant;
import java.util.UUID;

/**
 * A subscription as stored, with its owner's name for display (null owner: the admin token).
 *
 * @param scope null for every event of its type, else what it watches ({@code recipe:<slug>})
 */
public record WebhookSubscriptionRow(UUID id, String eventType, String targetUrl, byte[] secretEncrypted, Long ownerId,
        String ownerUsername, String ownerName, Instant createdAt, boolean enabled, String disabledReason,
        Instant disabledAt, Instant failingSince, boolean deleted, String scope) {
}

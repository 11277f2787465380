package engawa.portal.webhooks;

import engawa.db.webhooks.WebhookSubscriptionRow;
import engawa.integrations.webhooks.ZapierHooks;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * A webhook subscription as people see it; never its secret, which is shown once at creation.
 *
 * @param owner the subscriber's username, or null for the admin token
 * @param zapier whether the target is a Zapier Catch Hook, whose 200 only says Zapier received it
 * @param recipe the recipe whose events alone it receives, or null for every event of its type
 */
public record Subscription(UUID id, String event, String targetUrl, String owner, String ownerName, Instant createdAt,
        boolean enabled, String disabledReason, Instant disabledAt, Instant failingSince, boolean zapier,
        String recipe) {

    static Subscription of(WebhookSubscriptionRow row) {
        return new Subscription(row.id(), row.eventType(), row.targetUrl(), row.ownerUsername(), row.ownerName(),
                row.createdAt(), row.enabled(), row.disabledReason(), row.disabledAt(), row.failingSince(),
                ZapierHooks.isCatchHook(URI.create(row.targetUrl())),
                row.scope() != null && row.scope().startsWith("recipe:") ? row.scope().substring("recipe:".length()) : null);
    }
}

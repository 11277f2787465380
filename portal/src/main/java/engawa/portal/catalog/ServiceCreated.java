package engawa.portal.catalog;

import engawa.portal.webhooks.EventType;
import engawa.portal.webhooks.WebhookEvent;

/**
 * A service was added to the catalog ({@code service.created}).
 *
 * @param actor who added it: a username, or the admin token's name
 * @param via {@code edit} (the portal or the API) or {@code import} (a Backstage file)
 */
public record ServiceCreated(ServiceInfo service, String actor, String via) implements WebhookEvent {

    public static final EventType TYPE = new EventType("service.created", EventType.Audience.MEMBERS,
            EventType.Scoping.NONE, "A service was added to the catalog.", ServiceCreated::sample);

    @Override
    public EventType type() {
        return TYPE;
    }

    static ServiceCreated sample() {
        return new ServiceCreated(ServiceInfo.sample("production"), "kenji", "edit");
    }
}

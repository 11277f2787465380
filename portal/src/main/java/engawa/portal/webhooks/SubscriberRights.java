package engawa.portal.webhooks;

import engawa.db.webhooks.DueDelivery;
import engawa.portal.people.Callers;
import engawa.portal.people.Callers.Caller;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Before an event goes out, whether the person who subscribed may still see it: their account
 * enabled, still an admin for the types only admins may watch, and still an owner of the recipe a
 * scoped subscription watches. Rights change after a subscription was made; a delivery acts with
 * those of the moment it is sent. (The admin token's subscriptions belong to nobody and stay.)
 */
@Component
class SubscriberRights {

    private final Callers callers;
    private final EventTypes types;
    private final EventScopes scopes;

    SubscriberRights(Callers callers, EventTypes types, EventScopes scopes) {
        this.callers = callers;
        this.types = types;
        this.scopes = scopes;
    }

    /** For one batch: each subscriber is looked up once. */
    Check forBatch() {
        return new Check();
    }

    final class Check {

        private final Map<Long, Optional<Caller>> owners = new HashMap<>();

        /** Why this delivery may not go out any more, or empty when it may. */
        Optional<String> refusal(DueDelivery delivery) {
            if (delivery.ownerId() == null || PrivateTargets.TYPE.equals(delivery.eventType())) {
                return Optional.empty();
            }
            Optional<Caller> owner = owners.computeIfAbsent(delivery.ownerId(), callers::person);
            if (owner.isEmpty()) {
                return Optional.of("Stopped: the person who made this subscription can no longer sign in.");
            }
            String scope = delivery.scope();
            boolean admin = owner.get().admin();
            if (scope != null && scope.startsWith("recipe:")) {
                if (!admin && !scopes.stillMayWatch(owner.get(), scope)) {
                    return Optional.of("Stopped: " + owner.get().username() + " no longer owns the recipe "
                            + scope.substring("recipe:".length()) + ", whose events this subscription watched.");
                }
                return Optional.empty();
            }
            boolean forAdmins = types.byId(delivery.eventType()).map(t -> t.audience() == EventType.Audience.ADMINS)
                    .orElse(false);
            boolean ownEvents = scope != null && scope.equals(WebhookEvent.personScope(delivery.ownerId()));
            if (forAdmins && !admin && !ownEvents) {
                return Optional.of("Stopped: " + owner.get().username()
                        + " is no longer an admin, and only admins may watch these events.");
            }
            return Optional.empty();
        }
    }
}

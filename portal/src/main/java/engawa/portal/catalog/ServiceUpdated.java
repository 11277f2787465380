package engawa.portal.catalog;

import engawa.portal.webhooks.EventType;
import engawa.portal.webhooks.WebhookEvent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A catalog entry changed ({@code service.updated}): the service as it is now, and each changed
 * field from what to what.
 *
 * @param changedFields the changed fields' names, comma-separated: easy to test in a Zap's filter
 * @param via {@code edit} or {@code import}
 */
public record ServiceUpdated(ServiceInfo service, String changedFields, Map<String, FieldChange> changes, String actor,
        String via) implements WebhookEvent {

    public static final EventType TYPE = new EventType("service.updated", EventType.Audience.MEMBERS,
            EventType.Scoping.NONE, "A catalog entry changed; lists the changed fields.", ServiceUpdated::sample);

    public ServiceUpdated {
        // in the order they were found, as people read them
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }

    ServiceUpdated(ServiceInfo service, Map<String, FieldChange> changes, String actor, String via) {
        this(service, String.join(", ", changes.keySet()), changes, actor, via);
    }

    @Override
    public EventType type() {
        return TYPE;
    }

    static ServiceUpdated sample() {
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        changes.put("lifecycle", new FieldChange("production", "deprecated"));
        changes.put("tier", new FieldChange("2", "1"));
        return new ServiceUpdated(ServiceInfo.sample("deprecated"), changes, "kenji", "edit");
    }
}

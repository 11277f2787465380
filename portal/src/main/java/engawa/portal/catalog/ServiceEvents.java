package engawa.portal.catalog;

import engawa.portal.shared.PublicUrl;
import engawa.portal.webhooks.EventType;
import engawa.portal.webhooks.WebhookEvents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code service.created} and {@code service.updated} for webhook subscribers (a Zapier workflow
 * that creates the repository, say), in the shape of {@link EventType}'s samples.
 */
@Component
class ServiceEvents {

    private final WebhookEvents events;
    private final PublicUrl publicUrl;

    ServiceEvents(WebhookEvents events, PublicUrl publicUrl) {
        this.events = events;
        this.publicUrl = publicUrl;
    }

    /** @param via {@code edit} (the portal or the API) or {@code import} */
    void created(CatalogEntry service, String actor, String via) {
        events.publish(EventType.SERVICE_CREATED, createdPayload(service, actor, via));
    }

    void updated(CatalogEntry service, Map<String, FieldChange> changes, String actor, String via) {
        events.publish(EventType.SERVICE_UPDATED, updatedPayload(service, changes, actor, via));
    }

    /** One event per imported service, written in two statements whatever their number. */
    void createdAll(List<ResolvedDraft> services, String actor) {
        events.publishAll(EventType.SERVICE_CREATED, services.stream()
                .map(s -> createdPayload(describe(s.draft(), s.owner()), actor, "import")).toList());
    }

    void updatedAll(List<Map.Entry<ResolvedDraft, Map<String, FieldChange>>> updates, String actor) {
        events.publishAll(EventType.SERVICE_UPDATED, updates.stream().map(u -> updatedPayload(
                describe(u.getKey().draft(), u.getKey().owner()), u.getValue(), actor, "import")).toList());
    }

    /** Services as they are now, each with what changed, from an import: one statement for all. */
    void updatedEntries(List<Map.Entry<CatalogEntry, Map<String, FieldChange>>> updates, String actor) {
        events.publishAll(EventType.SERVICE_UPDATED, updates.stream()
                .map(u -> updatedPayload(u.getKey(), u.getValue(), actor, "import")).toList());
    }

    private Map<String, Object> createdPayload(CatalogEntry service, String actor, String via) {
        return createdPayload(describe(service.toDraft(), service.owner()), actor, via);
    }

    private Map<String, Object> createdPayload(Map<String, Object> service, String actor, String via) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("service", service);
        data.put("actor", actor);
        data.put("via", via);
        return data;
    }

    private Map<String, Object> updatedPayload(CatalogEntry service, Map<String, FieldChange> changes, String actor,
            String via) {
        return updatedPayload(describe(service.toDraft(), service.owner()), changes, actor, via);
    }

    private Map<String, Object> updatedPayload(Map<String, Object> service, Map<String, FieldChange> changes,
            String actor, String via) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("service", service);
        data.put("changed_fields", String.join(", ", changes.keySet()));
        data.put("changes", changes);
        data.put("actor", actor);
        data.put("via", via);
        return data;
    }

    private Map<String, Object> describe(ServiceDraft service, Owner owner) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", service.name());
        s.put("title", service.title() != null ? service.title() : service.name());
        s.put("type", service.type());
        s.put("lifecycle", service.lifecycle().id());
        s.put("tier", service.tier());
        s.put("owner", owner.ref());
        s.put("owner_name", owner.name());
        s.put("system", service.system());
        s.put("url", publicUrl.of("/services/" + service.name()));
        return s;
    }
}

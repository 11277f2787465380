package engawa.portal.catalog;

import engawa.portal.shared.PublicUrl;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Publishes {@link ServiceCreated} and {@link ServiceUpdated} in the transaction of the change. */
@Component
class ServiceEvents {

    private final ApplicationEventPublisher publisher;
    private final PublicUrl publicUrl;

    ServiceEvents(ApplicationEventPublisher publisher, PublicUrl publicUrl) {
        this.publisher = publisher;
        this.publicUrl = publicUrl;
    }

    /** @param via {@code edit} (the portal or the API) or {@code import} */
    void created(CatalogEntry service, String actor, String via) {
        publisher.publishEvent(new ServiceCreated(describe(service.toDraft(), service.owner()), actor, via));
    }

    void updated(CatalogEntry service, Map<String, FieldChange> changes, String actor, String via) {
        publisher.publishEvent(new ServiceUpdated(describe(service.toDraft(), service.owner()), changes, actor, via));
    }

    /** One event per imported service; the outbox writes them together. */
    void createdAll(List<ResolvedDraft> services, String actor) {
        services.forEach(s -> publisher.publishEvent(new ServiceCreated(describe(s.draft(), s.owner()), actor, "import")));
    }

    void updatedAll(List<Map.Entry<ResolvedDraft, Map<String, FieldChange>>> updates, String actor) {
        updates.forEach(u -> publisher.publishEvent(new ServiceUpdated(describe(u.getKey().draft(), u.getKey().owner()),
                u.getValue(), actor, "import")));
    }

    /** Services as they are now, each with what changed, from an import. */
    void updatedEntries(List<Map.Entry<CatalogEntry, Map<String, FieldChange>>> updates, String actor) {
        updates.forEach(u -> updated(u.getKey(), u.getValue(), actor, "import"));
    }

    private ServiceInfo describe(ServiceDraft service, Owner owner) {
        return new ServiceInfo(service.name(), service.title() != null ? service.title() : service.name(), service.type(),
                service.lifecycle().id(), service.tier(), owner.ref(), owner.name(), service.system(),
                publicUrl.of("/services/" + service.name()),
                owner.kind() == Owner.Kind.TEAM ? owner.id() : null, owner.kind() == Owner.Kind.PERSON ? owner.id() : null);
    }
}

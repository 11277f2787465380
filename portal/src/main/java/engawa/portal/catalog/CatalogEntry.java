package engawa.portal.catalog;

import engawa.db.catalog.Lifecycle;
import engawa.db.catalog.OpsLinkKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A service as the portal shows it and as its owners edit it.
 *
 * @param dependsOn entity references in stored form ({@code component:default/payments-api})
 * @param version goes up by one with every change; an edit says which version it started from
 */
public record CatalogEntry(long id, String namespace, String name, String title, String description, String type,
        Lifecycle lifecycle, Integer tier, Owner owner, String system, List<String> tags, List<ServiceLink> links,
        Map<OpsLinkKind, String> opsLinks, List<String> dependsOn, List<String> providesApis, List<String> consumesApis,
        Map<String, String> annotations, Instant createdAt, Instant updatedAt, long version) {

    /** The title, or the name when there is none. */
    public String displayName() {
        return title != null ? title : name;
    }

    public String ref() {
        return Refs.ofService(namespace, name);
    }

    /** The entry as a draft, references in their short forms, to change and save. */
    public ServiceDraft toDraft() {
        return new ServiceDraft(name, title, description, type, lifecycle, tier, owner.ref(), system, tags, links,
                opsLinks, dependsOn.stream().map(r -> Refs.compact(r, "component")).toList(),
                providesApis.stream().map(r -> Refs.compact(r, "api")).toList(),
                consumesApis.stream().map(r -> Refs.compact(r, "api")).toList());
    }
}

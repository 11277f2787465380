package engawa.portal.catalog;

import engawa.db.catalog.CatalogServices;
import engawa.db.catalog.OpsLinkKind;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Which services the catalog has, for features that name services (a session about payments-api). */
@Component
public class ServiceDirectory {

    private final CatalogServices services;
    private final engawa.portal.people.PeopleDirectory people;
    private final CatalogService catalog;

    ServiceDirectory(CatalogServices services, engawa.portal.people.PeopleDirectory people, CatalogService catalog) {
        this.services = services;
        this.people = people;
        this.catalog = catalog;
    }

    /**
     * Where to look when a service misbehaves (an SLO burning): its logs, error tracking and metrics
     * links that it has, in that order, by their key ({@code logs}, {@code errors}, {@code metrics}).
     */
    @Transactional(readOnly = true)
    public java.util.Map<String, String> troubleshootingLinks(String name) {
        java.util.Map<String, String> links = new java.util.LinkedHashMap<>();
        catalog.find(name).ifPresent(entry -> {
            for (OpsLinkKind kind : new OpsLinkKind[] {OpsLinkKind.LOGS, OpsLinkKind.ERRORS, OpsLinkKind.METRICS}) {
                String url = entry.opsLinks().get(kind);
                if (url != null && !url.isBlank()) {
                    links.put(kind.key, url);
                }
            }
        });
        return links;
    }

    /** The people who answer for a service: its owning team's members, or its owning person. */
    @Transactional(readOnly = true)
    public java.util.List<Long> ownerPeople(long serviceId) {
        return services.findById(serviceId).map(s -> people.peopleOwning(s.ownerTeamId(), s.ownerUserId()))
                .orElse(java.util.List.of());
    }

    /** Those of {@code names} the catalog has, as they were given. Everyone signed in may read the catalog. */
    @Transactional(readOnly = true)
    public Set<String> existing(Collection<String> names) {
        Set<String> found = new HashSet<>(services.findByNames(names, false).keySet());
        Set<String> existing = new HashSet<>();
        for (String name : names) {
            if (found.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                existing.add(name);
            }
        }
        return existing;
    }
}

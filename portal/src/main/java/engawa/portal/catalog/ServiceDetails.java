package engawa.portal.catalog;

import engawa.db.catalog.EntityRow;
import engawa.db.catalog.RelatedEntity;
import engawa.portal.people.Member;
import java.util.List;

/**
 * Everything a service page shows.
 *
 * @param contacts the owning team's first members (or the owning person), to ask about the service
 * @param dependedOnBy services that depend on this one
 * @param system the system it is part of, when the catalog has it; {@code domain} that system's domain
 */
public record ServiceDetails(CatalogEntry entry, boolean mayEdit, List<Member> contacts, long contactCount,
        List<RelatedEntity> dependsOn, List<RelatedEntity> dependedOnBy, List<RelatedEntity> providesApis,
        List<RelatedEntity> consumesApis, EntityRow system, EntityRow domain) {
}

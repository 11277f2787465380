package engawa.portal.catalog;

import engawa.db.catalog.Relation;
import engawa.db.catalog.ServiceRow;
import java.util.List;
import java.util.Map;

/** Turns stored rows into entries. */
final class CatalogEntries {

    private CatalogEntries() {
    }

    static CatalogEntry of(ServiceRow row, Map<Relation, List<String>> refs, CatalogJson json) {
        return new CatalogEntry(row.id(), row.namespace(), row.name(), row.title(), row.description(), row.type(),
                row.lifecycle(), row.tier(), CatalogService.ownerOf(row), row.systemName(), row.tags(),
                json.readLinks(row.linksJson()), row.opsLinks(), refs.getOrDefault(Relation.DEPENDS_ON, List.of()),
                refs.getOrDefault(Relation.PROVIDES_API, List.of()), refs.getOrDefault(Relation.CONSUMES_API, List.of()),
                json.readTexts(row.annotationsJson()), row.createdAt(), row.updatedAt(), row.version());
    }
}

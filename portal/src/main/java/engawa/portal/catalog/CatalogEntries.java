package engawa.portal.catalog;

import engawa.db.catalog.Relation;
import engawa.db.catalog.Scorecards;
import engawa.db.catalog.ServiceRow;
import java.util.List;
import java.util.Map;

/** Turns stored rows into entries, summaries and owners, and entries into drafts to compare. */
final class CatalogEntries {

    private CatalogEntries() {
    }

    static CatalogEntry of(ServiceRow row, Map<Relation, List<String>> refs, CatalogJson json) {
        return new CatalogEntry(row.id(), row.namespace(), row.name(), row.title(), row.description(), row.type(),
                row.lifecycle(), row.tier(), ownerOf(row), row.systemName(), row.tags(),
                json.readLinks(row.linksJson()), row.opsLinks(), refs.getOrDefault(Relation.DEPENDS_ON, List.of()),
                refs.getOrDefault(Relation.PROVIDES_API, List.of()), refs.getOrDefault(Relation.CONSUMES_API, List.of()),
                json.readTexts(row.annotationsJson()), row.createdAt(), row.updatedAt(), row.version());
    }

    static ServiceSummary summary(ServiceRow row, Scorecards.Result score) {
        return new ServiceSummary(row.name(), row.title(), row.description(), row.type(), row.lifecycle(), row.tier(),
                ownerOf(row), row.systemName(), row.tags(), row.opsLinks().keySet(), row.updatedAt(),
                score == null ? null : score.level(), score == null ? null : score.worstSloState());
    }

    static Owner ownerOf(ServiceRow row) {
        if (row.ownerPending() != null) {
            return pendingOwner(row.ownerPending());
        }
        return row.ownerTeamId() != null
                ? new Owner(Owner.Kind.TEAM, row.ownerTeamId(), row.ownerTeamSlug(), row.ownerTeamName())
                : new Owner(Owner.Kind.PERSON, row.ownerUserId(), row.ownerUsername(), row.ownerDisplayName());
    }

    /** A pending owner as stored: {@code group:x}, {@code user:x} or a bare name. */
    static Owner pendingOwner(String stored) {
        int colon = stored.indexOf(':');
        return colon < 0 ? Owner.pending("group", stored, true)
                : Owner.pending(stored.substring(0, colon), stored.substring(colon + 1), false);
    }

    /** The draft with references in stored form, so that two spellings of one reference compare equal. */
    static ServiceDraft canonical(ResolvedDraft resolved) {
        ServiceDraft d = resolved.draft();
        return new ServiceDraft(d.name(), d.title(), d.description(), d.type(), d.lifecycle(), d.tier(),
                resolved.owner().ref(), d.system(), d.tags(), d.links(), d.opsLinks(),
                resolved.relations().get(Relation.DEPENDS_ON), resolved.relations().get(Relation.PROVIDES_API),
                resolved.relations().get(Relation.CONSUMES_API));
    }

    static ServiceDraft canonical(CatalogEntry entry) {
        return new ServiceDraft(entry.name(), entry.title(), entry.description(), entry.type(), entry.lifecycle(),
                entry.tier(), entry.owner().ref(), entry.system(), entry.tags(), entry.links(), entry.opsLinks(),
                entry.dependsOn(), entry.providesApis(), entry.consumesApis());
    }
}

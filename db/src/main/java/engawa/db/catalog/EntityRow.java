package engawa.db.catalog;

import java.time.Instant;
import java.util.List;

/** A System, Domain, Resource or API as stored, with its owner's names. */
public record EntityRow(long id, String ref, String kind, String namespace, String name, String title, String description,
        String type, String lifecycle, Long ownerTeamId, String ownerTeamSlug, Long ownerUserId, String ownerUsername,
        String ownerPending, String parentRef, List<String> tags, String linksJson, String annotationsJson, String specJson,
        Instant createdAt, Instant updatedAt) {

    public EntityValues values() {
        return new EntityValues(kind, namespace, name, title, description, type, lifecycle, ownerTeamId, ownerUserId,
                ownerPending, parentRef, tags, linksJson, annotationsJson, specJson);
    }
}

package engawa.db.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A service as stored, with its owner's names. In lists, {@code description} holds only its
 * beginning and {@code linksJson} and {@code annotationsJson} are empty.
 */
public record ServiceRow(long id, String namespace, String name, String title, String description, String type,
        Lifecycle lifecycle, Integer tier, Long ownerTeamId, String ownerTeamSlug, String ownerTeamName, Long ownerUserId,
        String ownerUsername, String ownerDisplayName, String ownerPending, String systemName, List<String> tags, String linksJson,
        String annotationsJson, Map<OpsLinkKind, String> opsLinks, Instant createdAt, Instant updatedAt, long version) {

    /** The values as they are, to change some of them and write them back. */
    public ServiceValues values() {
        return new ServiceValues(namespace, name, title, description, type, lifecycle, tier, ownerTeamId, ownerUserId,
                ownerPending, systemName, tags, linksJson, annotationsJson, opsLinks);
    }
}

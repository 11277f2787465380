package engawa.db.recipes;

import java.time.Instant;
import java.util.UUID;

/**
 * A recipe as stored, with its owner's key and name and its target's URL read alongside.
 *
 * @param ownerKey the owning team's slug or person's username
 * @param targetUrl null until the owners set a target
 */
public record RecipeRow(long id, RecipeValues values, String ownerKey, String ownerName, RecipeStatus status,
        UUID targetSubscriptionId, String targetUrl, int publishedVersion, long editVersion, Instant nextTestAt,
        RecipeHealth health, int failuresInARow, Instant lastSuccessAt, Instant lastRunAt, long runCount,
        Instant createdAt, Instant updatedAt, Instant publishedAt) {

    public String slug() {
        return values.slug();
    }
}
